#!/usr/bin/env bash
# Generates benchmark input with the shape of sample-data/ (about 500 reports per complex over
# three years) into bench/data/<size>/, and prints the time taken and the file sizes.
#   bench/generate.sh 100k | 1m | 10m | <number of reports> [extra generator options]
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:?usage: bench/generate.sh 100k|1m|10m|N [--seed N ...]}"
shift
case "$size" in
  100k) reports=100000 ;;
  1m) reports=1000000 ;;
  10m) reports=10000000 ;;
  *[!0-9]*|'') echo "size must be 100k, 1m, 10m or a number, was: $size" >&2; exit 2 ;;
  *) reports="$size" ;;
esac

main=target/classes/nl/leefbaar/sampledata/SampleDataGenerator.class
if [[ ! -f "$main" ]] || [[ -n "$(find src/main/java/nl/leefbaar/sampledata -newer "$main" -name '*.java')" ]]; then
  ./mvnw -q -o -DskipTests compile
fi

out="bench/data/$size"
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s.%N)
# The generator streams per complex: 256 MB of heap is plenty for any size.
java -Xmx256m -cp target/classes nl.leefbaar.sampledata.SampleDataGenerator --out "$out" --reports "$reports" "$@"
end=$(date +%s.%N)
printf 'generated %s reports in %.1f s (wall clock, JVM start included)\n' "$reports" "$(echo "$end - $start" | bc)"
du -h "$out"/*.csv
du -sh "$out"
