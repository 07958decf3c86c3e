#!/usr/bin/env python3
"""Reference for `cplan bench verify`: a plain regex verifier in Python.

Usage: python3 verify_reference.py --iterations N INDEX.json

INDEX.json lists the patches (paths relative to its folder) and the task name of each:
{"patches": [{"file": "0001-flask.patch", "task": "flask-openapi-sqlite"}, ...]}.

For every patch it does the equivalent scan the way a straightforward script does it: split
the diff into files and keep the added lines, then (1) clean architecture: at least 3 of the
4 layers as folders, and no import in a lower layer whose path names a higher layer (names
only, no resolution); (2) database: regular expressions for drivers, dependencies, URLs,
Django backends and dialects of each engine over the added text, lock files left out; (3) ORM:
regular expressions for SQLAlchemy or Sequelize. Prints one JSON object: patches, iterations,
seconds, patches_per_second, peak_rss_kib and the verdict of each patch.
"""

import json
import os
import re
import resource
import sys
import time

LAYERS = {
    "routes": ({"routes", "route", "routers", "router", "handlers", "handler", "controllers",
                "controller", "api", "views", "endpoints"}, 3),
    "services": ({"services", "service", "usecases", "use_cases", "use-cases", "usecase",
                  "use_case", "application"}, 2),
    "repositories": ({"repositories", "repository", "repos", "repo", "data_access",
                      "data-access", "dal", "dao", "db", "persistence"}, 1),
    "models": ({"models", "model", "entities", "entity", "domain"}, 0),
}
LOCK_FILES = {"package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml",
              "poetry.lock", "uv.lock", "Pipfile.lock", "pdm.lock"}
TEST_PART = re.compile(r"(^|/)(tests?|__tests__|spec|e2e)/|(^|/)test_[^/]*\.py$|_test\.py$|"
                       r"\.(test|spec)\.[a-z]+$|(^|/)conftest\.py$")
IMPORT_RE = re.compile(
    r"^\s*from\s+([\w.]+)\s+import|^\s*import\s+([\w.]+)|require\(\s*['\"]([^'\"]+)['\"]|"
    r"\bfrom\s+['\"]([^'\"]+)['\"]", re.M)
EVIDENCE = {
    "sqlite": [
        re.compile(r"^\s*(?:import|from)\s+(?:sqlite3|aiosqlite)\b", re.M),
        re.compile(r"\bsqlite(?:\+\w+)?://", re.I),
        re.compile(r"django\.db\.backends\.sqlite3"),
        re.compile(r"""['"](?:sqlite3|better-sqlite3|sqlite)['"]"""),
        re.compile(r"""(?:dialect|client|provider)\s*['"]?\s*[:=]\s*['"](?:sqlite3?|better-sqlite3)['"]""",
                   re.I),
        re.compile(r"^\s*aiosqlite\b", re.M),
    ],
    "postgres": [
        re.compile(r"^\s*(?:import|from)\s+(?:psycopg2?|asyncpg|pg8000|aiopg)\b", re.M),
        re.compile(r"\bpostgres(?:ql)?(?:\+\w+)?://", re.I),
        re.compile(r"django\.db\.backends\.postgresql"),
        re.compile(r"""['"](?:pg|pg-promise|pg-hstore)['"]"""),
        re.compile(r"""(?:dialect|client|provider)\s*['"]?\s*[:=]\s*['"](?:postgres(?:ql)?|pg)['"]""",
                   re.I),
        re.compile(r"^\s*(?:psycopg2?(?:-binary)?|asyncpg)\b", re.M | re.I),
    ],
}
ORM = {
    "sqlalchemy": [re.compile(r"^\s*(?:import|from)\s+(?:flask_)?sqlalchemy\b", re.M),
                   re.compile(r"^\s*(?:flask-)?sqlalchemy\b", re.M | re.I)],
    "sequelize": [re.compile(r"""(?:require\(|from\s+)\s*['"]sequelize['"]"""),
                  re.compile(r"""['"]sequelize['"]\s*:"""), re.compile(r"new\s+Sequelize\s*\(")],
}


def split_patch(text):
    """{path: [added lines]} for files that exist after the patch."""
    files, current = {}, None
    for line in text.splitlines():
        if line.startswith("diff --git "):
            match = re.match(r"diff --git a/(.+?) b/(.+)$", line)
            current = match.group(2) if match else None
            if current is not None:
                files[current] = []
        elif current is None or line.startswith("--- "):
            continue
        elif line.startswith("+++ "):
            if line[4:].strip() == "/dev/null":
                files.pop(current, None)
                current = None
        elif line.startswith("+"):
            files[current].append(line[1:])
    return files


def layer_of(parts):
    for part in reversed(parts):
        for name, (names, rank) in LAYERS.items():
            if part.lower() in names:
                return name, rank
    return None


def check_architecture(files):
    present = set()
    ok = True
    for path, lines in files.items():
        if TEST_PART.search(path):
            continue
        folders = path.split("/")[:-1]
        for folder in folders:
            hit = layer_of([folder])
            if hit:
                present.add(hit[0])
        own = layer_of(folders)
        if own is None:
            continue
        for match in IMPORT_RE.finditer("\n".join(lines)):
            module = next(group for group in match.groups() if group)
            parts = [p for p in re.split(r"[./]", module) if p]
            target = layer_of(parts)
            if target and target[1] > own[1]:
                ok = False
    return ok and len(present) >= 3


def verify(text, constraints):
    files = split_patch(text)
    blob = "\n".join("\n".join(lines) for path, lines in files.items()
                     if os.path.basename(path) not in LOCK_FILES
                     and not path.endswith((".md", ".rst")))
    ok = True
    if "clean_architecture" in constraints:
        ok = check_architecture(files) and ok
    for engine in ("sqlite", "postgres"):
        if engine in constraints:
            other = "postgres" if engine == "sqlite" else "sqlite"
            found = any(p.search(blob) for p in EVIDENCE[engine])
            clash = any(p.search(blob) for p in EVIDENCE[other])
            ok = ok and found and not clash
    for orm, patterns in ORM.items():
        if orm in constraints:
            ok = ok and any(p.search(blob) for p in patterns)
    return ok


def main(argv):
    if len(argv) != 3 or argv[0] != "--iterations":
        print("usage: python3 verify_reference.py --iterations N INDEX.json", file=sys.stderr)
        return 2
    iterations = int(argv[1])
    with open(argv[2], encoding="utf-8") as handle:
        index = json.load(handle)
    folder = os.path.dirname(os.path.abspath(argv[2]))
    entries = [(os.path.join(folder, e["file"]), e["file"], e["task"].split("-")[2:])
               for e in index["patches"]]
    verdicts = {}
    start = time.perf_counter()
    for _ in range(iterations):
        for path, name, constraints in entries:
            with open(path, encoding="utf-8", errors="replace") as handle:
                verdicts[name] = verify(handle.read(), constraints)
    seconds = time.perf_counter() - start
    count = len(entries) * iterations
    print(json.dumps({
        "patches": len(entries),
        "iterations": iterations,
        "seconds": seconds,
        "patches_per_second": count / seconds if seconds > 0 else 0,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "verdicts": verdicts,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
