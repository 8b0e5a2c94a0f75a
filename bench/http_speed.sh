#!/usr/bin/env bash
# HTTP query speed: wrk against morgued on Reuters-21578 with a mixed query set (words,
# phrases, filters, facets, date sort), at 1, 16 and 64 connections, next to the same
# queries run in-process (query-speed) in the same invocation. Printed, not asserted.
#   bench/http_speed.sh [BUILD_DIR]     (MORGUE_CORPORA=../shared/corpora by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
corpora=${MORGUE_CORPORA:-$here/../../shared/corpora}
seconds=${SECONDS_PER_RUN:-10}
queries=$here/queries-reuters.txt
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

[ -d "$corpora/reuters21578" ] || { echo "SKIPPED: $corpora/reuters21578 not found"; exit 0; }
"$build/indexer/morgue-index" -q --db "$work/index" "$corpora/reuters21578" >/dev/null 2>&1
"$build/searchd/morgued" --quiet --db "$work/index" --listen "127.0.0.1:$port" &  # default threads: one per core
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

echo "| transport | connections | requests | errors | requests/s | p50 ms | p99 ms | vs in-process, 1 thread |"
echo "|---|---|---|---|---|---|---|---|"
base=$("$build/bench/query-speed" --db "$work/index" --queries "$queries" --seconds "$seconds" --threads 1)
base_rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$base")
row() { # transport connections RESULT-line
  sed -E 's/RESULT requests=([0-9]+) errors=([0-9]+) rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+)/\1 \2 \3 \4 \5/' <<<"$3" |
    awk -v t="$1" -v c="$2" -v b="$base_rps" '{printf "| %s | %s | %d | %d | %.0f | %.3f | %.3f | %.2f |\n", t, c, $1, $2, $3, $4, $5, $3/b}'
}
row "in-process" 1 "$base"
row "in-process" 2 "$("$build/bench/query-speed" --db "$work/index" --queries "$queries" --seconds "$seconds" --threads 2)"
curl -fs "http://127.0.0.1:$port/search?q=warmup" >/dev/null
for c in 1 16 64; do
  threads=$((c < 2 ? 1 : 2))
  out=$(wrk -t"$threads" -c"$c" -d"${seconds}s" --latency -s "$here/http_speed.lua" "http://127.0.0.1:$port" -- "$queries" | grep '^RESULT')
  row "HTTP (wrk)" "$c" "$out"
done
