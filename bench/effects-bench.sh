#!/usr/bin/env bash
# Activity-effects benchmark (issue 23): bench/effects-bench.sh [SIZE] [MONTH] [REFERENCE_UP_TO] [N ...]
#   SIZE             reports of issue 23's city (bench/generate.sh city SIZE), default 3.3m
#   MONTH            the month whose effects are computed, default 2026-10 (the data's last: every
#                    activity dated up to its end)
#   REFERENCE_UP_TO  the pairwise counting (the computation until issue 23) runs for N up to this,
#                    default 110000 (0: never); it takes minutes at 100,000 activities
#   N ...            activity counts, default 10000 30000 50000 70000 90000 110000 (random subsets
#                    of the city's activities; each holds the smaller ones)
# Generates the city if bench/data/city-SIZE/ is missing, imports it once into
# target/bench-effects-SIZE/ (kept; set BENCH_HOME to put it elsewhere), then times the linear
# computation and the reference on the same database in one JVM with -Xmx512m, checks that both
# give every activity the same comparison counts, and prints the peak heap.
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:-3.3m}"
month="${2:-2026-10}"
reference="${3:-110000}"
shift $(( $# < 3 ? $# : 3 ))
counts=("$@")
(( ${#counts[@]} )) || counts=(10000 30000 50000 70000 90000 110000)

data="bench/data/city-$size"
[ -f "$data/reports.csv" ] || bench/generate.sh city "$size"

./mvnw -o -q test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"

home="${BENCH_HOME:-target/bench-effects-$size}"
if [ ! -f "$home/imported" ]; then
  rm -rf "$home"
  mkdir -p "$home"
  echo "importing $data into $home (once)"
  java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$cp" -Dleefbaar.home="$home" -Dlogging.level.nl.leefbaar=WARN \
    nl.leefbaar.LeefbaarApplication import --input "$data" --output "$home/out" >"$home/import.log"
  touch "$home/imported"
fi

# -XX:TieredStopAtLevel=1 as ./leefbaar runs the application.
java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$cp" -Dleefbaar.home="$home" -Dlogging.level.nl.leefbaar=WARN \
  ${BENCH_JAVA_OPTS:-} nl.leefbaar.indicators.effects.bench.EffectsBench "$month" "$reference" "${counts[@]}"
