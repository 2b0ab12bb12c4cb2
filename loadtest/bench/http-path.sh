#!/usr/bin/env bash
# The gateway's CPU per request on the verify route when no crypto runs: POST /v1/verify with {"code":"X"} (a
# deny, unsupported_format, answered after the whole HTTP path: body, JSON in and out, admission, metrics).
# The floor under every verify, and the figure to A/B changes of the HTTP path with (GW_JAR=another build).
#
#   loadtest/bench/http-path.sh                     # 4 phases of 15 s, after one phase of warm-up
#   GW_JAR=/tmp/other.jar PHASES=6 loadtest/bench/http-path.sh
#
# Same set-up as cpu-per-verify.sh: offline, one event loop, gateway pinned to GW_CPU, wrk to LOAD_CPU, loopback;
# CPU is utime+stime of the gateway process from /proc, its kernel share (stime) apart.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
GW_CPU="${GW_CPU:-0}"; LOAD_CPU="${LOAD_CPU:-1}"; PORT="${PORT:-18082}"
CONNS="${CONNS:-32}"; PHASES="${PHASES:-4}"; DURATION="${DURATION:-15}"
jar="${GW_JAR:-$root/gateway/target/gateway.jar}"
out="${OUT:-$root/loadtest/target/bench}"; mkdir -p "$out"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -ntp -q -pl gateway package -DskipTests)

lua="$out/http-path.lua"
cat > "$lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"code":"X","scene":"venue"}'
wrk.headers["Content-Type"] = "application/json"
LUA

HC_HTTP_HOST=127.0.0.1 HC_HTTP_PORT="$PORT" HC_HTTP_INSTANCES=1 taskset -c "$GW_CPU" java -jar "$jar" serve --demo \
  > "$out/http-path-gateway.log" 2>&1 &
gw=$!
trap 'kill "$gw" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
answer=$(curl -s -XPOST -H 'Content-Type: application/json' -d '{"code":"X","scene":"venue"}' "http://127.0.0.1:$PORT/v1/verify")
[[ "$answer" == *'"reason":"unsupported_format"'* ]] || { echo "unexpected answer: $answer" >&2; exit 1; }

ticks() { awk -v f="$2" '{print (f == "sys" ? $15 : $14 + $15)}' "/proc/$1/stat"; }
echo "| phase | requests | req/s | CPU us/request | of which kernel |"
echo "|---|---|---|---|---|"
for p in $(seq 0 "$PHASES"); do
  b=$(ticks "$gw" all); bs=$(ticks "$gw" sys)
  taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNS" -d"${DURATION}s" -s "$lua" "http://127.0.0.1:$PORT/v1/verify" > "$out/http-path-wrk.txt"
  a=$(ticks "$gw" all); as=$(ticks "$gw" sys)
  n=$(awk '/requests in/ {print $1}' "$out/http-path-wrk.txt")
  [[ "$p" == 0 ]] && continue   # warm-up
  awk -v p="$p" -v n="$n" -v d="$DURATION" -v t=$((a - b)) -v s=$((as - bs)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN {printf "| %d | %d | %.0f | %.2f | %.2f |\n", p, n, n / d, t * 1e6 / hz / n, s * 1e6 / hz / n}'
done
