#!/usr/bin/env bash
# The gateway's CPU per request over TLS on kept-alive connections (what gates do: one handshake per connection,
# then only record encryption), JDK engine against OpenSSL (BoringSSL, netty-tcnative), against plain HTTP.
#
#   loadtest/bench/tls-cost.sh                       # 3 rounds x (plain, jdk, openssl), 15 s each, interleaved
#   ROUNDS=3 DURATION=20 GW_JAR=/tmp/other.jar loadtest/bench/tls-cost.sh
#   HANDSHAKES=1 CONNS=8 ROUNDS=2 loadtest/bench/tls-cost.sh   # a new connection (full handshake) per request
#
# Method of http-path.sh: POST /v1/verify with {"code":"X"} (a deny, unsupported_format: the whole HTTP path, no
# crypto of the code, so what differs between the three is the transport alone). Three gateways (one per mode,
# offline, one event loop each) run side by side pinned to core GW_CPU and are measured in turn, each round in
# the order plain, jdk, openssl, so a change in the machine's load hits all three alike. CPU is utime+stime of
# the measured gateway's process from /proc (all its threads), divided by the requests wrk saw answered, and that of
# its event-loop threads alone (/proc/<pid>/task/*, the TLS work, without JIT or GC); wrk
# (-t1, keep-alive, HTTPS through its OpenSSL) is not pinned. The server's key is a P-256 one made here.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
GW_CPU="${GW_CPU:-1}"; PORT="${PORT:-19210}"          # PORT, PORT+1, PORT+2: plain, jdk, openssl
# WARMUP: seconds of load per gateway before measuring. The JIT's compile threads are part of the process's CPU
# time, so a short warm-up prices the compiler (20 s on a loaded 2-core machine inflated round 1 two- to three-fold).
CONNS="${CONNS:-32}"; ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-15}"; WARMUP="${WARMUP:-60}"
jar="${GW_JAR:-$root/gateway/target/gateway.jar}"
out="${OUT:-$root/loadtest/target/bench/tls}"; mkdir -p "$out"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null
[[ -f "$jar" ]] || (cd "$root" && ./mvnw -B -ntp -q -pl gateway -am package -DskipTests -DskipSmoke=true)

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 \
  -keyout "$out/key.pem" -out "$out/cert.pem" 2>/dev/null
lua="$out/tls-cost.lua"
cat > "$lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"code":"X","scene":"venue"}'
wrk.headers["Content-Type"] = "application/json"
LUA
# HANDSHAKES=1: every request on a new connection (Connection: close), so each TLS request pays a full handshake
# (ECDHE + the server's P-256 signature): what a reconnect storm costs, e.g. every gate after a rollout.
[[ "${HANDSHAKES:-0}" == 1 ]] && echo 'wrk.headers["Connection"] = "close"' >> "$lua"

modes=(plain jdk openssl)
declare -A pid url
i=0
for m in "${modes[@]}"; do
  port=$((PORT + i)); i=$((i + 1))
  tls=(); scheme=http
  if [[ "$m" != plain ]]; then
    tls=(HC_HTTP_TLS_ENABLED=true HC_HTTP_TLS_KEY_FILE="$out/key.pem" HC_HTTP_TLS_CERT_FILE="$out/cert.pem"
         HC_HTTP_TLS_ENGINE="$m"); scheme=https
  fi
  # No shedding: on a shared machine the loop runs late now and then, and a cheap 503 would lower the figure.
  env HC_HTTP_HOST=127.0.0.1 HC_HTTP_PORT="$port" HC_HTTP_INSTANCES=1 HC_HTTP_SHED_QUEUE_MS=60000 "${tls[@]}" \
    taskset -c "$GW_CPU" java -jar "$jar" serve --demo > "$out/gateway-$m.log" 2>&1 &
  pid[$m]=$!
  url[$m]="$scheme://127.0.0.1:$port/v1/verify"
done
trap 'for m in "${modes[@]}"; do kill "${pid[$m]}" 2>/dev/null || true; done' EXIT
for m in "${modes[@]}"; do
  ready=""
  for _ in $(seq 1 300); do
    curl -skf "${url[$m]%/v1/verify}/health/ready" >/dev/null 2>&1 && { ready=1; break; }
    sleep 0.2
  done
  [[ -n "$ready" ]] || { echo "gateway $m did not get ready" >&2; cat "$out/gateway-$m.log" >&2; exit 1; }
done
# An engine that fell back would price the JDK twice: refuse to report then.
if grep -q "native library is unavailable" "$out/gateway-openssl.log"; then
  echo "OpenSSL did not load (see $out/gateway-openssl.log)" >&2; exit 1
fi

ticks() { awk -v f="$2" '{print (f == "sys" ? $15 : $14 + $15)}' "/proc/$1/stat"; }
# The event-loop threads alone (where TLS records are sealed and opened): no JIT compiler or GC threads in it.
loop_ticks() { cat /proc/"$1"/task/*/stat 2>/dev/null | awk '$2 ~ /^\(vert\.x-eventloo/ {t += $14 + $15} END {print t + 0}'; }
hz=$(getconf CLK_TCK)
measure() {  # MODE SECONDS [warm] -> "requests cpu_us sys_us loop_us"; only 200s are priced, else a run fails
  local m=$1 secs=$2 b bs bl a as al n
  b=$(ticks "${pid[$m]}" all); bs=$(ticks "${pid[$m]}" sys); bl=$(loop_ticks "${pid[$m]}")
  wrk -t1 -c"$CONNS" -d"${secs}s" -s "$lua" "${url[$m]}" > "$out/wrk-$m.txt"
  a=$(ticks "${pid[$m]}" all); as=$(ticks "${pid[$m]}" sys); al=$(loop_ticks "${pid[$m]}")
  n=$(awk '/requests in/ {print $1}' "$out/wrk-$m.txt")
  if [[ -z "${3:-}" ]] && grep -q 'Non-2xx' "$out/wrk-$m.txt"; then
    echo "non-200 answers on $m" >&2; cat "$out/wrk-$m.txt" >&2; exit 1
  fi
  awk -v n="$n" -v t=$((a - b)) -v s=$((as - bs)) -v l=$((al - bl)) -v hz="$hz" \
    'BEGIN {printf "%d %.2f %.2f %.2f", n, t * 1e6 / hz / n, s * 1e6 / hz / n, l * 1e6 / hz / n}'
}

for m in "${modes[@]}"; do measure "$m" "$WARMUP" warm > /dev/null; done   # JIT warm-up, not reported
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| round | mode | requests | req/s | CPU us/request | of which kernel | event-loop threads us/request |"
echo "|---|---|---|---|---|---|---|"
: > "$out/runs.txt"
for r in $(seq 1 "$ROUNDS"); do
  for m in "${modes[@]}"; do
    read -r n us sys loop <<< "$(measure "$m" "$DURATION")"
    echo "$m $us $sys $loop" >> "$out/runs.txt"
    awk -v r="$r" -v m="$m" -v n="$n" -v d="$DURATION" -v us="$us" -v sys="$sys" -v loop="$loop" \
      'BEGIN {printf "| %d | %s | %d | %.0f | %.2f | %.2f | %.2f |\n", r, m, n, n / d, us, sys, loop}'
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Means and minima: on a shared machine a run that lost its core to others costs more per request (fewer requests
# per wake-up), so the minimum is the least disturbed figure; report both.
awk '{s[$1] += $2; c[$1]++; l[$1] += $4; if (!($1 in mn) || $2 < mn[$1]) mn[$1] = $2; if (!($1 in ml) || $4 < ml[$1]) ml[$1] = $4}
  END { for (m in s) printf "%s: process mean %.2f, min %.2f us/request (TLS adds %.2f / %.2f); event loop mean %.2f, min %.2f (adds %.2f / %.2f)\n",
    m, s[m] / c[m], mn[m], s[m] / c[m] - s["plain"] / c["plain"], mn[m] - mn["plain"],
    l[m] / c[m], ml[m], l[m] / c[m] - l["plain"] / c["plain"], ml[m] - ml["plain"] }' "$out/runs.txt" | sort
