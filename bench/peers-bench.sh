#!/usr/bin/env bash
# Peers benchmark (issue 23): bench/peers-bench.sh SIZE   (SIZE: 1m, 3.3m, ... of bench/generate.sh city)
# On a fresh LEEFBAAR_HOME (a new embedded database), in one run:
#   1. ./leefbaar import of bench/data/city-SIZE (generated when missing);
#   2. ./leefbaar run monthly --month 2025-06 (every output, --no-deliver) against the pandas peer
#      (bench/peer_pandas.py: every indicator of the month and its activity effects from the CSVs),
#      run with the system python3 when it has pandas, skipped with a note when not;
#   3. ./leefbaar compute --month 2025-06 --force against the DuckDB peer (bench/duckdb: the core
#      indicators of the month from the CSVs, JVM start included);
#   4. where compute's time goes: compute once more with the indicators' debug timings (each
#      statement's time on PostgreSQL: the floor of the same statements), and `./leefbaar list`
#      (the JVM and Spring; it starts no database);
#   5. checks that both peers' figures equal Leefbaar's indicators.csv (and the pandas peer's
#      activity effects Leefbaar's activity-effects.csv): the comparison is of equal work.
# Every Leefbaar command runs as ./leefbaar runs it (C1 only) with -Xmx512m and a GC log: the peak
# heap is read from it, and the command's output lines are stamped on arrival to check that
# progress appears at least every 10 s. Wall-clock times; the output goes to
# bench/results/peers-bench-SIZE.txt as well (appended).
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:?usage: bench/peers-bench.sh SIZE   (e.g. 1m, 3.3m)}"
month="${BENCH_MONTH:-2025-06}"
data="bench/data/city-$size"
[[ -f "$data/reports.csv" ]] || bench/generate.sh city "$size"

python=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import pandas, scipy' 2>/dev/null; then
    python="$candidate"
    break
  fi
done

# The application jar (./leefbaar builds it when the sources are newer) and the DuckDB peer.
./leefbaar --help >/dev/null
./mvnw -q -B -f bench/duckdb/pom.xml package
duck_cp="bench/duckdb/target/duckdb-peer-0.1.0-SNAPSHOT.jar:$(cat bench/duckdb/target/classpath.txt)"

results="bench/results/peers-bench-$size.txt"
work="$(mktemp -d "${TMPDIR:-/tmp}/peers-bench.XXXXXX")"
# BENCH_KEEP=1 keeps the home, the outputs and the logs (the path is printed).
if [[ -n "${BENCH_KEEP:-}" ]]; then
  echo "keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi
export LEEFBAAR_HOME="$work/home"
out="$work/out"

stamp() {
  local line
  while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done
}

declare -A seconds
failed=0
# timed NAME COMMAND...: runs it with its output stamped into $work/NAME.log, records the wall time.
timed() {
  local name="$1"
  shift
  local start end status
  echo "## $name: $*   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  start=$EPOCHREALTIME
  set +e
  LEEFBAAR_JAVA_OPTS="-XX:TieredStopAtLevel=1 -Xmx512m -Xlog:gc:file=$work/$name.gc ${extra_opts:-}" "$@" 2>&1 \
    | stamp >"$work/$name.log"
  status=${PIPESTATUS[0]}
  set -e
  end=$EPOCHREALTIME
  seconds[$name]=$(echo "$end - $start" | bc)
  grep -E 'WARN|ERROR|Computed|COMPLETED|time taken|seconds:|duckdb peer|^[0-9.]+ pandas' "$work/$name.log" \
    | cut -d' ' -f2- | cut -c1-200 | sed 's/^/  /' || true
  printf '  %s: %.1f s (exit %s)\n' "$name" "${seconds[$name]}" "$status"
  if [[ "$name" != *peer* ]]; then
    python3 bench/peers/watch.py "$work/$name.log" "$work/$name.gc" "$start" "$end"
  fi
  if [[ "$status" != 0 ]]; then
    failed=1
    tail -5 "$work/$name.log" | cut -d' ' -f2- | sed 's/^/  /'
  fi
}

ratio() {
  echo "scale=2; $1 / $2" | bc
}

{
  echo "# bench/peers-bench.sh $size, month $month, $(date -u '+%Y-%m-%d %H:%M') UTC, $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes'), $(nproc) cores (shared with other work), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# data: $(du -sh "$data" | cut -f1) in $data, $(($(wc -l <"$data/reports.csv") - 1)) report lines"
  timed import ./leefbaar import --input "$data" --output "$out"
  timed monthly ./leefbaar run monthly --month "$month" --input "$data" --output "$out" --no-deliver
  if [[ -n "$python" ]]; then
    timed pandas-peer "$python" bench/peer_pandas.py "$data" "$month" "$work/pandas"
  else
    echo "## pandas peer skipped: no python3 with pandas and scipy (apt-get install -y python3-pandas python3-scipy)"
  fi
  timed compute ./leefbaar compute --month "$month" --force --output "$out"
  timed duckdb-peer java -cp "$duck_cp" nl.leefbaar.bench.peers.DuckPeer bench/duckdb/core-indicators.sql "$data" "$month" "$work/duckdb.csv"

  # Where compute's time goes (not part of the ratios): the same command once more with the
  # indicators' debug timings (each statement's time on PostgreSQL), and a command that starts the
  # JVM and Spring but no database (list).
  timed list ./leefbaar list
  extra_opts="-Dlogging.level.nl.leefbaar.indicators=DEBUG" timed compute-debug ./leefbaar compute --month "$month" --force --output "$out"
  grep -E ' ms|Computed' "$work/compute-debug.log" | cut -d' ' -f2- | cut -c1-160 | sed 's/^/    /' || true

  echo "## equal work: the peers' figures against Leefbaar's $month/indicators.csv"
  checks=0
  python3 bench/peers/compare-indicators.py "$out/$month/indicators.csv" "$work/duckdb.csv" "$month" || checks=1
  if [[ -n "$python" ]]; then
    python3 bench/peers/compare-indicators.py "$out/$month/indicators.csv" "$work/pandas/indicators.csv" "$month" || checks=1
    python3 bench/peers/compare-effects.py "$out/$month/activity-effects.csv" "$work/pandas/activity-effects.csv" || checks=1
  fi

  echo "## results ($size, month $month; wall clock, $(nproc) shared cores, load average at the end $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '  import                        %7.1f s\n' "${seconds[import]}"
  if [[ -n "$python" ]]; then
    printf '  run monthly %7.1f s  pandas peer %7.1f s  ratio monthly / pandas %s (goal <= 0.5)\n' \
      "${seconds[monthly]}" "${seconds[pandas-peer]}" "$(ratio "${seconds[monthly]}" "${seconds[pandas-peer]}")"
  else
    printf '  run monthly %7.1f s  (pandas peer skipped)\n' "${seconds[monthly]}"
  fi
  printf '  compute     %7.1f s  DuckDB peer %7.1f s  ratio compute / DuckDB %s (goal <= 1)\n' \
    "${seconds[compute]}" "${seconds[duckdb-peer]}" "$(ratio "${seconds[compute]}" "${seconds[duckdb-peer]}")"
  echo "  figures equal: $([[ $checks == 0 ]] && echo yes || echo NO)"
  [[ $checks == 0 && $failed == 0 ]]
} 2>&1 | tee -a "$results"
exit "${PIPESTATUS[0]}"
