#!/usr/bin/env python3
"""Reference for `cplan bench corpus`: Python's sqlite3 FTS5 on the same files.

Usage: python3 fts_reference.py INDEX.sqlite FILE...

Reads every file and inserts it whole (path, text) into an FTS5 table with the
porter + unicode61 tokenizer, in one transaction, the plainest way to index the
same documentation. No sectioning, no markup reduction. Then runs the queries
given on standard input (one per line) and reports their median latency.
Prints one JSON object: files, bytes, index_seconds, search_p50_ms, peak_rss_kib.
"""

import json
import os
import resource
import sqlite3
import statistics
import sys
import time


def main(argv):
    if len(argv) < 2:
        print("usage: python3 fts_reference.py INDEX.sqlite FILE...", file=sys.stderr)
        return 2
    index, files = argv[0], argv[1:]
    if os.path.exists(index):
        os.remove(index)
    start = time.perf_counter()
    db = sqlite3.connect(index)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("CREATE VIRTUAL TABLE doc USING fts5(path UNINDEXED, body, "
               "tokenize = 'porter unicode61 remove_diacritics 2')")
    total = 0
    with db:
        for path in files:
            with open(path, "rb") as handle:
                data = handle.read()
            total += len(data)
            db.execute("INSERT INTO doc(path, body) VALUES (?, ?)",
                       (path, data.decode("utf-8", "replace")))
    index_seconds = time.perf_counter() - start
    latencies = []
    for query in sys.stdin.read().splitlines():
        words = " ".join('"%s"' % w for w in query.split() if w.isalnum())
        if not words:
            continue
        t = time.perf_counter()
        db.execute("SELECT path, snippet(doc, 1, '[', ']', '…', 16) FROM doc WHERE doc MATCH ? "
                   "ORDER BY bm25(doc) LIMIT 10", (words,)).fetchall()
        latencies.append((time.perf_counter() - t) * 1000)
    print(json.dumps({
        "files": len(files),
        "bytes": total,
        "index_seconds": index_seconds,
        "search_p50_ms": statistics.median(latencies) if latencies else None,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
