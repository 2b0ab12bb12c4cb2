#!/usr/bin/env bash
# The overload measurement of docs/operations.md ("Overload"). From the repository root, on an idle machine
# with 2+ cores:   bash gateway/src/test/resources/ops/overload.sh
# Server: the real HTTP edge + pipeline (OverloadBench), colour stage answering after DELAY_MS, in-flight
# limit LIMIT, pinned to CPU 0. Load: wrk pinned to CPU 1, each connection pausing THINK_MS between answer and
# next request (a turnstile waiting for the next person), first at capacity, then at ~10x capacity.
set -euo pipefail
PORT=${PORT:-18480} LIMIT=${LIMIT:-8} DELAY_MS=${DELAY_MS:-50} THINK_MS=${THINK_MS:-100} SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk"; exit 1; }
cd gateway
../mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/ops-cp.txt
CP="target/test-classes:target/classes:$(cat target/ops-cp.txt)"
CODES=$(mktemp)
taskset -c 0 java -Xms256m -Xmx256m -XX:+UseG1GC -cp "$CP" dev.hcgateway.http.OverloadBench \
  "$PORT" "$LIMIT" "$DELAY_MS" "$CODES" > target/overload-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$CODES"' EXIT
until grep -q listening target/overload-server.log; do sleep 0.5; done
rss() { grep -E 'VmRSS|VmHWM' /proc/$SERVER/status | tr -s ' \t\n' ' '; echo; }
CAPACITY=$(( LIMIT * 1000 / DELAY_MS ))
echo "capacity: $LIMIT in flight x ${DELAY_MS} ms = $CAPACITY admitted/s; think ${THINK_MS} ms; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RSS at start: $(rss)"
run() {
  CODES="$CODES" THINK_MS="$THINK_MS" taskset -c 1 wrk -t1 -c"$1" -d"$2"s --latency \
    -s src/test/resources/ops/overload.lua "http://127.0.0.1:$PORT/v1/verify" | tail -3
}
run "$LIMIT" 10 > /dev/null   # JIT warm-up
echo "--- at capacity: $LIMIT connections"; run "$LIMIT" "$SECONDS_PER_RUN"; echo "RSS: $(rss)"
OVER=$(( CAPACITY * 10 * (THINK_MS + 1) / 1000 ))
echo "--- 10x: $OVER connections (offered ~$(( CAPACITY * 10 ))/s)"; run "$OVER" "$SECONDS_PER_RUN"; echo "RSS: $(rss)"
echo "--- server histogram of admitted answers (hc_verify_duration_seconds, cumulative):"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^hc_verify_duration_seconds_bucket|^hc_requests_shed_total|^hc_event_loop_lag_seconds_bucket'
