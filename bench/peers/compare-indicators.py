#!/usr/bin/env python3
"""Checks that a peer's figures equal Leefbaar's indicators.csv (issue 23: equal work).

usage: compare-indicators.py LEEFBAAR_INDICATORS_CSV PEER_CSV [PERIOD]

PEER_CSV has the columns level,unit_id,category,indicator,value,numerator,denominator (more are
ignored; a `period` column, when present, must equal PERIOD; `ci_low`, `ci_high` and `flag`, when
present, are compared too). Every row of the peer is compared
with Leefbaar's row of the same level, unit, category and indicator, and every Leefbaar row of an
indicator the peer computes must have a peer row. Counts must be equal; values equal within a
relative 1e-9 (the two compute rates, shares and percentiles in a different order of floating
point operations); empty only where the other is empty. Exits 1 on any difference and prints the
first ones. Standard library only, so it runs without pandas.
"""
import csv
import math
import sys


def key(row):
    return (row["level"], row["unit_id"], row["category"], row["indicator"])


def number(text):
    text = (text or "").strip()
    return None if text == "" else float(text)


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    period = sys.argv[3] if len(sys.argv) > 3 else None
    with open(sys.argv[2], newline="", encoding="utf-8") as f:
        peer = {key(r): r for r in csv.DictReader(f) if period is None or r.get("period", period) == period}
    indicators = {k[3] for k in peer}
    with open(sys.argv[2], newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    extra = tuple(c for c in ("ci_low", "ci_high", "flag") if c in header)
    ours = {}
    with open(sys.argv[1], newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["indicator"] in indicators and (period is None or r["period"] == period):
                ours[key(r)] = r
    differences = []
    for k in sorted(set(ours) | set(peer)):
        if k not in peer:
            differences.append(f"{k}: no peer row (Leefbaar: {ours[k]['value']})")
            continue
        if k not in ours:
            differences.append(f"{k}: no Leefbaar row (peer: {peer[k]['value']})")
            continue
        for column in ("value", "numerator", "denominator") + extra:
            if column == "flag":
                if ours[k][column] != (peer[k][column] or ""):
                    differences.append(f"{k} {column}: Leefbaar {ours[k][column]!r}, peer {peer[k][column]!r}")
                continue
            a, b = number(ours[k][column]), number(peer[k].get(column))
            if not same(a, b):
                differences.append(f"{k} {column}: Leefbaar {ours[k][column]!r}, peer {peer[k].get(column)!r}")
    by_indicator = {}
    for k in peer:
        by_indicator[k[3]] = by_indicator.get(k[3], 0) + 1
    print(f"compared {len(peer)} peer rows ({len(indicators)} indicators, "
          f"{len({(k[0], k[1]) for k in peer})} units) with {len(ours)} Leefbaar rows: "
          f"{len(differences)} differences")
    for line in differences[:25]:
        print("  " + line)
    if differences:
        counts = {}
        for line in differences:
            name = line.split("'")[7] if line.count("'") >= 8 else "?"
            counts[name] = counts.get(name, 0) + 1
        print("  differences per indicator:", counts)
        sys.exit(1)


if __name__ == "__main__":
    main()
