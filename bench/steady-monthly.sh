#!/usr/bin/env bash
# The monthly run as a schedule meets it (issue 23's comparison with the pandas peer, month by
# month): bench/steady-monthly.sh [SIZE] [MONTH]   (defaults 3.3m, 2025-06)
# On a fresh LEEFBAAR_HOME: import the city, run monthly for the month before MONTH (which computes
# every month a new database lacks), then time run monthly for MONTH, which finds the months before
# it computed, against bench/peer_pandas.py for MONTH. Appends to bench/results/steady-monthly-SIZE.txt.
set -u
cd "$(dirname "$0")/.."
size="${1:-3.3m}"
month="${2:-2025-06}"
before="$(date -d "$month-01 -1 month" +%Y-%m)"
data="bench/data/city-$size"
[[ -f "$data/reports.csv" ]] || bench/generate.sh city "$size"
work="$(mktemp -d "${TMPDIR:-/tmp}/steady-monthly.XXXXXX")"
export LEEFBAAR_HOME="$work/home" LEEFBAAR_JAVA_OPTS="-XX:TieredStopAtLevel=1 -Xmx512m"
timed() {
    local start=$SECONDS name="$1"; shift
    "$@" >"$work/$name.log" 2>&1
    echo "$name: $((SECONDS - start)) s (exit $?): $*"
}
{
    echo "# bench/steady-monthly.sh $size $month, $(date -u +%FT%TZ), $(git rev-parse --short HEAD), load $(cut -d' ' -f1-3 /proc/loadavg)"
    timed import ./leefbaar import --input "$data" --output "$work/out"
    timed first ./leefbaar run monthly --month "$before" --input "$data" --output "$work/out" --no-deliver
    timed monthly ./leefbaar run monthly --month "$month" --input "$data" --output "$work/out" --no-deliver
    if /usr/bin/python3 -c 'import pandas, scipy' 2>/dev/null; then
        timed pandas /usr/bin/python3 bench/peer_pandas.py "$data" "$month" "$work/pandas"
    else
        echo "pandas peer skipped: the system python3 has no pandas/scipy (apt-get install -y python3-pandas)"
    fi
    grep -E "COMPLETED|Computed|Wrote|Built" "$work/monthly.log"
    echo "load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "bench/results/steady-monthly-$size.txt"
rm -rf "$work"
