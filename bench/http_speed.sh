#!/usr/bin/env bash
# HTTP query speed: wrk against morgued on Reuters-21578 with a mixed query set (words,
# phrases, filters, facets, date sort), at 1, 16 and 64 connections, and the search page's
# requests (queries-reuters-page.txt: every search with all its facets), next to the same
# queries run in-process (query-speed: morgue's Searcher, and libxapian alone as the floor) in
# the same invocation, and next to Sphinx's searchd
# (Debian's sphinxsearch, when installed) serving the same stories: the same mix in SphinxQL
# (queries-reuters.sphinxql), with snippets through CALL SNIPPETS. Printed, not asserted.
#   bench/http_speed.sh [BUILD_DIR]     (MORGUE_CORPORA=../shared/corpora by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
corpora=${MORGUE_CORPORA:-$here/../../shared/corpora}
seconds=${SECONDS_PER_RUN:-10}
queries=$here/queries-reuters.txt
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  [ -f "$work/sphinx/searchd.pid" ] && kill "$(cat "$work/sphinx/searchd.pid")" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
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
# The floor: the same requests through libxapian alone (BM25, no snippets, no JSON).
for t in 1 2; do
  row "libxapian alone (no snippets, no JSON)" "$t" \
    "$("$build/bench/query-speed" --db "$work/index" --queries "$queries" --seconds "$seconds" --threads "$t" --libxapian)"
done
curl -fs "http://127.0.0.1:$port/search?q=warmup" >/dev/null
for c in 1 16 64; do
  threads=$((c < 2 ? 1 : 2))
  out=$(wrk -t"$threads" -c"$c" -d"${seconds}s" --latency -s "$here/http_speed.lua" "http://127.0.0.1:$port" -- "$queries" | grep '^RESULT')
  row "HTTP (wrk)" "$c" "$out"
done
# The search page's requests: every search with the outlet, date and entity facets.
# The floor of any request here: GET /health (no search) at 16 connections, wrk and
# morgued sharing the 2 cores as in the rows above.
echo /health >"$work/health.txt"
row "HTTP (wrk), GET /health only" 16 \
  "$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$here/http_speed.lua" "http://127.0.0.1:$port" -- "$work/health.txt" | grep '^RESULT')"
page=$here/queries-reuters-page.txt
page_base=$("$build/bench/query-speed" --db "$work/index" --queries "$page" --seconds "$seconds" --threads 1)
mix_rps=$base_rps
base_rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$page_base")  # these two rows: against the page's in-process
row "in-process, the search page's requests" 1 "$page_base"
out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$here/http_speed.lua" "http://127.0.0.1:$port" -- "$page" | grep '^RESULT')
row "HTTP (wrk), the search page's requests" 16 "$out"
base_rps=$mix_rps

# Sphinx's searchd on the same stories (bench/reuters_to_tsv.py), when installed.
if ! command -v searchd >/dev/null || ! command -v indexer >/dev/null || [ ! -x "$build/bench/sphinxql-load" ]; then
  echo "(Sphinx: SKIPPED, needs Debian's sphinxsearch and $build/bench/sphinxql-load)"
  exit 0
fi
sx=$work/sphinx
sx_port=$((port + 1))
mkdir -p "$sx/index"
python3 "$here/reuters_to_tsv.py" "$corpora/reuters21578" >"$sx/reuters.tsv"
cat >"$sx/sphinx.conf" <<EOF
source reuters
{
  type = tsvpipe
  tsvpipe_command = cat $sx/reuters.tsv
  tsvpipe_field = title
  tsvpipe_field = body
  tsvpipe_attr_uint = date
}
index reuters
{
  source = reuters
  path = $sx/index/reuters
  morphology = stem_en
  min_prefix_len = 3
}
indexer
{
  mem_limit = 256M
}
searchd
{
  listen = 127.0.0.1:$sx_port:mysql41
  log = $sx/searchd.log
  query_log = $sx/query.log
  pid_file = $sx/searchd.pid
  binlog_path =
  workers = threads
  listen_backlog = 128
}
EOF
indexer --config "$sx/sphinx.conf" --all --quiet >/dev/null 2>&1
searchd --config "$sx/sphinx.conf" >/dev/null 2>&1
sphinx_queries=$here/queries-reuters.sphinxql
for _ in $(seq 50); do
  "$build/bench/sphinxql-load" --port "$sx_port" --queries "$sphinx_queries" --seconds 0.1 >/dev/null 2>&1 && break
  sleep 0.1
done
sphinx() { "$build/bench/sphinxql-load" --port "$sx_port" --queries "$sphinx_queries" --seconds "$seconds" "$@"; }
for c in 1 16 64; do
  row "Sphinx (SphinxQL + CALL SNIPPETS)" "$c" "$(sphinx --docs "$sx/reuters.tsv" --connections "$c")"
done
for c in 4 16; do
  row "Sphinx (SphinxQL, no snippets)" "$c" "$(sphinx --connections "$c")"
done
