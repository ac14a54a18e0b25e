#!/usr/bin/env bash
# Report benchmark: synthetic figures for N complexes over 24 months, then both workbooks,
# timed, in a JVM limited to 512 MB of heap. Usage: bench/report-bench.sh [complexes] [month] [out] [lang]
# Target (issue 4): the dashboard for 5,000 complexes in under 10 s with peak heap under 512 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
# -XX:TieredStopAtLevel=1 as ./leefbaar runs the application.
java -Xmx512m -XX:TieredStopAtLevel=1 ${BENCH_OPTS:-} -Djava.awt.headless=true \
     -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
     nl.leefbaar.report.excel.ReportBench "${1:-5000}" "${2:-2025-06}" "${3:-target/bench-out}" "${4:-nl}"
