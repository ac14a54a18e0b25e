#!/usr/bin/env python3
"""Reads what one timed command of bench/peers-bench.sh left: its output, stamped with the wall
clock of each line's arrival ("<epoch seconds> <line>"), and its GC log (-Xlog:gc).

usage: watch.py STAMPED_OUTPUT GC_LOG START_EPOCH END_EPOCH

Prints one line: the longest silence between two output lines (start and end of the command
included) and every silence over 10 s with the line before it, and the peak heap: the largest
heap in use before a collection (what the JVM held at its fullest) and the largest after one
(live data). Standard library only.
"""
import re
import sys


def main():
    stamped, gc_log, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    times, lines = [start], ["(start)"]
    with open(stamped, encoding="utf-8", errors="replace") as f:
        for line in f:
            at, _, text = line.rstrip("\n").partition(" ")
            times.append(float(at))
            lines.append(text)
    times.append(end)
    gaps = [(times[i + 1] - times[i], lines[i]) for i in range(len(times) - 1)]
    longest = max(gaps)[0] if gaps else 0.0
    silent = [g for g in gaps if g[0] > 10]
    before = after = 0
    try:
        with open(gc_log, encoding="utf-8") as f:
            for m in re.finditer(r"(\d+)M->(\d+)M\(", f.read()):
                before, after = max(before, int(m.group(1))), max(after, int(m.group(2)))
    except FileNotFoundError:
        pass
    print(f"  progress: {len(lines) - 1} output lines, longest silence {longest:.1f} s, "
          f"{len(silent)} silences over 10 s; peak heap {before} MB before a collection, {after} MB after")
    for gap, line in silent:
        print(f"    silent {gap:.1f} s after: {line[:150]}")


if __name__ == "__main__":
    main()
