#!/usr/bin/env bash
# What the offline gates' bundle polling costs a gateway (docs/performance.md, "Offline bundle polling"):
#   1. CPU per conditional GET answered 304: wrk with If-None-Match against a gateway pinned to core 0;
#   2. a metro rush (MetroMorningPeak, a fleet of GATES gates at RATE scans/s) alone, then the same rush with
#      POLLERS gates fetching the bundle once and polling every 60 s (OfflineBundlePoll): the gateway's CPU of each,
#      after a first rush that only warms the gateway up.
#
#   loadtest/bench/offline-poll-cost.sh          # needs gateway.jar and the kit built (./mvnw -B package -DskipTests)
#   RATE=1000 GATES=500 POLLERS=10000 loadtest/bench/offline-poll-cost.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
kit=loadtest/bin/hc-loadtest
out="${OUT:-$root/loadtest/target/offline-poll}"
RATE="${RATE:-1000}"; GATES="${GATES:-500}"; POLLERS="${POLLERS:-10000}"; PORT="${PORT:-18691}"
GW_CPU="${GW_CPU:-0}"; LOAD_CPU="${LOAD_CPU:-1}"
mkdir -p "$out"
"$kit" pool --out "$out/pool" --size 200000 --seed 7 > "$out/pool.txt" 2>&1
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/bundle.key" 2>/dev/null
HC_HTTP_HOST=127.0.0.1 HC_HTTP_PORT="$PORT" HC_HTTP_INSTANCES=1 HC_OFFLINE_BUNDLE_KEY="$out/bundle.key" \
  HC_TRUST_FILE="$out/pool/trust.json" taskset -c "$GW_CPU" java -jar gateway/target/gateway.jar > "$out/gateway.log" 2>&1 &
gw=$!
trap 'kill $gw 2>/dev/null || true' EXIT
url="http://127.0.0.1:$PORT"
for _ in $(seq 1 600); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.2; done
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# 1. One conditional GET.
etag=$(curl -s -D - -o "$out/bundle.bin" "$url/v1/offline/bundle" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
taskset -c "$LOAD_CPU" wrk -t1 -c16 -d20s -H "If-None-Match: $etag" "$url/v1/offline/bundle" > /dev/null  # warm-up
b=$(ticks $gw)
taskset -c "$LOAD_CPU" wrk -t1 -c16 -d20s -H "If-None-Match: $etag" "$url/v1/offline/bundle" > "$out/wrk-304.txt"
a=$(ticks $gw)
n=$(awk '/requests in/{print $1}' "$out/wrk-304.txt")
awk -v t=$((a - b)) -v hz="$hz" -v n="$n" -v p="$POLLERS" 'BEGIN {printf "304: %.1f us of gateway CPU each; %d gates polling every 60 s: %.2f %% of a core\n", t/hz/n*1e6, p, t/hz/n*p/60*100}'

# 2. The rush alone, then with the pollers.
run() {  # run SIMULATION LABEL
  b=$(ticks $gw); t0=$(date +%s.%N)
  taskset -c "$LOAD_CPU" "$kit" simulate "$1" -Dhc.gatewayUrl="$url" -Dhc.pool.key="$out/pool/issuer.key" \
    -Dhc.pool.file="$out/pool/codes.tsv" -Dhc.rate="$RATE" -Dhc.baseRate="$RATE" -Dhc.rampSeconds=60 -Dhc.holdSeconds=30 \
    -Dhc.gates="$GATES" -Dhc.offline.gates="$POLLERS" -Dhc.p99Ms=100000 -Dhc.maxMs=100000 > "$out/$2.txt" 2>&1 || true
  a=$(ticks $gw); t1=$(date +%s.%N)
  count=$(grep "> request count" "$out/$2.txt" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}')
  awk -v l="$2" -v t=$((a - b)) -v hz="$hz" -v s0="$t0" -v s1="$t1" -v n="$count" \
    'BEGIN {printf "%s: gateway CPU %.2f s over %.0f s, %s requests\n", l, t/hz, s1-s0, n}'
}
run MetroMorningPeak warm-up  # the gateway's JIT compiles the verify path here (the 304s above did not)
run MetroMorningPeak rush
run OfflineBundlePoll rush-and-polls
grep -E "> offline bundle: (first fetch|poll) " "$out/rush-and-polls.txt" | tail -2
echo "load average: $(cat /proc/loadavg)"
