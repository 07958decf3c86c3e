#!/usr/bin/env python3
"""Reference for `cplan bench matrix`: a plain Python prompt generator.

Usage: python3 prompt_reference.py --iterations N MANIFEST...

Does what a straightforward generator script does (the paper's own builds its 80
baseline prompts this way): for every manifest, read it with PyYAML, read its spec
once, enumerate the variants (every combination of dimension values or none, kept
when an ORM has a database) and fill a fixed string template per variant. No
planning, no spec digest, no files written. Prints one JSON object: prompts,
iterations, seconds, per_iteration_ms, peak_rss_kib.
"""

import itertools
import json
import os
import resource
import sys
import time


def build(manifests):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    prompts = []
    for path in manifests:
        with open(path, "rb") as handle:
            manifest = yaml.load(handle.read(), Loader=loader)
        spec_path = os.path.join(os.path.dirname(path), manifest["spec"])
        with open(spec_path, encoding="utf-8") as handle:
            spec = handle.read().rstrip()
        dimensions = manifest["dimensions"]
        choices = []
        for dimension in dimensions:
            values = [None]
            for value in dimension["values"]:
                values.append(value if isinstance(value, dict) else {"id": value})
            choices.append(values)
        for combo in itertools.product(*choices):
            chosen = {d["id"]: v for d, v in zip(dimensions, combo)}
            if chosen.get("orm") and not chosen.get("database"):
                continue
            tokens = [v.get("token", v["id"]) for v in combo if v]
            name = "%s-openapi-%s" % (manifest["framework"], "-".join(tokens) or "unconstrained")
            lines = [spec, "", manifest["instruction"].rstrip(), "", "## Requirements", ""]
            lines.append("- Build the server with the **%s** framework." % manifest["framework"])
            for dimension, value in zip(dimensions, combo):
                if value:
                    lines.append("- %s: use **%s**." % (dimension.get("label", dimension["id"]),
                                                         value.get("label", value["id"])))
            lines += ["", "## Mandatory Files", ""]
            for number, entry in enumerate(manifest.get("files", []), 1):
                lines.append("%d. `%s`: %s" % (number, entry["path"], entry.get("purpose", "")))
            server = manifest["server"]
            lines += ["", "## Server Configuration", "", "- Listen on port **%d**." % server["port"]]
            for number, command in enumerate(manifest.get("pipeline", {}).get("setup", []), 1):
                lines.append("%d. `%s`" % (number, command))
            prompts.append((name, "\n".join(lines) + "\n"))
    return prompts


def main(argv):
    if len(argv) < 3 or argv[0] != "--iterations":
        print("usage: python3 prompt_reference.py --iterations N MANIFEST...", file=sys.stderr)
        return 2
    iterations = int(argv[1])
    manifests = argv[2:]
    start = time.perf_counter()
    count = 0
    for _ in range(iterations):
        count = len(build(manifests))
    seconds = time.perf_counter() - start
    print(json.dumps({
        "prompts": count,
        "iterations": iterations,
        "seconds": seconds,
        "per_iteration_ms": seconds * 1000 / iterations,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
