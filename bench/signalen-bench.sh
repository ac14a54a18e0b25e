#!/usr/bin/env bash
# Signalen pull benchmark: bench/signalen-bench.sh [SIGNALS]   (default 100000)
# Serves SIGNALS signals from the tests' local Signalen server (nl.leefbaar.sources.FakeSignalen,
# in the same JVM, schema checks off, its order sorted once) and pulls them into a fresh embedded
# database (a temporary LEEFBAAR_HOME) with -Xmx512m, as ./leefbaar runs. References in the same run:
# the pages fetched only, and fetched and parsed. Prints times, signals/s, ratios and the peak heap.
set -euo pipefail
cd "$(dirname "$0")/.."
signals="${1:-100000}"
./mvnw -o -q test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
home="$(mktemp -d)"
work="$(mktemp -d)"
trap 'rm -rf "$home" "$work"' EXIT
java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$cp" -Dleefbaar.home="$home" nl.leefbaar.sources.SignalenPullBench "$work" "$signals"
