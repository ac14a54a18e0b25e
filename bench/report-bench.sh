#!/usr/bin/env bash
# Report benchmark: synthetic figures for N complexes over 24 months (owners of half, three tenths and
# a seventh of them, a few without one), then the dashboards (the team's and each owner's) and the
# neighbourhood workbook, timed, in a JVM limited to 512 MB of heap.
# Usage: [REPORT_SCALE=x] bench/report-bench.sh [complexes] [month] [out] [lang]
#   REPORT_SCALE: reports stored per report the figures count (default 1; 2.3 at 12,800 complexes
#   gives issue 23's 3.3 M reports). BENCH_REUSE=true keeps a database filled by an earlier run.
# Targets: issue 23, each dashboard for 12,800 complexes under 10 s (issue 4: 5,000 complexes), peak
# heap under 512 MB; the dwellings' repeat list from stored month facts, not a scan per run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# -XX:TieredStopAtLevel=1 as ./leefbaar runs the application.
java -Xmx512m -XX:TieredStopAtLevel=1 ${BENCH_OPTS:-} -Djava.awt.headless=true \
     -Dbench.reportScale="${REPORT_SCALE:-1}" -Dbench.reuse="${BENCH_REUSE:-false}" \
     -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
     nl.leefbaar.report.excel.ReportBench "${1:-5000}" "${2:-2025-06}" "${3:-target/bench-out}" "${4:-nl}"
