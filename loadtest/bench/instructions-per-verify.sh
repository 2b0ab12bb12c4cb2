#!/usr/bin/env bash
# Instructions per in-memory verify (decode, trust, ES256, time, revocation: VerifyPipeline.validate), counted by
# valgrind's callgrind, which load on a shared machine does not change: two runs of CountedVerifyLoop that differ
# only in the number of verifies after the same warm-up, over the same pool of 1,024 codes (an ECDSA verify's count
# depends on the key and the signature: two builds must verify the same ones); (Ir(B) - Ir(A)) / (B - A) on the
# thread that runs the loop
# (threads are counted apart: the JIT's compiler threads finish at different moments in each run), and over all
# threads for reference. The JVM writes and rewrites code (--smc-check=all-non-file: retranslate it) and reads the
# registers of the faults it takes on purpose, such as implicit null checks (--vex-iropt-register-updates: keep them
# exact), without which it crashes under valgrind. -Xbatch: the loop waits for each compilation, so it switches to
# compiled code at the same iteration in every run, instead of whenever the compiler thread, slowed by valgrind, is done.
# Minutes per run: valgrind is ~50x slower than the CPU.
#
#   loadtest/bench/instructions-per-verify.sh                 # A=1000, B=5000 fresh verifies after 15000 warm-up
#   SCAN=repeat loadtest/bench/instructions-per-verify.sh     # repeat scans (verified-code cache hits)
#   GW_ROOT=/other/checkout POOL=... OUT=... loadtest/bench/instructions-per-verify.sh   # another build, same pool
# The pool (POOL, minted here when absent) holds codes valid for a day: mint a new one for a later comparison.
set -euo pipefail
root="${GW_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
out="${OUT:-$root/loadtest/target/bench/instructions}"
A="${A:-1000}"; B="${B:-5000}"; WARM="${WARM:-15000}"; SCAN="${SCAN:-fresh}"
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
pool="${POOL:-$(cd "$(dirname "$0")/../.." && pwd)/loadtest/target/bench/instructions-pool}"
rm -rf "$out"; mkdir -p "$out"
if [[ ! -f "$pool/codes.tsv" ]]; then
  "$root/loadtest/bin/hc-loadtest" pool --out "$pool" --size 1024 --mix green=1 >&2   # builds the kit once, too
fi
"$root/loadtest/bin/hc-loadtest" main dev.hcgateway.loadtest.bench.CountedVerifyLoop "$pool" 1 1 "$SCAN" >/dev/null
lt="$root/loadtest"
cp="$lt/target/classes:$lt/target/test-classes:$root/gateway/target/classes:$(cat "$lt/target/classpath.txt")"
run() { # COUNT: one run under callgrind, a file per thread
  valgrind --tool=callgrind --smc-check=all-non-file --vex-iropt-register-updates=allregs-at-mem-access \
    --separate-threads=yes --callgrind-out-file="$out/cg.$1" \
    java -Xbatch -XX:+UseSerialGC -Xmx512m ${JAVA_OPTS:-} -cp "$cp" dev.hcgateway.loadtest.bench.CountedVerifyLoop \
    "$pool" "$1" "$WARM" "$SCAN" > "$out/run.$1.txt" 2> "$out/valgrind.$1.txt"
  grep -q "judged=" "$out/run.$1.txt" || { echo "run $1 failed: $out/valgrind.$1.txt" >&2; exit 1; }
}
ir() { sed -n 's/^summary: \([0-9]*\)/\1/p' "$1"; } # FILE -> instructions of one thread
run "$A"; run "$B"
# The loop's thread: Java's main thread, the launcher's second (its first only waits for it); not the busiest one,
# which for cheap repeat scans is the C2 compiler's.
loop="${LOOP_THREAD:-02}"
total() { for f in "$out"/cg."$1"-*; do ir "$f"; done | paste -sd+ | bc; }
{
  echo "checkout=$root pool=$pool scan=$SCAN warm-up=$WARM A=$A B=$B loop thread=$loop"
  echo "loop thread: Ir(A)=$(ir "$out/cg.$A-$loop") Ir(B)=$(ir "$out/cg.$B-$loop")"
  echo "all threads: Ir(A)=$(total "$A") Ir(B)=$(total "$B")"
  awk -v a="$(ir "$out/cg.$A-$loop")" -v b="$(ir "$out/cg.$B-$loop")" -v na="$A" -v nb="$B" \
    'BEGIN {printf "instructions per verify (loop thread): %.0f\n", (b - a) / (nb - na)}'
  awk -v a="$(total "$A")" -v b="$(total "$B")" -v na="$A" -v nb="$B" \
    'BEGIN {printf "instructions per verify (all threads, JIT noise included): %.0f\n", (b - a) / (nb - na)}'
} | tee "$out/summary.txt"
