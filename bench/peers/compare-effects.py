#!/usr/bin/env python3
"""Checks that a peer's activity effects equal Leefbaar's activity-effects.csv (issue 23).

usage: compare-effects.py LEEFBAAR_ACTIVITY_EFFECTS_CSV PEER_CSV

Rows are matched by activity_id (the pooled rows by type); counts and window must be equal, the
ratios, intervals and p-values equal within a relative 1e-9, the flags identical. Exits 1 on any
difference. Standard library only.
"""
import csv
import math
import sys

COLUMNS = ("window_days", "before", "after", "comparison_before", "comparison_after", "rate_ratio", "ci_low",
           "ci_high", "p_value", "comparison_rate_ratio", "effect_vs_comparison", "effect_ci_low", "effect_ci_high")


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["activity_id"] or "pooled " + r["type"]): r for r in csv.DictReader(f)}


def number(text):
    text = (text or "").strip()
    return None if text in ("", "nan") else float(text)


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def main():
    ours, peer = rows(sys.argv[1]), rows(sys.argv[2])
    differences = [f"{k}: only in {'Leefbaar' if k in ours else 'the peer'}" for k in set(ours) ^ set(peer)]
    for k in sorted(set(ours) & set(peer)):
        for column in COLUMNS:
            if not same(number(ours[k][column]), number(peer[k][column])):
                differences.append(f"{k} {column}: Leefbaar {ours[k][column]!r}, peer {peer[k][column]!r}")
        if (ours[k]["flag"] or "") != (peer[k]["flag"] or ""):
            differences.append(f"{k} flag: Leefbaar {ours[k]['flag']!r}, peer {peer[k]['flag']!r}")
    print(f"compared {len(peer)} peer activity-effect rows with {len(ours)} Leefbaar rows: "
          f"{len(differences)} differences")
    for line in differences[:25]:
        print("  " + line)
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
