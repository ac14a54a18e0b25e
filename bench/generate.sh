#!/usr/bin/env bash
# Generates benchmark input into bench/data/<name>/ and prints the time taken and the file sizes.
#   bench/generate.sh SIZE [generator options]
#       the shape of sample-data/: about 500 reports per complex over three years, neighbourhoods
#       of seven complexes beyond the 12 real ones; into bench/data/SIZE/
#   bench/generate.sh city [SIZE] [generator options]
#       the held-out-like city of issue 23: at 3.3m, 12,800 complexes in 18 neighbourhoods
#       (712 complexes each), about 110,000 activities (about three per complex a year); other
#       sizes keep its shape (about 258 reports per complex); into bench/data/city-SIZE/
# SIZE: 100k, 1m, 3.3m, 10m (a number with k or m, decimals allowed) or a plain number of reports.
# Generator options (the later wins): --seed N, --complexes N, --complexes-per-neighbourhood N,
# --activities-per-complex-year X, --from yyyy-MM-dd, --to yyyy-MM-dd.
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: bench/generate.sh SIZE|city [SIZE] [--seed N ...]   (SIZE: 100k, 1m, 3.3m, 10m or a number)"
city=false
if [[ "${1:-}" == city ]]; then
  city=true
  shift
  if [[ $# -eq 0 || "$1" == --* ]]; then
    set -- 3.3m "$@"
  fi
fi
size="${1:?$usage}"
shift

# 100k -> 100000, 3.3m -> 3300000, 12345 -> 12345
reports=$(awk -v s="$size" 'BEGIN {
  if (s ~ /^[0-9]+(\.[0-9]+)?[kK]$/) { printf "%.0f", substr(s, 1, length(s) - 1) * 1000; exit }
  if (s ~ /^[0-9]+(\.[0-9]+)?[mM]$/) { printf "%.0f", substr(s, 1, length(s) - 1) * 1000000; exit }
  if (s ~ /^[0-9]+$/) { print s; exit }
  exit 1 }') || { echo "size must be like 100k, 1m, 3.3m, 10m or a number, was: $size" >&2; exit 2; }
if (( reports < 1 )); then
  echo "size must be at least one report, was: $size" >&2
  exit 2
fi

options=()
out="bench/data/$size"
if $city; then
  # Issue 23's city: 3.3 M reports at 12,800 complexes, 18 neighbourhoods, 110,000 activities.
  complexes=$(( (reports * 128 + 16500) / 33000 ))
  (( complexes < 12 )) && complexes=12
  options=(--complexes "$complexes" --complexes-per-neighbourhood 712 --activities-per-complex-year 2.885)
  out="bench/data/city-$size"
fi

main=target/classes/nl/leefbaar/sampledata/SampleDataGenerator.class
if [[ ! -f "$main" ]] || [[ -n "$(find src/main/java/nl/leefbaar/sampledata -newer "$main" -name '*.java')" ]]; then
  ./mvnw -q -o -DskipTests compile
fi

rm -rf "$out"
mkdir -p "$out"
start=$(date +%s.%N)
# The generator streams per complex: 256 MB of heap is plenty for any size.
java -Xmx256m -cp target/classes nl.leefbaar.sampledata.SampleDataGenerator --out "$out" --reports "$reports" \
  ${options[@]+"${options[@]}"} "$@"
end=$(date +%s.%N)
printf 'generated %s reports in %.1f s (wall clock, JVM start included)\n' "$reports" "$(echo "$end - $start" | bc)"
du -h "$out"/*.csv
du -sh "$out"
