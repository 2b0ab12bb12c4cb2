#!/usr/bin/env bash
# Goodput against offered load: the kit's open-model MetroMorningPeak (Gatling) against a gateway whose CPU is capped
# by a cgroup, so that one generator core can offer several times the gateway's capacity.
#
#   loadtest/bench/goodput-curve.sh                     # defaults below; results in loadtest/target/goodput/
#   QUOTA=0.2 STEPS="0.5 1 2 4" HOLD=60 loadtest/bench/goodput-curve.sh
#   COLD=1 STEPS=0.7 RAMP=1 loadtest/bench/goodput-curve.sh   # a gateway started into 0.7x: a fresh process
#                                                              # before the step, loaded as soon as it is ready
#
# 1. Builds gateway.jar and the kit (SKIP_BUILD=1 skips it; GW_JAR=<jar> runs another build, for A/B).
# 2. Starts the gateway (offline, one event loop, default configuration) pinned to core GW_CPU, in a cgroup of
#    QUOTA of a core (v1: cpu.cfs_quota_us / cpu.cfs_period_us; v2: cpu.max), with a PERIOD_US period of 10 ms: at
#    the kernel's default 100 ms a capped process stops for 80 ms at a time, which would be the whole tail. Root only.
# 3. Waits for /health/ready (the gateway's own warm-up), then measures the capped capacity: wrk, closed loop,
#    CAP_CONNS connections on core LOAD_CPU, codes of the run's mix never sent before; judged answers a second.
# 4. For each step of STEPS (multiples of that capacity): mints a fresh pool (no code is sent twice, so the
#    verified-code cache does not flatter the figure), runs MetroMorningPeak at that rate (RAMP s ramp, HOLD s
#    hold) as a fleet of GATES gates on their own connections (hc.gates), the generator pinned to core LOAD_CPU,
#    and reads Gatling's report and the gateway's counters. The gates throttle themselves as the SRE book's
#    clients do (THROTTLE_K): past capacity a scan a gate refuses itself costs the gateway nothing.
# 5. Prints offered / goodput / shed / closed / p99 of the judged per step, checks that the generator was not the
#    limit (its CPU during the hold < 80 % of its core), and draws the curve (goodput.svg) for docs/performance.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/loadtest/bench"
out="${OUT:-$root/loadtest/target/goodput}"
QUOTA="${QUOTA:-0.2}"            # the gateway's CPU: this fraction of one core
PERIOD_US="${PERIOD_US:-10000}"  # CFS period of the cap
GW_CPU="${GW_CPU:-0}"; LOAD_CPU="${LOAD_CPU:-1}"
PORT="${PORT:-18680}"
STEPS="${STEPS:-0.5 1 2 4}"
RAMP="${RAMP:-15}"; HOLD="${HOLD:-60}"  # the fleet's gates connect over the ramp, as a station's do before its rush
GATES="${GATES:-2000}"            # a fleet of this many gates, each on its own connection (0: open arrivals on
                                  # shared connections, where Gatling opens a connection per waiting request)
THROTTLE_K="${THROTTLE_K:-2}"    # the gates throttle themselves adaptively (SRE book, k = 2; 0: off): GateThrottle
CAP_SECONDS="${CAP_SECONDS:-20}"; CAP_CONNS="${CAP_CONNS:-8}"
WARM_SECONDS="${WARM_SECONDS:-60}"  # closed-loop load before the capacity run: under a cap the JIT's own threads
                                    # share the quota, so a capacity taken right after readiness measures the JIT
CGROUP="${CGROUP:-hc-goodput}"
# The JVM's own choice under the cap (it sees one CPU: Serial). Its young collections that promote a fleet's new
# connections stopped the loop for 100-430 ms under a 0.2 cap when 2,000 gates joined within 5 s (-Xlog:gc, 17:20 UTC
# 2026-12-06), hence the longer ramp. G1 with the Dockerfile's heap (GW_JAVA_OPTS="-XX:+UseG1GC -Xms1g -Xmx1g") needed
# far longer than the warm-up to compile under the cap (capacity read 812/s against Serial's 2,890/s).
GW_JAVA_OPTS="${GW_JAVA_OPTS:-}"
mkdir -p "$out"
log() { echo "[goodput] $*" >&2; }
[[ $(id -u) == 0 ]] || { log "needs root: it writes the gateway's CPU cap into a cgroup"; exit 1; }
command -v wrk >/dev/null || { log "installing wrk"; apt-get install -y wrk >/dev/null; }
command -v taskset >/dev/null

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building gateway.jar and the load-test kit"
  (cd "$root" && ./mvnw -B -ntp -q -pl loadtest -am package -DskipTests -DskipSmoke=true)
fi
kit="$root/loadtest/bin/hc-loadtest"
jar="${GW_JAR:-$root/gateway/target/gateway.jar}"
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# --- The cap: a cgroup of QUOTA of one core.
quota_us=$(awk -v q="$QUOTA" -v p="$PERIOD_US" 'BEGIN {printf "%d", q * p}')
if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then            # cgroup v2
  cg="/sys/fs/cgroup/$CGROUP"; mkdir -p "$cg"
  grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo "+cpu" > /sys/fs/cgroup/cgroup.subtree_control
  echo "$quota_us $PERIOD_US" > "$cg/cpu.max"
else                                                            # cgroup v1
  cg="/sys/fs/cgroup/cpu/$CGROUP"; mkdir -p "$cg"
  echo "$PERIOD_US" > "$cg/cpu.cfs_period_us"
  echo "$quota_us" > "$cg/cpu.cfs_quota_us"
fi
log "gateway cgroup $cg: $quota_us us of every $PERIOD_US us ($QUOTA of a core)"

pool() {  # pool DIR SIZE [KEY]: a fresh pool of the MetroMorningPeak mix, signed with KEY when given
  "$kit" pool --out "$1" --size "$2" --seed "$RANDOM" ${3:+--key "$3" --issuer LOADTEST} > "$1.txt" 2>&1 || { cat "$1.txt" >&2; exit 1; }
}
# The capacity run's pool and trust list (every later pool is minted with the same key, so one trust list serves).
warm_size=$(awk -v q="$QUOTA" -v s="$WARM_SECONDS" 'BEGIN {printf "%d", q * 15000 * s}')
cap_size=$(awk -v q="$QUOTA" -v s="$CAP_SECONDS" -v w="$warm_size" 'BEGIN {printf "%d", q * 15000 * s + 10000 + w}')
log "minting $cap_size codes for the capacity run"
rm -rf "$out/pool-cap"; pool "$out/pool-cap" "$cap_size"
key="$out/pool-cap/issuer.key"

# --- The gateway: offline, one event loop, defaults otherwise; its process joins the cgroup before java starts.
gw=""
trap 'if [[ -n "$gw" ]]; then kill "$gw" 2>/dev/null || true; fi' EXIT
start_gateway() {
  if [[ -n "$gw" ]]; then kill "$gw"; wait "$gw" 2>/dev/null || true; fi
  log "starting the gateway on core $GW_CPU"
  HC_HTTP_HOST=127.0.0.1 HC_HTTP_PORT="$PORT" HC_HTTP_INSTANCES=1 HC_TRUST_FILE="$out/pool-cap/trust.json" \
    bash -c "echo \$\$ > '$cg/cgroup.procs'; exec taskset -c '$GW_CPU' java ${GW_JAVA_OPTS:-} -jar '$jar'" \
    >> "$out/gateway.log" 2>&1 &
  gw=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    kill -0 "$gw" 2>/dev/null || { cat "$out/gateway.log" >&2; exit 1; }
    sleep 0.2
  done
  curl -sf "http://127.0.0.1:$PORT/health/ready" >> "$out/ready.json" || { log "gateway not ready"; exit 1; }
}
: > "$out/gateway.log"; : > "$out/ready.json"
start_gateway
url="http://127.0.0.1:$PORT"

# --- Capacity: judged answers a second, closed loop (few connections: a queue of a few requests, never shed), after
# a warm-up of the same load on codes of their own (a code sent twice would be a cheap repeat scan).
if [[ "$WARM_SECONDS" -gt 0 ]]; then
  log "warm-up: wrk -c$CAP_CONNS for ${WARM_SECONDS}s"
  taskset -c "$LOAD_CPU" wrk -t1 -c"$CAP_CONNS" -d"${WARM_SECONDS}s" --timeout 5s -s "$bench/verify.lua" "$url/v1/verify" \
    -- "$out/pool-cap/codes.tsv" 0 "$warm_size" venue any > "$out/wrk-warmup.txt" 2>&1
fi
log "capacity: wrk -c$CAP_CONNS for ${CAP_SECONDS}s"
before=$(ticks "$gw")
taskset -c "$LOAD_CPU" wrk -t1 -c"$CAP_CONNS" -d"${CAP_SECONDS}s" --timeout 5s -s "$bench/verify.lua" "$url/v1/verify" \
  -- "$out/pool-cap/codes.tsv" "$warm_size" $((cap_size - warm_size)) venue any > "$out/wrk-capacity.txt" 2>&1
after=$(ticks "$gw")
ok=$(sed -n 's/.*ok=\([0-9]*\).*/\1/p' "$out/wrk-capacity.txt" | head -1)
capacity=$(awk -v ok="$ok" -v s="$CAP_SECONDS" 'BEGIN {printf "%.0f", ok / s}')
gw_cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$CAP_SECONDS" 'BEGIN {printf "%.2f", t / hz / s}')
log "capacity: $capacity judged/s at $gw_cpu of a core (cap $QUOTA)"

scrape() { curl -s "$url/metrics" > "$1"; }
: > "$out/steps.txt"
n=0
for m in $STEPS; do
  n=$((n + 1))
  rate=$(awk -v m="$m" -v c="$capacity" 'BEGIN {printf "%.0f", m * c}')
  size=$(awk -v r="$rate" -v d=$((RAMP + HOLD)) 'BEGIN {printf "%d", r * d * 1.05 + 1000}')
  log "step ${m}x: $rate arrivals/s for ${RAMP}+${HOLD}s; minting $size codes"
  rm -rf "$out/pool-$n"; pool "$out/pool-$n" "$size" "$key"
  if [[ "${COLD:-0}" == 1 ]]; then start_gateway; fi  # a fresh process: the load starts the moment it is ready
  scrape "$out/metrics-$n-before.txt"
  # Codes are minted just before the step: none is older than the metro's 180 s by its end, so none is re-minted
  # on the generator's core (hc.pool.refreshSeconds) and none is refused as a screenshot.
  taskset -c "$LOAD_CPU" "$kit" simulate MetroMorningPeak -Dhc.gatewayUrl="$url" \
    -Dhc.pool.file="$out/pool-$n/codes.tsv" -Dhc.pool.key="$key" -Dhc.pool.refreshSeconds=100000 \
    -Dhc.rate="$rate" -Dhc.baseRate="$rate" -Dhc.gates="$GATES" -Dhc.gateThrottleK="$THROTTLE_K" -Dhc.rampSeconds="$RAMP" -Dhc.holdSeconds="$HOLD" \
    -Dhc.p99Ms=100000 -Dhc.maxMs=100000 > "$out/gatling-$n.txt" 2>&1 &
  gen=$!
  # CPU of the generator and the gateway over the hold only (not the generator's start-up or pool loading).
  for _ in $(seq 1 600); do grep -q "turnstile scans" "$out/gatling-$n.txt" 2>/dev/null && break; sleep 0.5; done
  sleep $((RAMP + 3))
  g0=$(ticks "$gen" 2>/dev/null || echo 0); w0=$(ticks "$gw"); t0=$(date +%s.%N); scrape "$out/metrics-$n-hold0.txt"
  sleep $((HOLD - 8))
  g1=$(ticks "$gen" 2>/dev/null || echo 0); w1=$(ticks "$gw"); t1=$(date +%s.%N); scrape "$out/metrics-$n-hold1.txt"
  wait "$gen" || true  # Gatling exits 1 when its assertions fail: refusals are part of the curve
  scrape "$out/metrics-$n-after.txt"
  awk -v m="$m" -v r="$rate" -v g=$((g1 - g0)) -v w=$((w1 - w0)) -v hz="$hz" -v a="$t0" -v b="$t1" \
    'BEGIN {printf "%s %s %.3f %.3f %.3f\n", m, r, g / hz / (b - a), w / hz / (b - a), b - a}' >> "$out/steps.txt"
done
kill "$gw"; wait "$gw" 2>/dev/null || true; gw=""

seconds=""; [[ "$GATES" -gt 0 ]] && seconds=$((RAMP + HOLD))  # every gate scans for ramp + hold, joining over the ramp
python3 "$bench/goodput-report.py" "$out" "$capacity" "$QUOTA" "$gw_cpu" "$HOLD" $seconds | tee "$out/results.md"
log "curve: $out/goodput.svg"
