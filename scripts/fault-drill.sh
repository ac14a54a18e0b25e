#!/usr/bin/env bash
# Fault drill (slow; not part of the test suite). Shows that a monthly run survives faults:
#
#  1. a SIGKILL of the Java process during the import, the indicator step and the report step:
#     the same command run again recovers the execution the killed process left STARTED,
#     continues it, and ends with the same database figures and the same exports as an
#     uninterrupted reference run;
#  2. the database connections terminated (pg_terminate_backend) during the indicator step:
#     the run fails with one line on stderr (exit 1), the same command completes it;
#  3. (as root, needs `mount`) the output folder on a full tmpfs, and on a read-only one: exit 1
#     with one line, no partial or temporary file, last month's files untouched; the run
#     completes once there is room again.
#
#   scripts/fault-drill.sh [SIZE]      SIZE: 100k (default), 1m, or a number of reports
#
# Data: bench/generate.sh SIZE (the seeded sample-data generator). Work folders go under
# target/fault-drill/ (override with DRILL_WORK). Prints a table and a total; the result of a
# run is kept in bench/results/fault-drill.txt by hand.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

size="${1:-100k}"
work="${DRILL_WORK:-$root/target/fault-drill}"
data="$root/bench/data/$size"
rm -rf "$work"
mkdir -p "$work"

[[ -f "$data/reports.csv" ]] || bench/generate.sh "$size" >/dev/null || { echo "cannot generate $size" >&2; exit 1; }
./leefbaar --help >/dev/null 2>&1 || { echo "cannot build the application" >&2; exit 1; }
# a copy of the jar: a change in the sources during the drill must not rebuild it under the runs
cp target/leefbaar.jar "$work/leefbaar.jar"
leefbaar() { java -jar "$work/leefbaar.jar" "$@"; }

pgbin="$(dirname "$(ls -d /tmp/embedded-pg/PG-*/bin/postgres 2>/dev/null | head -1)")"

# The month: the one before the last month with reports (dd-mm-yyyy hh:mm in column 5).
month="${DRILL_MONTH:-$(tail -n +2 "$data/reports.csv" | cut -d';' -f5 \
    | awk '{split($1, d, "-"); m = d[3] "-" d[2]; if (m > max) max = m} END {print max}')}"
month="$(date -d "$month-01 -1 month" +%Y-%m)"
echo "fault drill: $size reports ($(($(wc -l < "$data/reports.csv") - 1)) rows), month $month, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# run NAME LOGSUFFIX: the monthly run of scenario NAME in the background; sets $pid
start_run() {
    local name="$1" suffix="$2"
    mkdir -p "$work/$name"
    LEEFBAAR_HOME="$work/$name/home" exec java -jar "$work/leefbaar.jar" run monthly --input "$data" --output "$work/$name/out" \
        --month "$month" >"$work/$name/$suffix.log" 2>"$work/$name/$suffix.err" &
    pid=$!
}

# wait_for LOG PATTERN: until the log has a line matching PATTERN (or the process $pid ended)
wait_for() {
    while ! grep -Eq "$2" "$1" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
}

# The figures of a finished scenario: row counts, a checksum of every stored figure, checksums
# of the exports. Starts the scenario's embedded server on a free port for the queries.
fingerprint() {
    local name="$1" home="$work/$1/home/db" port
    port=$((20000 + RANDOM % 20000))
    # PostgreSQL refuses to run as root (the embedded server gets away with it, pg_ctl does not):
    # as root, lend the data folder to nobody for the queries
    local runas=()
    if [[ $(id -u) -eq 0 ]]; then
        chown -R nobody:nogroup "$home"
        runas=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    fi
    "${runas[@]}" "$pgbin/postgres" -D "$home" -p "$port" -c listen_addresses=localhost -c unix_socket_directories= \
        >"$work/$name/pg.log" 2>&1 &
    local server=$!
    until psql -X -q -At -h localhost -p "$port" -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; do
        kill -0 "$server" 2>/dev/null || { echo "cannot start the server of $name" >&2; return 1; }
        sleep 0.2
    done
    local q="psql -X -q -At -h localhost -p $port -U postgres -d postgres -c"
    $q "select 'report=' || (select count(*) from report) || ' activity=' || (select count(*) from activity)
          || ' complex=' || (select count(*) from complex) || ' neighbourhood=' || (select count(*) from neighbourhood)" \
        >"$work/$name/counts.txt"
    $q "select 'rows md5 ' || md5(string_agg(t::text, E'\n' order by t::text)) from report t" >>"$work/$name/counts.txt"
    $q "select md5(string_agg(t::text, E'\n' order by t::text)) from activity t" >>"$work/$name/counts.txt"
    $q "select md5(string_agg(t::text, E'\n' order by t::text)) from indicator_value t" >"$work/$name/figures.txt"
    $q "select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) from (select * from hotspot) t" >>"$work/$name/figures.txt"
    $q "select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) from (select * from activity_effect) t" >>"$work/$name/figures.txt"
    $q "select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) from (select * from funnel_stat) t" >>"$work/$name/figures.txt"
    for table in complex_month_fact report_day_digest report_closing_digest report_open_digest; do
        $q "select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) from (select * from $table) t" >>"$work/$name/figures.txt"
    done
    kill -INT "$server" # fast shutdown
    wait "$server"
    [[ $(id -u) -eq 0 ]] && chown -R root:root "$home"
    (cd "$work/$name/out/$month" && md5sum indicators.csv indicators-public.csv activity-effects.csv \
        && find . -type f ! -name 'run-summary.*' | sort) >"$work/$name/files.txt" 2>&1
}

same() { cmp -s "$work/$1/$3" "$work/$2/$3" && echo yes || echo NO; }

step_seconds() { # LOG STEP: seconds of a completed step in a log
    sed -nE "s/.*step $2 COMPLETED in ([0-9.]+) s.*/\1/p" "$1" | head -1
}

# --- the reference: one uninterrupted run ---
t0=$(date +%s.%N)
start_run reference run
{ wait "$pid"; } 2>/dev/null
ref_rc=$?
ref_seconds=$(echo "$(date +%s.%N) - $t0" | bc)
[[ $ref_rc -eq 0 ]] || { echo "reference run failed ($ref_rc):"; cat "$work/reference/run.err"; exit 1; }
fingerprint reference
import_s=$(step_seconds "$work/reference/run.log" importStep)
compute_s=$(step_seconds "$work/reference/run.log" computeStep)
report_s=$(step_seconds "$work/reference/run.log" reportStep)
printf 'reference run: %.0f s (import %s s, indicators %s s, report %s s); %s\n\n' "$ref_seconds" \
    "$import_s" "$compute_s" "$report_s" "$(head -1 "$work/reference/counts.txt")"

printf '%-34s %-24s %-8s %-9s %-7s %-8s %-7s %-7s %s\n' "fault" "at" "1st exit" "restart" "counts" "figures" "files" "tmp" "notes"
tried=0
matched=0

# scenario NAME LABEL TRIGGER-PATTERN DELAY ACTION(kill|terminate) STEP
scenario() {
    local name="$1" label="$2" trigger="$3" delay="$4" action="$5" step="$6" at first second notes=""
    tried=$((tried + 1))
    start_run "$name" run1
    if ! wait_for "$work/$name/run1.log" "$trigger"; then
        at="process ended before the trigger"
    else
        sleep "$delay"
        at="$step +${delay} s"
        tail -1 "$work/$name/run1.log" >"$work/$name/last-line-before-fault.txt"
        # the steps completed before the fault: shows the fault hit the step it was meant for
        notes="before: $(grep -oE 'step [A-Za-z]+Step COMPLETED' "$work/$name/run1.log" | awk '{print $2}' \
            | sed 's/Step$//' | paste -sd, -);"
        if [[ "$action" == kill ]]; then
            kill -9 "$pid" 2>/dev/null
        else
            local port
            port=$(sed -n 4p "$work/$name/home/db/postmaster.pid")
            psql -X -q -At -h localhost -p "$port" -U postgres -d postgres -c \
                "select count(pg_terminate_backend(pid)) from pg_stat_activity
                  where pid <> pg_backend_pid() and datname = current_database()" >"$work/$name/terminated.txt" 2>&1
            notes="$notes $(cat "$work/$name/terminated.txt") sessions terminated;"
        fi
    fi
    { wait "$pid"; } 2>/dev/null
    first=$?
    if [[ "$action" == terminate ]]; then
        local lines
        lines=$(grep -c . "$work/$name/run1.err")
        notes="$notes stderr $lines line(s): $(grep '^leefbaar:' "$work/$name/run1.err" | head -1 | cut -c1-90)"
    fi
    start_run "$name" run2
    { wait "$pid"; } 2>/dev/null
    second=$?
    grep -q "Stopping the embedded PostgreSQL" "$work/$name/run2.log" && notes="$notes orphaned server stopped;"
    grep -q "Continuing execution" "$work/$name/run2.log" && notes="$notes continued;"
    fingerprint "$name"
    local counts figures files tmp
    counts=$(same reference "$name" counts.txt)
    figures=$(same reference "$name" figures.txt)
    files=$(same reference "$name" files.txt)
    tmp=$(find "$work/$name/out" -name '*.tmp' | wc -l)
    if [[ $second -eq 0 && $counts == yes && $figures == yes && $files == yes ]]; then
        matched=$((matched + 1))
    fi
    find "$work/$name/out" -name '*.tmp' >"$work/$name/leftovers.txt"
    printf '%-34s %-24s %-8s %-9s %-7s %-8s %-7s %-7s %s\n' "$label" "$at" "$first" "$second" \
        "$counts" "$figures" "$files" "$tmp" "$notes"
}

half() { echo "scale=1; ${1:-2} / 2" | bc; }
part() { echo "scale=1; ${1:-2} * $2 / 1" | bc; }

scenario kill-import "SIGKILL during the import" "execution [0-9]+ started" "$(half "$import_s")" kill import
scenario kill-import-late "SIGKILL late in the import" "execution [0-9]+ started" "$(part "$import_s" 0.9)" kill import
scenario kill-compute "SIGKILL during the indicators" "step importStep COMPLETED" "$(half "$compute_s")" kill indicators
scenario kill-compute-late "SIGKILL late in the indicators" "step importStep COMPLETED" "$(part "$compute_s" 0.9)" kill indicators
scenario kill-report "SIGKILL during the report step" "step computeStep COMPLETED" "$(half "$report_s")" kill report
scenario kill-workbook "SIGKILL after the dashboard" "Wrote .*dashboard-team" 0 kill "dashboard written"
scenario drop-db "DB sessions terminated" "step importStep COMPLETED" "$(half "$compute_s")" terminate indicators

echo
echo "$tried kill points tried, $matched restarts matched the uninterrupted run exactly (counts, figures, exports)"
echo "(counts: rows of report, activity, complex, neighbourhood; figures: md5 of indicator_value, hotspot,"
echo " activity_effect, funnel_stat, complex_month_fact and the report digests; files: md5 of indicators.csv, indicators-public.csv, activity-effects.csv"
echo " and the list of files in out/$month; tmp: temporary files left in the output folder)"

# --- the output folder: full and read-only (needs root and mount) ---
if [[ $(id -u) -ne 0 ]] || ! command -v mount >/dev/null; then
    echo "output folder faults skipped: needs root for mount -t tmpfs"
    exit 0
fi
echo
small="$root/sample-data"
previous="$(date -d "$month-01 -1 month" +%Y-%m)"
mnt="$work/tmpfs"
mkdir -p "$mnt"
home="$work/disk/home"
mkdir -p "$work/disk"
if ! mount -t tmpfs -o size=16m tmpfs "$mnt"; then
    echo "output folder faults skipped: mount -t tmpfs failed"
    exit 0
fi
trap 'umount "$mnt" 2>/dev/null' EXIT
run_small() { # MONTH LOG: the monthly run on sample-data into the tmpfs
    LEEFBAAR_HOME="$home" leefbaar run monthly --input "$small" --output "$mnt/out" --month "$1" \
        >"$work/disk/$2.log" 2>"$work/disk/$2.err"
}
run_small "$previous" previous
echo "last month ($previous) written on a 16 MB tmpfs: exit $?"
(cd "$mnt/out/$previous" && find . -type f -exec md5sum {} + | sort -k2) >"$work/disk/previous.md5"
# fill the file system but for 64 kB
dd if=/dev/zero of="$mnt/filler" bs=64k 2>/dev/null
truncate -s -64K "$mnt/filler"
run_small "$month" full
full_rc=$?
(cd "$mnt/out/$previous" && find . -type f -exec md5sum {} + | sort -k2) >"$work/disk/previous-after.md5"
printf '%-34s exit %s, stderr %s line(s): %s\n' "output folder full (tmpfs)" "$full_rc" \
    "$(grep -c . "$work/disk/full.err")" "$(grep '^leefbaar:' "$work/disk/full.err" | tail -1 | cut -c1-150)"
printf '%-34s temporary files left: %s, complete files in %s: %s, last month untouched: %s\n' "" \
    "$(find "$mnt/out" -name '*.tmp' | wc -l)" "$month" \
    "$(cd "$mnt/out/$month" 2>/dev/null && find . -type f ! -name 'run-summary.*' | sort | tr '\n' ' ')" \
    "$(cmp -s "$work/disk/previous.md5" "$work/disk/previous-after.md5" && echo yes || echo NO)"
rm -f "$mnt/filler"
run_small "$month" after-full
echo "$(printf '%-34s' '  same command with room again:') exit $?"

# read-only: the same tmpfs remounted read-only (root bypasses chmod, not a read-only mount)
run_small "$month" before-ro >/dev/null
(cd "$mnt/out" && find . -type f -exec md5sum {} + | sort -k2) >"$work/disk/ro-before.md5"
mount -o remount,ro "$mnt"
LEEFBAAR_HOME="$home" leefbaar run monthly --input "$small" --output "$mnt/out" --month "$month" --force \
    >"$work/disk/ro.log" 2>"$work/disk/ro.err"
ro_rc=$?
(cd "$mnt/out" && find . -type f -exec md5sum {} + | sort -k2) >"$work/disk/ro-after.md5"
printf '%-34s exit %s, stderr %s line(s): %s\n' "output folder read-only (ro mount)" "$ro_rc" \
    "$(grep -c . "$work/disk/ro.err")" "$(grep '^leefbaar:' "$work/disk/ro.err" | tail -1 | cut -c1-150)"
printf '%-34s every earlier file untouched: %s\n' "" \
    "$(cmp -s "$work/disk/ro-before.md5" "$work/disk/ro-after.md5" && echo yes || echo NO)"
mount -o remount,rw "$mnt"
