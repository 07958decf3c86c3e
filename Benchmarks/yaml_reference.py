#!/usr/bin/env python3
"""Reference for `cplan bench validate`: PyYAML's safe loader on the same files.

Usage: python3 yaml_reference.py --iterations N FILE...

Reads every file once per iteration with yaml.load(..., Loader=CSafeLoader) when
PyYAML was built with libyaml (else the pure-Python SafeLoader), and prints one
JSON object: loader, iterations, files, seconds (total), per_iteration_ms and
peak_rss_kib. Parsing only: no schema or semantic checks.
"""

import json
import resource
import sys
import time


def main(argv):
    if len(argv) < 3 or argv[0] != "--iterations":
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        import yaml
    except ImportError:
        print("PyYAML is not installed (pip install pyyaml)", file=sys.stderr)
        return 3
    iterations = int(argv[1])
    files = argv[2:]
    loader = getattr(yaml, "CSafeLoader", None)
    name = "CSafeLoader" if loader else "SafeLoader"
    loader = loader or yaml.SafeLoader
    start = time.perf_counter()
    for _ in range(iterations):
        for path in files:
            with open(path, "rb") as handle:
                yaml.load(handle.read(), Loader=loader)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "loader": name,
        "iterations": iterations,
        "files": len(files),
        "seconds": seconds,
        "per_iteration_ms": seconds * 1000 / iterations,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
