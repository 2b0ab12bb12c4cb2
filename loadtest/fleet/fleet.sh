#!/usr/bin/env bash
# A local fleet for rehearsals (docs/fleet.md), loopback only: three gateways, a Redis primary with one replica
# and three Sentinels, PostgreSQL (the machine's, on 127.0.0.1:5432) and the authority simulator.
#   fleet.sh start            start everything (a code pool is minted once; the gateways trust its issuer)
#   fleet.sh kill-redis       kill -9 the Redis primary; waits until the Sentinels name the replica
#   fleet.sh kill-gateway     kill -9 the third gateway
#   fleet.sh rehearse [SECS]  start, drive all gateways with FleetFailoverSimulation, kill the primary after a
#                             third of the run and a gateway after two thirds, print the per-phase report, stop
#   fleet.sh stop             stop every process this script started (by its recorded pid)
# FLEET_DIR (default /tmp/hc-fleet) holds pids, logs and data; FLEET_PORT (default 34500) is the first of 20 ports.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="${FLEET_DIR:-/tmp/hc-fleet}"
base="${FLEET_PORT:-34500}"
redis_primary=$((base)); redis_replica=$((base + 1)); sentinels=($((base + 2)) $((base + 3)) $((base + 4)))
gateways=($((base + 10)) $((base + 11)) $((base + 12))); authority=$((base + 5)); authority_control=$((base + 6))
master=hcfleet
admin_token="fleet-$(printf %s "$dir" | md5sum | cut -c1-12)"
lt="$root/loadtest/bin/hc-loadtest"

# Polls CONDITION (a shell command) every 0.1 s for at most SECONDS; fails naming WHAT.
wait_for() {
  local seconds="$1" what="$2"; shift 2
  local i
  for ((i = 0; i < seconds * 10; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "fleet: not within ${seconds}s: $what" >&2; return 1
}

# Starts a background process NAME with its log under $dir/logs and its pid in $dir/pids.
spawn() {
  local name="$1"; shift
  "$@" >"$dir/logs/$name.log" 2>&1 &
  echo $! >"$dir/pids/$name"
}

sentinel_primary_port() {
  redis-cli -h 127.0.0.1 -p "${sentinels[0]}" SENTINEL get-master-addr-by-name "$master" 2>/dev/null | sed -n 2p
}

start() {
  mkdir -p "$dir"/{logs,pids,redis-$redis_primary,redis-$redis_replica}
  [[ -f "$root/gateway/target/gateway.jar" ]] || { echo "fleet: build gateway/target/gateway.jar first" >&2; exit 1; }
  [[ -f "$dir/pool/trust.json" ]] || "$lt" pool --out "$dir/pool" --size "${FLEET_POOL:-20000}" >"$dir/logs/pool.log" 2>&1
  local r
  for r in "$redis_primary" "$redis_replica"; do
    local extra=(); [[ "$r" == "$redis_replica" ]] && extra=(--replicaof 127.0.0.1 "$redis_primary")
    spawn "redis-$r" redis-server --port "$r" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir/redis-$r" \
      --maxmemory 256mb "${extra[@]}"
    wait_for 10 "redis $r" redis-cli -p "$r" ping
  done
  wait_for 20 "replica in sync" bash -c "redis-cli -p $redis_replica INFO replication | grep -q master_link_status:up"
  local s
  for s in "${sentinels[@]}"; do
    mkdir -p "$dir/sentinel-$s"
    printf '%s\n' "port $s" "bind 127.0.0.1" "dir $dir/sentinel-$s" \
      "sentinel monitor $master 127.0.0.1 $redis_primary 2" "sentinel down-after-milliseconds $master 1000" \
      "sentinel failover-timeout $master 5000" >"$dir/sentinel-$s/sentinel.conf"
    spawn "sentinel-$s" redis-server "$dir/sentinel-$s/sentinel.conf" --sentinel
  done
  wait_for 30 "sentinels know each other and the replica" bash -c \
    "redis-cli -p ${sentinels[0]} INFO sentinel | grep -q 'slaves=1,sentinels=3'"
  spawn authority "$lt" authority --port "$authority" --control-port "$authority_control"
  wait_for 60 "authority simulator" bash -c "exec 3<>/dev/tcp/127.0.0.1/$authority"
  pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE hc_fleet" \
    >/dev/null 2>&1 || true
  local sentinel_uri="redis-sentinel://127.0.0.1:${sentinels[0]},127.0.0.1:${sentinels[1]},127.0.0.1:${sentinels[2]}/0#$master"
  local i g
  for i in 0 1 2; do
    g="${gateways[$i]}"; mkdir -p "$dir/journal-$g"
    local pg=(); pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 \
      && pg=(HC_PASSAGES_JOURNAL="$dir/journal-$g" HC_PASSAGES_URL="postgresql://postgres@127.0.0.1:5432/hc_fleet")
    spawn "gateway-$g" env HC_HTTP_PORT="$g" HC_TRUST_FILE="$dir/pool/trust.json" HC_REDIS_URI="$sentinel_uri" \
      HC_REDIS_REPLICA_ACKS=1 HC_ADMIN_TOKEN="$admin_token" HC_AUTHORITY_URL="http://127.0.0.1:$authority" \
      "${pg[@]}" java -Xmx512m -jar "$root/gateway/target/gateway.jar" serve --demo
  done
  for g in "${gateways[@]}"; do
    wait_for 60 "gateway $g ready" curl -fs "http://127.0.0.1:$g/health/ready"
  done
  echo "fleet up: gateways ${gateways[*]}, redis $redis_primary (replica $redis_replica), sentinels ${sentinels[*]}," \
       "authority $authority (control $authority_control); logs in $dir/logs"
}

# Signals the process NAME recorded in $dir/pids (SIGNAL, default KILL) and forgets it.
kill_pid() {
  local f="$dir/pids/$1"
  [[ -f "$f" ]] || return 0
  kill "-${2:-KILL}" "$(cat "$f")" 2>/dev/null || true
  rm -f "$f"
}

kill_redis() {
  local was; was="$(sentinel_primary_port)"
  local t0; t0=$(date +%s%N)
  kill_pid "redis-$was"
  echo "$(date -u +%T.%3N) killed redis primary $was" | tee -a "$dir/timeline"
  local i=0 now="$was"
  while [[ "$now" == "$was" || -z "$now" ]] && ((i++ < 600)); do sleep 0.1; now="$(sentinel_primary_port)"; done
  echo "$(date -u +%T.%3N) sentinels name $now after $((($(date +%s%N) - t0) / 1000000)) ms" | tee -a "$dir/timeline"
}

kill_gateway() {
  kill_pid "gateway-${gateways[2]}"
  echo "$(date -u +%T.%3N) killed gateway ${gateways[2]}" | tee -a "$dir/timeline"
}

rehearse() {
  local secs="${1:-90}"
  rm -f "$dir/timeline"
  start
  local urls; urls="$(printf 'http://127.0.0.1:%s,' "${gateways[@]}")"
  rm -f "$dir/timeline.go"
  # The clock of the kills starts when the simulation starts sending (it creates timeline.go), not when its JVM
  # starts: minting and start-up take long on a busy machine.
  # (A file test cannot stand inside (( )): there "-e" is an unset variable, which killed this subshell under set -u.)
  ( i=0; while [[ ! -e "$dir/timeline.go" ]] && ((i++ < 3000)); do sleep 0.1; done
    sleep "$((secs / 3))"; kill_redis; sleep "$((secs / 3))"; kill_gateway ) &
  local killer=$!
  set +e
  "$lt" simulate FleetFailover -Dhc.gatewayUrls="${urls%,}" -Dhc.gatewayUrl="http://127.0.0.1:${gateways[0]}" \
    -Dhc.pool.key="$dir/pool/issuer.key" -Dhc.pool.file="$dir/pool/codes.tsv" -Dhc.holdSeconds="$secs" \
    -Dhc.authority.control="http://127.0.0.1:$authority_control" -Dhc.fleet.timeline="$dir/timeline" \
    -Dhc.rate="${FLEET_RATE:-200}" | tee "$dir/logs/simulation.log"
  local rc=${PIPESTATUS[0]}
  wait "$killer"
  stop
  return "$rc"
}

stop() {
  local f
  for f in "$dir"/pids/*; do [[ -e "$f" ]] && kill_pid "$(basename "$f")" TERM; done
  echo "fleet stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  kill-redis) kill_redis ;;
  kill-gateway) kill_gateway ;;
  rehearse) rehearse "${2:-90}" ;;
  *) sed -n 2,11p "$0"; exit 2 ;;
esac
