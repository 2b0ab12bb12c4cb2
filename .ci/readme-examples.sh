#!/usr/bin/env bash
# Runs every ```sh block of README.md, in order, as a newcomer would on a fresh clone, and fails on the first
# block that fails or whose shown answer (comment lines like `# {"decision":"pass",...}`) differs from what it
# printed: every "key":value pair of those comments must appear in the block's output.
#
#   .ci/readme-examples.sh            (from .ci/test after ./mvnw -B verify; the README's demo command builds the
#                                      jar itself when it is missing)
#   README_PORT=25080 .ci/readme-examples.sh
#
# Conventions in README.md (HTML comments, invisible on the rendered page), on the line before a block:
#   <!-- readme-examples: skip (why) -->   not run here: the build and test commands (.ci/run runs them itself)
#                                          and benchmarks that take minutes
#   <!-- readme-examples: background -->   the gateway: started in the background, then awaited on its log line
#                                          "gateway listening on" (no request before the README's first one)
# The README's first verify must be the first request the gateway serves (a newcomer's first scan must be
# judged, never shed): until a block has posted to /v1/verify, the gateway's request counter (/metrics, every
# route but the probes and /metrics itself; the warm-up's own requests are never counted) must not move.
# Differences from a person at a terminal, and only these: the gateway listens on a free port instead of 8080
# (8080 is replaced in every block, so a busy CI machine does not collide), and blocks run in one directory, the
# repository root, with the variables of earlier blocks (CODE, ID...) carried over as a terminal would.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

free_port() {
  local p
  for p in $(seq "${1:-25080}" "$(( ${1:-25080} + 200 ))"); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "readme-examples: no free port" >&2; exit 1
}
PORT="${README_PORT:-$(free_port 25080)}"
work="$(mktemp -d)"
state="$work/state.sh"; : > "$state"
server=""
cleanup() {
  if [[ -n "$server" ]]; then kill -- "-$server" 2>/dev/null || kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Split README.md into numbered block files with their marker (run, skip, background).
python3 - "$work" <<'PY'
import re, sys, pathlib
work = pathlib.Path(sys.argv[1])
lines = pathlib.Path("README.md").read_text(encoding="utf-8").splitlines()
n, i, marker = 0, 0, "run"
while i < len(lines):
    m = re.match(r"\s*<!--\s*readme-examples:\s*(skip|background)\b", lines[i])
    if m:
        marker = m.group(1)
    elif lines[i].strip() == "```sh":
        body = []
        i += 1
        while lines[i].strip() != "```":
            body.append(lines[i]); i += 1
        n += 1
        (work / f"{n:02d}.{marker}.sh").write_text("\n".join(body) + "\n", encoding="utf-8")
        marker = "run"  # a marker applies to the next block only
    i += 1
PY

expect() {  # every "key":value of the block's `# {...` comment lines must be in its output
  local block="$1" out="$2" pair missing=0
  while IFS= read -r pair; do
    grep -qF -- "$pair" "$out" || { echo "  expected in the output: $pair" >&2; missing=1; }
  done < <(grep -E '^\s*#\s+[{ ]?"' "$block" | grep -oE '"[A-Za-z]+":("[^"]*"|true|false|[0-9]+)' | grep -vF '"..."' || true)
  return "$missing"
}

served_requests() {  # requests the gateway served on any route but the probes and /metrics
  curl -sf "http://127.0.0.1:$PORT/metrics" | awk '/^hc_http_requests_total[{]/ \
    && !/route="\/(health\/ready|health\/live|metrics)"/ { n += $NF } END { printf "%d", n }'
}

count=0
verified=""
served=""
for block in "$work"/*.sh; do
  [[ "$block" == "$state" ]] && continue
  name="$(basename "$block")"
  sed -i "s/8080/$PORT/g" "$block"
  echo "=== README block ${name%%.*} (${name#*.}) ==="
  sed 's/^/  | /' "$block"
  case "$name" in
    *.skip.sh) echo "  skipped (marked in README.md)"; continue ;;
    *.background.sh)
      setsid bash -c "set -a; source '$state'; set +a; source '$block'" > "$work/server.log" 2>&1 &
      server=$!
      # Awaited on its log, not on a request: the README's first verify must be the gateway's first request
      # from outside (it lands while the gateway warms itself up, and must be judged all the same). Up to 10
      # minutes: the demo command may build the jar first (a fresh clone).
      for _ in $(seq 1 2400); do
        grep -q 'gateway listening on' "$work/server.log" && break
        kill -0 "$server" 2>/dev/null || { echo "the gateway exited:" >&2; cat "$work/server.log" >&2; exit 1; }
        sleep 0.25
      done
      grep -q 'gateway listening on' "$work/server.log" || { cat "$work/server.log" >&2; exit 1; }
      grep -q 'DEMO TRUST LIST IN USE' "$work/server.log" || { echo "no demo warning at start-up" >&2; exit 1; }
      served="$(served_requests)"
      echo "  gateway listening on port $PORT ($served requests served before the README's)" ;;
    *)
      if [[ -z "$verified" && -n "$server" ]] && [[ "$(served_requests)" != "$served" ]]; then
        echo "README block ${name%%.*}: the gateway served a request before the README's first verify" >&2; exit 1
      fi
      if ! bash -c "set -a; source '$state'; set -euo pipefail; source '$block'; export -p | grep -v ' _=' > '$state.new'" \
          > "$work/out" 2>&1; then
        sed 's/^/  > /' "$work/out"; echo; echo "README block ${name%%.*} FAILED" >&2; exit 1
      fi
      mv "$state.new" "$state"
      sed 's/^/  > /' "$work/out"; echo
      expect "$block" "$work/out" || { echo "README block ${name%%.*}: answer differs from the README" >&2; exit 1; }
      grep -qE '/v1/verify([^/a-z]|$)' "$block" && verified=1   # POST /v1/verify itself, not /batch or /image
      count=$((count + 1)) ;;
  esac
done
echo "readme-examples: $count blocks ran as written (gateway on port $PORT)"
