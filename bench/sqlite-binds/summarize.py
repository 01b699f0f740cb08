#!/usr/bin/env python3
"""Median (min..max) per variant of the RESULT lines in results.txt."""
import re, statistics, sys
from collections import defaultdict, OrderedDict
rows = defaultdict(list)
order = OrderedDict()
for line in open(sys.argv[1] if len(sys.argv) > 1 else "results.txt"):
    kv = dict(re.findall(r"(\w+)=(\S+)", line))
    if "variant" not in kv:
        continue
    order[kv["variant"]] = 1
    rows[kv["variant"]].append(kv)
keys = ["threadcpu_us", "build_us", "exec_us", "commit_us", "proccpu_us", "wall_us", "gc_ms"]
print("| variant | n | " + " | ".join(keys) + " | payload B/row |")
print("|---|---|" + "---|" * len(keys) + "---|")
for v in order:
    cells = []
    for k in keys:
        xs = sorted(float(r[k]) for r in rows[v])
        cells.append(f"{statistics.median(xs):.2f} ({xs[0]:.2f}–{xs[-1]:.2f})")
    print(f"| {v} | {len(rows[v])} | " + " | ".join(cells) + f" | {float(rows[v][0]['payload_B_per_row']):.0f} |")
