#!/usr/bin/env bash
# Lints the API descriptions with Redocly CLI (the ecosystem's OpenAPI linter, pinned), minimal rules: any error
# fails. Installs that version under ~/.cache/hc-gateway on first use (npm), and fails when it cannot.
#
#   .ci/lint-openapi.sh                 (from .ci/test; or by hand after editing docs/*openapi.yaml)
set -euo pipefail
cd "$(dirname "$0")/.."
version=2.77.0
dir="${XDG_CACHE_HOME:-$HOME/.cache}/hc-gateway/redocly-cli-$version"
redocly="$dir/node_modules/.bin/redocly"
# No usage reports, no update checks: CI reaches package registries only.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [[ ! -x "$redocly" ]]; then
  command -v npm >/dev/null 2>&1 || { echo "lint-openapi: npm not found (Debian: apt-get install nodejs npm)" >&2; exit 1; }
  echo "lint-openapi: installing @redocly/cli@$version into $dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@redocly/cli@$version" >&2 \
    || { echo "lint-openapi: cannot install @redocly/cli@$version" >&2; exit 1; }
fi
"$redocly" lint --extends minimal --format=stylish docs/openapi.yaml docs/authority-openapi.yaml
