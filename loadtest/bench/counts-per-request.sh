#!/usr/bin/env bash
# Counts per fresh verify that load on a shared machine does not change, to A/B two builds where CPU time is noise:
# syscalls by kind, event-loop bytes allocated, bytes the young collections copy, GC pauses, heap after GC,
# minor page faults. The gateway runs as in cpu-per-verify.sh (offline, one event loop, the pool's trust list),
# not pinned; wrk -t1 sends unique codes of a pool minted by cpu-per-verify.sh.
#
#   loadtest/bench/counts-per-request.sh                                     # this checkout's gateway.jar
#   GW_JAR=/tmp/old.jar OUT=/tmp/counts-old POOL=/tmp/bench/pool loadtest/bench/counts-per-request.sh
#   GW_ENV="HC_VERIFY_VERIFIED_CODE_CACHE_MAX_ENTRIES=0" loadtest/bench/counts-per-request.sh   # price a stage
#
# Phases: warm-up (WARM s); A (MEAS s) under a JFR recording (allocation, evacuation) and /proc per-thread counters;
# B (MEAS s) under `strace -c -f` on every thread, divided by the requests wrk had answered.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${GW_JAR:-$root/gateway/target/gateway.jar}"
pool="${POOL:-$root/loadtest/target/bench/pool}"
out="${OUT:-$root/loadtest/target/bench/counts}"
PORT="${PORT:-18084}"; CONNS="${CONNS:-16}"; WARM="${WARM:-60}"; MEAS="${MEAS:-15}"; START="${START:-0}"
codes="$pool/codes.tsv"; lua="$root/loadtest/bench/verify.lua"
[[ -f "$codes" ]] || { echo "no pool at $pool: run cpu-per-verify.sh once, or set POOL" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out"

env ${GW_ENV:-} HC_HTTP_HOST=127.0.0.1 HC_HTTP_PORT="$PORT" HC_HTTP_INSTANCES=1 HC_TRUST_FILE="$pool/trust.json" \
  java ${GW_JAVA_OPTS:-} -Xlog:gc:file="$out/gc.log" -jar "$jar" > "$out/gateway.log" 2>&1 &
gw=$!
trap 'kill "$gw" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
url="http://127.0.0.1:$PORT/v1/verify"
wrk_run() { # SECONDS FIRST-CODE FILE
  wrk -t1 -c"$CONNS" -d"$1s" --timeout 5s -s "$lua" "$url" -- "$codes" "$2" 250000 venue > "$3" 2>&1
}
ok_of() { sed -n 's/^lua:.* ok=\([0-9]*\).*/\1/p' "$1"; }
# tid, name, utime, stime, minflt of every thread (fields after the command name, which may hold spaces)
threads() { for t in /proc/"$gw"/task/*; do
  echo "${t##*/} $(tr -d '\n' < "$t/comm" | tr ' ' '_') $(sed 's/.*) //' "$t/stat" | awk '{print $12, $13, $8}')"; done; }

echo "load before: $(uptime)" > "$out/summary.txt"
wrk_run "$WARM" "$START" "$out/wrk-warm.txt"
threads > "$out/threads-before.txt"
jcmd "$gw" JFR.start name=counts settings=profile filename="$out/a.jfr" > /dev/null
wrk_run "$MEAS" $((START + 250000)) "$out/wrk-a.txt"
jcmd "$gw" JFR.stop name=counts > /dev/null
threads > "$out/threads-after.txt"
# strace attaches first (a second or two for every thread), then wrk runs its requests wholly inside the trace.
strace -c -f $(for t in /proc/"$gw"/task/*; do echo -n "-p ${t##*/} "; done) -o "$out/strace.txt" 2>/dev/null &
st=$!
sleep 3
wrk_run "$MEAS" $((START + 500000)) "$out/wrk-b.txt"
kill -INT "$st"; wait "$st" 2>/dev/null || true
echo "load after: $(uptime)" >> "$out/summary.txt"
kill "$gw"; wait "$gw" 2>/dev/null || true; trap - EXIT

a=$(ok_of "$out/wrk-a.txt"); total=$(( $(ok_of "$out/wrk-warm.txt") + a ))
{
  b=$(ok_of "$out/wrk-b.txt")
  echo "requests: warm-up + A = $total, A = $a, B (under strace) = $b; bad answers: $(grep -h '^lua' "$out"/wrk-*.txt | sed 's/.*bad=\([0-9]*\).*/\1/' | paste -sd+ | bc)"
  echo "event-loop bytes allocated per request (A, JFR ThreadAllocationStatistics):"
  jfr print --json --events jdk.ThreadAllocationStatistics "$out/a.jfr" \
    | awk '/"allocated"/ {gsub(/[^0-9]/, "", $2); v = $2} /"javaName": "vert.x-eventloop/ {print v}' \
    | awk -v n="$a" '{all[NR] = $1} END {m = 0; for (i = 1; i <= NR / 2; i++) { d = all[i + NR / 2] - all[i]; if (d > m) m = d }
                       printf "  %.0f B\n", m / n}'
  echo "bytes copied per young collection (A, JFR EvacuationInformation):"
  jfr print --json --events jdk.EvacuationInformation "$out/a.jfr" | awk '/"bytesCopied"/ {gsub(/[^0-9]/, "", $2); printf "  %d", $2} END {print ""}'
  echo "GC (whole run, gc.log): pauses, their sum per request, last heap before->after(committed):"
  awk -v n="$total" '/Pause/ {v = $NF; gsub("ms", "", v); s += v; c++} /Pause Young/ {h = $(NF - 1)}
      END {printf "  %d pauses, %.2f us/request, last %s\n", c, s * 1000 / n, h}' "$out/gc.log"
  echo "minor page faults and kernel ticks of the event loop, whole run (/proc), per request:"
  awk -v n="$total" '$2 ~ /eventloo/ {f += $5; s += $4} END {printf "  %.3f faults, %d sys ticks\n", f / n, s}' "$out/threads-after.txt"
  echo "syscalls per request (B, strace -c -f, all threads; the rest are periodic, not per request):"
  awk -v n="$b" 'NR > 2 && $1 !~ /^-/ && NF >= 5 && $4 / n >= 0.05 {printf "  %-14s %.3f\n", $NF, $4 / n}' "$out/strace.txt"
} | tee -a "$out/summary.txt"
