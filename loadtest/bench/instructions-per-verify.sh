#!/usr/bin/env bash
# Instructions per in-memory verify (decode, trust, ES256, time, revocation: VerifyPipeline.validate), counted by
# valgrind's callgrind, which load on a shared machine does not change: two runs of CountedVerifyLoop that differ
# only in the number of verifies after the same warm-up; (Ir(B) - Ir(A)) / (B - A). All threads count (the JIT's
# too, which is why the warm-up comes first and both runs share it). Minutes per run: valgrind is ~50x slower.
#
#   loadtest/bench/instructions-per-verify.sh                 # A=2000, B=6000 fresh verifies after 20000 warm-up
#   A=1000 B=3000 SCAN=repeat loadtest/bench/instructions-per-verify.sh   # repeat scans (verified-code cache hits)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${OUT:-$root/loadtest/target/bench/instructions}"
A="${A:-2000}"; B="${B:-6000}"; WARM="${WARM:-20000}"; SCAN="${SCAN:-fresh}"
mkdir -p "$out"
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
"$root/loadtest/bin/hc-loadtest" main dev.hcgateway.loadtest.bench.CountedVerifyLoop 1 1 "$SCAN" >/dev/null  # builds once
lt="$root/loadtest"
cp="$lt/target/classes:$lt/target/test-classes:$root/gateway/target/classes:$(cat "$lt/target/classpath.txt")"
ir() { # COUNT -> total instructions of the run (java itself under valgrind: the launcher script would exec it away)
  valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$1.out" \
    java -XX:+UseSerialGC -Xmx512m ${JAVA_OPTS:-} -cp "$cp" dev.hcgateway.loadtest.bench.CountedVerifyLoop \
    "$1" "$WARM" "$SCAN" > "$out/run.$1.txt" 2> "$out/valgrind.$1.txt"
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out/valgrind.$1.txt"
}
ir_a=$(ir "$A"); ir_b=$(ir "$B")
echo "scan=$SCAN warm-up=$WARM A=$A Ir=$ir_a B=$B Ir=$ir_b" | tee "$out/summary.txt"
awk -v a="$ir_a" -v b="$ir_b" -v na="$A" -v nb="$B" 'BEGIN {printf "instructions per verify: %.0f\n", (b - a) / (nb - na)}' \
  | tee -a "$out/summary.txt"
