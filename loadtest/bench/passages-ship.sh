#!/usr/bin/env bash
# Shipping throughput: journal -> PostgreSQL with the gateway's own Shipper (docs/performance.md, "Passages").
#   loadtest/bench/passages-ship.sh [n=300000] [batchSize=2000] [inFlight=passages.shipInFlight]
# Prints wall-clock passages/s, and the CPU seconds the PostgreSQL backends and the JVM spent, so that the
# figure can be read on a shared machine too: passages per CPU-second does not depend on the run queue.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n=${1:-300000}; batch=${2:-2000}; inflight=${3:-}; db=hc_bench_ship
hz=$(getconf CLK_TCK)
log=$(mktemp)
"$root/loadtest/bin/hc-loadtest" main dev.hcgateway.passage.ShippingBench "$n" "$batch" "$db" $inflight >"$log" 2>&1 &
bench=$!
declare -A ticks
while kill -0 "$bench" 2>/dev/null; do
  for pid in $(psql -h 127.0.0.1 -U postgres -Atc \
      "SELECT pid FROM pg_stat_activity WHERE datname = '$db' AND application_name = 'hc-gateway'" 2>/dev/null); do
    t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
    [[ -n "$t" ]] && ticks[$pid]=$t
  done
  jvm=$(awk '{print $14 + $15}' "/proc/$bench/stat" 2>/dev/null || echo "${jvm:-0}")
  sleep 0.5
done
wait "$bench" || { cat "$log"; exit 1; }
grep -v DEBUG "$log" | grep -E "journal:|shipped"
pg=0; for t in "${ticks[@]}"; do pg=$((pg + t)); done
echo "postgres backends: $(awk -v t="$pg" -v hz="$hz" 'BEGIN{printf "%.1f", t/hz}') CPU s during the run (sampled every 0.5 s)," \
     "$(awk -v t="$pg" -v hz="$hz" -v n="$n" 'BEGIN{printf "%.1f", t/hz/n*1e6}') µs per passage;" \
     "JVM (fill + ship): $(awk -v t="$jvm" -v hz="$hz" 'BEGIN{printf "%.1f", t/hz}') CPU s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$log"
