#!/usr/bin/env bash
# Peak memory of parallel exports: starts the service on a seeded data folder once per
# format, sends N parallel anonymous GET /api/v1/export?format=F, and reports the server's
# resident set before (after start-up and one warm-up request for /api/v1/regions) and its
# high-water mark (VmHWM in /proc/PID/status), with the size of one export.
#
#   deploy/exportmem/run.sh BIN DATA [N] [FORMATS]
#
# BIN is a netzwerkatlas binary, DATA a data folder seeded with
# `netzwerkatlas seed --scale state --data DATA`. The heavy-route limits are raised to N for
# the measurement (NETZWERKATLAS_HEAVY_*), so that N exports really run at once; binaries
# without the limits ignore those variables. On a shared machine a guard stops the server when
# its resident set passes MAX_RSS_MB (default 12000); the row then says "stopped".
set -euo pipefail
bin=$1
data=$2
n=${3:-8}
formats=${4:-"json csv xlsx hsds graphml geojson"}
query=${QUERY:-} # appended to each export's query, e.g. "&analyses=false"
port=${PORT:-18181}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
budget=${BUDGET:-$n} # BUDGET=2: the default budgets (then set NETZWERKATLAS_HEAVY_WAIT long enough)
export NETZWERKATLAS_HEAVY_ANONYMOUS=$budget NETZWERKATLAS_HEAVY_TOTAL=$((budget > 4 ? budget : 4))
maxrss=${MAX_RSS_MB:-12000}
kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$2/status" 2>/dev/null || echo 0; }
printf '%-8s %8s %8s %8s %9s %9s %8s\n' format complete rss_MB peak_MB after_MB size_MB seconds
for f in $formats; do
	"$bin" serve --data "$data" --addr "127.0.0.1:$port" --log-format json >"$out/log" 2>&1 &
	pid=$!
	for _ in $(seq 200); do
		curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
		sleep 0.1
	done
	curl -fs "http://127.0.0.1:$port/api/v1/regions?limit=1" >/dev/null
	rss=$(kb VmRSS $pid)
	start=$(date +%s.%N)
	pids=()
	for i in $(seq "$n"); do
		curl -fsS --max-time "${MAX_TIME:-900}" -o "$out/$f.$i" "http://127.0.0.1:$port/api/v1/export?format=$f$query" &
		pids+=($!)
	done
	# The guard: polls the server's resident set and kills it beyond maxrss.
	(
		while kill -0 "$pid" 2>/dev/null; do
			r=$(kb VmRSS $pid)
			if [ "${r:-0}" -gt $((maxrss * 1024)) ]; then
				kb VmHWM $pid >"$out/stopped"
				kill -9 "$pid"
				break
			fi
			sleep 0.5
		done
	) &
	guard=$!
	ok=0
	for p in "${pids[@]}"; do
		if wait "$p"; then ok=$((ok + 1)); fi
	done
	took=$(echo "$(date +%s.%N) - $start" | bc)
	hwm=$(kb VmHWM $pid)
	# What stays: the resident set 30 s after the last export ended, without any request.
	sleep 30
	after=$(kb VmRSS $pid)
	note=""
	if [ -s "$out/stopped" ]; then
		hwm=$(cat "$out/stopped")
		after=0
		note="stopped at ${maxrss} MB"
		rm -f "$out/stopped"
	fi
	kill "$guard" 2>/dev/null || true
	size=$(stat -c %s "$out/$f.1" 2>/dev/null || echo 0)
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	printf '%-8s %8s %8.0f %8.0f %9.0f %9.1f %8.1f %s\n' "$f" "$ok/$n" "$(echo "$rss/1024" | bc -l)" "$(echo "$hwm/1024" | bc -l)" \
		"$(echo "$after/1024" | bc -l)" "$(echo "$size/1048576" | bc -l)" "$took" "$note"
	rm -f "$out/$f".*
done
