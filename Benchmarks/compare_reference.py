#!/usr/bin/env python3
"""Independent reference for `cplan compare`: reads two harness results trees the way the
harness's evaluation does (latest date folder, first newman-run-report-*.csv, sums of
totalAssertions / executedCount / failedCount; a missing report counts as a failed run), matches
tasks by agent, model and task, and prints per-level A% differences, their standard errors, the
Wilcoxon signed-rank test (scipy) and the exact McNemar test on per-task majority pass, as JSON.
Compliance is not verified (every run compliant), as in cplan's default.

Usage: compare_reference.py BASELINE PLANNED [--check CPLAN.json] [--iterations N]

With --check, compares its numbers with `cplan compare --format json` output and exits 1 on a
difference larger than 1e-9 (p values: 1e-9 relative). Needs Python 3.10+ and scipy.
"""

import argparse
import csv
import json
import math
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from scipy import stats


def read_csv(path):
    total = passed = failed = 0
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        index = {name: i for i, name in enumerate(header)}
        for row in reader:
            if not row or row == [""]:
                continue
            if len(row) != len(header):
                continue
            try:
                values = [int(row[index[c]] or 0) for c in
                          ("totalAssertions", "executedCount", "failedCount")]
            except ValueError:
                continue
            if min(values) < 0:
                continue
            total += values[0]
            passed += values[1]
            failed += values[2]
    return total, passed, failed


def read_arm(root):
    tasks = {}
    for runtime in ("node", "uv"):
        for agent in sorted(p for p in (Path(root) / runtime).glob("*") if p.is_dir()):
            for model in sorted(p for p in agent.iterdir() if p.is_dir()):
                for task in sorted(p for p in model.iterdir() if p.is_dir()):
                    dates = sorted(p for p in task.iterdir() if p.is_dir())
                    if not dates:
                        continue
                    runs = []
                    for run in sorted(p for p in dates[-1].iterdir()
                                      if p.is_dir() and p.name.startswith("run_")):
                        reports = sorted(run.glob("newman-run-report-*.csv"))
                        total, ok, bad = read_csv(reports[0]) if reports else (0, 0, 0)
                        runs.append((ok / total if total else 0.0, total > 0 and bad == 0))
                    if runs:
                        tasks[(agent.name, model.name, task.name)] = runs
    return tasks


def level(task):
    parts = task.split("-")[2:]
    return 0 if parts == ["unconstrained"] else len(parts)


def compare(baseline, planned):
    keys = sorted(set(baseline) & set(planned))
    by_level = defaultdict(list)
    for key in keys:
        by_level[level(key[2])].append(key)
    out = {}
    for name, members in [("all", keys)] + [(f"L{l}", by_level[l]) for l in sorted(by_level)]:
        a = [statistics.mean(r[0] for r in baseline[k]) for k in members]
        b = [statistics.mean(r[0] for r in planned[k]) for k in members]
        d = [y - x for x, y in zip(a, b)]
        # Differences that are equal in exact arithmetic can differ in the last bits of a
        # double; rounding to 12 decimals makes them the ties they are (cplan does the same
        # with a 1e-12 tolerance).
        nonzero = [round(x, 12) for x in d if abs(x) > 1e-12]
        if nonzero:
            ties = len({abs(x) for x in nonzero}) < len(nonzero)
            method = "exact" if len(nonzero) <= 25 and not ties else "approx"
            w = stats.wilcoxon(nonzero, method=method, correction=True)
            wilcoxon = {"statistic": float(w.statistic), "p": float(w.pvalue), "n": len(nonzero)}
        else:
            wilcoxon = {"statistic": 0.0, "p": 1.0, "n": 0}
        majority = [(2 * sum(r[1] for r in baseline[k]) > len(baseline[k]),
                     2 * sum(r[1] for r in planned[k]) > len(planned[k])) for k in members]
        only_base = sum(1 for x, y in majority if x and not y)
        only_arm = sum(1 for x, y in majority if y and not x)
        mcnemar = (stats.binomtest(min(only_base, only_arm), only_base + only_arm, 0.5).pvalue
                   if only_base + only_arm else 1.0)
        out[name] = {
            "tasks": len(members),
            "baseline": 100 * statistics.mean(a),
            "arm": 100 * statistics.mean(b),
            "difference": 100 * statistics.mean(d),
            "standardError": 100 * statistics.stdev(d) / math.sqrt(len(d)) if len(d) > 1 else None,
            "wilcoxon": wilcoxon,
            "mcnemar": {"baselineOnly": only_base, "armOnly": only_arm, "p": float(mcnemar)},
        }
    return out


def check(reference, cplan_json):
    report = json.loads(Path(cplan_json).read_text())
    rows = {(row["group"]["name"]): row for row in report["comparisons"][0]["rows"]}
    problems = []
    for name, expected in reference.items():
        row = rows[name]
        metric = next(m for m in row["metrics"] if m["metric"] == "a")
        pairs = [
            ("baseline", metric["baseline"], expected["baseline"]),
            ("arm", metric["arm"], expected["arm"]),
            ("difference", metric["difference"], expected["difference"]),
            ("standardError", metric.get("standardError"), expected["standardError"]),
            ("wilcoxon W", row["wilcoxon"]["statistic"], expected["wilcoxon"]["statistic"]),
            ("mcnemar p", row["mcnemar"]["p"], expected["mcnemar"]["p"]),
        ]
        for label, got, want in pairs:
            if (got is None) != (want is None) or (got is not None and abs(got - want) > 1e-9):
                problems.append(f"{name} {label}: cplan {got}, reference {want}")
        got, want = row["wilcoxon"]["p"], expected["wilcoxon"]["p"]
        if abs(got - want) > 1e-9 * max(1.0, abs(want)):
            problems.append(f"{name} wilcoxon p: cplan {got}, reference {want}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline")
    parser.add_argument("planned")
    parser.add_argument("--check")
    parser.add_argument("--iterations", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    for _ in range(args.iterations):
        result = compare(read_arm(args.baseline), read_arm(args.planned))
    elapsed = (time.perf_counter() - start) / args.iterations
    if args.check:
        problems = check(result, args.check)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{'agree' if not problems else 'differ'}: {len(result)} groups; "
              f"{elapsed * 1000:.1f} ms per comparison")
        sys.exit(1 if problems else 0)
    print(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
