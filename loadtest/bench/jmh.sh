#!/usr/bin/env bash
# JMH benchmarks of the verify core (decode, ES256 verify per provider, the whole in-memory pipeline).
# Builds the kit, then runs JMH with the given options, e.g.
#   loadtest/bench/jmh.sh                              # all: DecodeBenchmark, VerifyBenchmark, PipelineBenchmark
#   loadtest/bench/jmh.sh Verify -p provider=native    # one benchmark, one provider
#   loadtest/bench/jmh.sh -prof gc Pipeline            # with allocation rates
#   loadtest/bench/jmh.sh RepeatScan                   # a re-read (verified-code cache hit) vs a fresh verify
# Results: loadtest/target/jmh-result.txt (and on stdout).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
HC_LT_BUILD="${HC_LT_BUILD:-1}" exec "$root/loadtest/bin/hc-loadtest" jmh -rff "$root/loadtest/target/jmh-result.txt" \
  -rf text "$@"
