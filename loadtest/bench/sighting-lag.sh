#!/usr/bin/env bash
# Measures how long a passback sighting takes to reach another gateway of the fleet, on the real clock:
# two gateways on one Redis (a random key prefix), PASSES passes of one person at place A on gateway one (each at a
# new gate of that place, so no re-read), then gateway two's hc_passback_sighting_lag_seconds histogram
# (receive time minus pass time) and its received count. The goal: within 1 s.
#
#   loadtest/bench/sighting-lag.sh                 # PASSES=200 INTERVAL=0.05; needs gateway/target/gateway.jar
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${GW_JAR:-$root/gateway/target/gateway.jar}"
PASSES="${PASSES:-200}"; INTERVAL="${INTERVAL:-0.05}"
P1="${P1:-18281}"; P2="${P2:-18282}"
REDIS="${REDIS:-redis://127.0.0.1:6379}"
work="$(mktemp -d)"; prefix="lag$RANDOM:"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
cat > "$work/gateway.yaml" <<YAML
places:
  "LAG-A-": {id: "LAG-A", name: "Place A"}
redis:
  keyPrefix: "$prefix"
YAML
start() { # port, log
  HC_DEMO=true HC_CONFIG="$work/gateway.yaml" HC_REDIS_URI="$REDIS" HC_PASSBACK_SIGHTING_KEY=bench-sighting-key-0123456789 \
    java -jar "$jar" serve --port "$1" --demo > "$2" 2>&1 &
}
start "$P1" "$work/gw1.log"; start "$P2" "$work/gw2.log"
for p in "$P1" "$P2"; do
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$p/health/ready" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$p/health/ready" | grep -q '"fleet"' || { echo "gateway on $p: passback not fleet"; cat "$work"/gw*.log; exit 1; }
done
code=$(java -jar "$jar" mint --key "$root/config/demo/330100.key" --issuer 330100 --subject s-lag --ttl 600 | head -1)
ok=0
for i in $(seq 1 "$PASSES"); do
  d=$(curl -fs -X POST "http://127.0.0.1:$P1/v1/verify" -H 'content-type: application/json' \
      -d "{\"code\":\"$code\",\"scene\":\"metro\",\"gate\":\"LAG-A-$i\"}" | grep -o '"decision":"[a-z]*"')
  [[ "$d" == '"decision":"pass"' ]] && ok=$((ok + 1))
  sleep "$INTERVAL"
done
sleep 1   # the last batch: publish interval (50 ms) + the follower's read
echo "passes answered pass on gateway one: $ok of $PASSES ($(uptime | sed 's/.*load/load/'))"
curl -fs "http://127.0.0.1:$P1/metrics" | grep -E '^hc_passback_sightings_(published|dropped)_total'
curl -fs "http://127.0.0.1:$P2/metrics" | grep -E '^hc_passback_sightings_received_total|^hc_passback_sighting_lag_seconds_(count|sum|max)|^hc_passback_sighting_lag_seconds_bucket\{.*le="(0.005|0.01|0.025|0.05|0.1|0.25|0.5|1.0)"'
