#!/usr/bin/env bash
# The static checkers CI must have (they are not optional: a missing one fails the run instead of skipping checks):
#   promtool     Debian package prometheus: checks and unit-tests config/prometheus/alerts.yml
#   node + npm   Debian package nodejs/npm: runs .ci/k8s-validate (Kubernetes schemas, pinned in its package-lock)
# Installs what is missing, then validates the manifests. With --check it installs nothing (the tests use it).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--check" ]; then
  if ! command -v promtool >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus; } || true
  fi
  if ! command -v npm >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm; } || true
  fi
  if command -v npm >/dev/null 2>&1 && [ ! -d .ci/k8s-validate/node_modules/kubernetes-models ]; then
    (cd .ci/k8s-validate && npm ci --no-audit --no-fund >/dev/null) || true
  fi
fi

missing=()
command -v promtool >/dev/null 2>&1 || missing+=("promtool (Debian package prometheus)")
command -v node >/dev/null 2>&1 || missing+=("node (Debian package nodejs)")
[ -d .ci/k8s-validate/node_modules/kubernetes-models ] || missing+=("the manifest validator (cd .ci/k8s-validate && npm ci)")
if [ ${#missing[@]} -gt 0 ]; then
  for m in "${missing[@]}"; do echo "error: required checker missing: $m" >&2; done
  exit 1
fi

# Every shipped manifest against the Kubernetes schemas.
node .ci/k8s-validate/validate.mjs config/k8s/*.yaml config/k8s/backing/*.yaml
