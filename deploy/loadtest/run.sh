#!/usr/bin/env bash
# Load test: starts the service on a fresh demo data folder and runs wrk against lists,
# single nodes, search, and reads mixed with writes. Usage: deploy/loadtest/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
PORT=${LOADTEST_PORT:-18181}
BIN=bin/netzwerkatlas
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
[ -x "$BIN" ] || { echo "$BIN is missing: make build" >&2; exit 1; }

DATA=$(mktemp -d)
PASSWORD=loadtest-$RANDOM-$RANDOM
"$BIN" serve --addr "127.0.0.1:$PORT" --data "$DATA" --admin-password "$PASSWORD" --log-format json >"$DATA/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.2; done

BASE="http://127.0.0.1:$PORT"
export NWA_TOKEN=$(curl -sf "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys,json; print(json.load(sys.stdin)["token"])')
export NWA_MEASURE=$(curl -sf "$BASE/api/v1/measures?region=05562&limit=1" | python3 -c 'import sys,json; print(json.load(sys.stdin)["items"][0]["id"])')

run() { # name, wrk arguments…
  local name=$1; shift
  printf '%-34s ' "$name"
  wrk -t1 -c"${CONNECTIONS:-8}" -d"${DURATION}s" --latency "$@" | tail -n 1
}
echo "wrk -t1 -c${CONNECTIONS:-8} -d${DURATION}s on $(nproc) cores, service and wrk on the same machine"
run "list (50 measures of a county)" -s deploy/loadtest/read.lua "$BASE/api/v1/measures?region=05562&limit=50"
run "get (one measure)" -s deploy/loadtest/read.lua "$BASE/api/v1/measures/$NWA_MEASURE"
run "search (sprachkurs in a county)" -s deploy/loadtest/read.lua "$BASE/api/v1/search?q=sprachkurs&region=05562"
run "coverage (analysis, cached)" -s deploy/loadtest/read.lua "$BASE/api/v1/analysis/coverage?region=05562"
run "network (analysis, cached)" -s deploy/loadtest/read.lua "$BASE/api/v1/analysis/network?region=05562"
run "mixed (90% reads, 10% creates)" -s deploy/loadtest/mixed.lua "$BASE"
