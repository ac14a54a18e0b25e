#!/usr/bin/env bash
# Import benchmark: bench/import-bench.sh SIZE   (SIZE: 100000, 100k, 1m, 10m, ...)
# Generates SIZE reports with the sample-data generator (seeded), imports them into a fresh
# embedded database (a temporary LEEFBAAR_HOME) with -Xmx512m, and compares with the reference:
# psql's \copy of the same reports.csv into an unindexed all-text table on the same server.
# Prints rows/s of both, the ratio ours/reference and the JVM's peak heap.
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:?usage: bench/import-bench.sh SIZE   (e.g. 100k, 1m, 10m)}"
case "$size" in
  *k) reports=$(( ${size%k} * 1000 )) ;;
  *m) reports=$(( ${size%m} * 1000000 )) ;;
  *) reports=$size ;;
esac
command -v psql >/dev/null || { echo "psql (PostgreSQL client) is needed for the reference" >&2; exit 1; }

./mvnw -o -q test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

work="${BENCH_DIR:-target/bench}"
data="$work/data-$reports"
if [ ! -f "$data/reports.csv" ]; then
  echo "generating $reports reports into $data"
  if [ -f target/classes/nl/leefbaar/sampledata/SampleDataGenerator.class ]; then
    java -cp "$cp" nl.leefbaar.sampledata.SampleDataGenerator --out "$data" --reports "$reports" --seed 42
  else
    java -cp "$cp" nl.leefbaar.ingest.bench.BenchData --out "$data" --reports "$reports" --seed 42
  fi
fi

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
# -XX:TieredStopAtLevel=1 as ./leefbaar runs the application.
java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$cp" -Dleefbaar.home="$home" nl.leefbaar.ingest.bench.ImportBench "$data" "$work/out-$reports"
