#!/usr/bin/env bash
# Indicators benchmark: bench/indicators-bench.sh SIZE [month]   (SIZE: 100k, 1m, 10m or a number;
# "month": only the one-month measurements, on the figures a previous run of the same SIZE left)
# Loads SIZE synthetic reports (shape of the sample data: ~500 reports per complex over three
# years) into an embedded database under target/bench-indicators-SIZE (kept, so a second run
# skips the load), then times the reference query (complex-month report and repeat counts for
# all months, one SELECT with lag()), the backfill of every month, the recomputation of one
# month, the check of an unchanged month, and prints the ratio and the peak heap (-Xmx512m).
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:?usage: bench/indicators-bench.sh SIZE   (e.g. 100k, 1m, 10m)}"
case "$size" in
  *k) reports=$(( ${size%k} * 1000 )) ;;
  *m) reports=$(( ${size%m} * 1000000 )) ;;
  *[!0-9]*|'') echo "SIZE must be like 100k, 1m, 10m or a number, was: $size" >&2; exit 2 ;;
  *) reports=$size ;;
esac

./mvnw -o -q test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

home="${BENCH_HOME:-target/bench-indicators-$reports}"
mkdir -p "$home"
# -XX:TieredStopAtLevel=1 as ./leefbaar runs the application.
java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$cp" -Dleefbaar.home="$home" -Dlogging.level.nl.leefbaar=WARN ${BENCH_JAVA_OPTS:-} \
  nl.leefbaar.indicators.bench.IndicatorsBench "$reports" ${2:-}
