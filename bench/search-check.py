#!/usr/bin/env python3
"""Asks Gazette each search request once, one at a time, and checks the answers.

    python3 bench/search-check.py --base http://127.0.0.1:PORT --queries DIR/search-queries.tsv

Fails if any request does not answer 200 with the search JSON. Prints, per kind of query, how many
found nothing and the median single-client latency; the first pass also warms the JIT and the
operating system's cache of the index files. Only the given base address (loopback) is contacted.
Python 3 standard library only.
"""
import argparse
import collections
import json
import statistics
import sys
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--queries", required=True)
    args = ap.parse_args()
    if not args.base.startswith(("http://127.", "http://localhost")):
        sys.exit("search-check: only loopback addresses")
    stats = collections.defaultdict(lambda: {"n": 0, "empty": 0, "suggested": 0, "ms": []})
    with open(args.queries, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for kind, path, typed in rows:
        start = time.perf_counter()
        with urllib.request.urlopen(args.base + path, timeout=30) as response:
            body = response.read()
            status = response.status
        elapsed = (time.perf_counter() - start) * 1000
        if status != 200:
            sys.exit("search-check: %s answered %d" % (path, status))
        answer = json.loads(body)
        s = stats[kind]
        s["n"] += 1
        s["ms"].append(elapsed)
        s["empty"] += answer["total"] == 0
        s["suggested"] += bool(answer.get("suggestion"))
    everything = [ms for s in stats.values() for ms in s["ms"]]
    print("%-8s %5s %7s %9s %9s %9s" % ("kind", "n", "empty", "suggested", "median_ms", "max_ms"))
    for kind in sorted(stats):
        s = stats[kind]
        print("%-8s %5d %7d %9d %9.1f %9.1f" % (kind, s["n"], s["empty"], s["suggested"],
                                                statistics.median(s["ms"]), max(s["ms"])))
    print("%-8s %5d %7d %9d %9.1f %9.1f" % ("all", len(everything), sum(s["empty"] for s in stats.values()),
                                            sum(s["suggested"] for s in stats.values()),
                                            statistics.median(everything), max(everything)))


if __name__ == "__main__":
    main()
