#!/usr/bin/env bash
# Import benchmark (issue 23): bench/import-bench.sh [city] SIZE   (SIZE: 100k, 1m, 3.3m, 10m, ...)
# Input from bench/generate.sh (kept in bench/data/SIZE or bench/data/city-SIZE; generated when
# missing). On a fresh embedded database (a temporary LEEFBAAR_HOME), with -Xmx512m and C1 as
# ./leefbaar runs: the reference (psql's \copy of reports.csv into an unindexed all-text table),
# our first load of the folder, our re-read of the same folder (nothing changed), the floor of both
# (the same statements in PostgreSQL alone), and the reference again. Prints the times, the ratios
# against the mean of the two references and the peak heap; the whole output, with the import's
# own lines (where the time goes), goes to bench/results/import-bench-[city-]SIZE.txt as well.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: bench/import-bench.sh [city] SIZE   (e.g. 1m, city 3.3m, 10m)"
prefix=""
if [[ "${1:-}" == city ]]; then
  prefix="city-"
  shift
fi
size="${1:?$usage}"
command -v psql >/dev/null || { echo "psql (PostgreSQL client) is needed for the reference" >&2; exit 1; }

data="bench/data/$prefix$size"
if [[ ! -f "$data/reports.csv" ]]; then
  if [[ -n "$prefix" ]]; then bench/generate.sh city "$size"; else bench/generate.sh "$size"; fi
fi

./mvnw -o -q test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

results="bench/results/import-bench-$prefix$size.txt"
home="$(mktemp -d)"
out="$(mktemp -d)"
trap 'rm -rf "$home" "$out"' EXIT
{
  echo "# bench/import-bench.sh $prefix$size, $(date -u '+%Y-%m-%d %H:%M') UTC, $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), $(nproc) cores, load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
  # -XX:TieredStopAtLevel=1 as ./leefbaar runs the application.
  java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$cp" -Dleefbaar.home="$home" nl.leefbaar.ingest.bench.ImportBench "$data" "$out" 2>&1
  echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$results.tmp"
mv "$results.tmp" "$results.last"
cat "$results.last" >> "$results"
rm -f "$results.last"
