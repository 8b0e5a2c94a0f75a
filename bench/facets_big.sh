#!/usr/bin/env bash
# Faceted search on an archive bigger than Reuters-21578: COPIES copies of its stories
# (default 6: 129,462 articles), each copy under its own ids, outlet and years, so that
# outlets, dates and entities spread as in a multi-year archive. morgued serves the
# search page's requests (queries-reuters-page.txt: every search with the outlet, date
# and entity facets) at 16 connections, with its facet columns (built in the background,
# common/background_facet_columns.h) and with --no-facet-columns (each match's stored
# values), alternately, ROUNDS times. Printed, not asserted. Indexing takes 2-3 minutes.
# Then entity suggestions on the same archive (suggest-speed: per keystroke, against
# reading every entity key).
#   bench/facets_big.sh [BUILD_DIR] [COPIES]     (MORGUE_CORPORA=../shared/corpora by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
copies=${2:-6}
corpora=${MORGUE_CORPORA:-$here/../../shared/corpora}
seconds=${SECONDS_PER_RUN:-5}
rounds=${ROUNDS:-2}
page=$here/queries-reuters-page.txt
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

[ -d "$corpora/reuters21578" ] || { echo "SKIPPED: $corpora/reuters21578 not found"; exit 0; }
"$build/indexer/morgue-index" --extract "$corpora/reuters21578" 2>/dev/null |
  python3 -c '
import json, sys
copies = int(sys.argv[1])
outlets = ["Reuters"] + ["Wire %d" % k for k in range(1, copies)]
stories = [json.loads(line) for line in sys.stdin]
for k in range(copies):
    for d in stories:
        d = dict(d, id="%s-c%d" % (d["id"], k), outlet=outlets[k])
        if d.get("date"):
            d["published"] = str(int(d["date"][:4]) + k) + d["date"][4:]
        d.pop("date", None)
        print(json.dumps(d))
' "$copies" >"$work/archive.jsonl"
"$build/indexer/morgue-index" -q --db "$work/index" "$work/archive.jsonl" >/dev/null 2>&1 || true  # a few stories have no text
docs=$("$build/searchd/morgue-search" --db "$work/index" --json --limit 0 '' | sed -E 's/.*"total":([0-9]+).*/\1/')

serve() { # extra morgued options...
  "$build/searchd/morgued" --quiet --db "$work/index" --listen "127.0.0.1:$port" "$@" 2>/dev/null &
  pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
  # Each query once, then time for the columns' build (they are not built for --no-facet-columns).
  grep -v '^#' "$page" | while read -r q; do curl -fs -o /dev/null "http://127.0.0.1:$port/search?$q"; done
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/metrics" | grep -q '^morgued_facet_column_builds_total [1-9]' && break
    [ $# -gt 0 ] && break
    sleep 0.1
  done
}
stop() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
}

echo "$docs articles; the search page's requests at 16 connections, ${seconds} s a run"
echo
echo "| facets from | round | requests/s | p50 ms | p99 ms | requests/s vs values, same round | columns built in |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for mode in values columns; do
    if [ "$mode" = values ]; then serve --no-facet-columns; else serve; fi
    out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s "$here/http_speed.lua" "http://127.0.0.1:$port" -- "$page" | grep '^RESULT')
    built=$(curl -fs "http://127.0.0.1:$port/metrics" | awk '/^morgued_facet_column_build_seconds/ {print $2}')
    stop
    rps=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$out")
    if [ "$mode" = values ]; then label="stored values (--no-facet-columns)"; built=; base=$rps; else label="columns in memory"; built="$built s"; fi
    sed -E 's/RESULT requests=([0-9]+) errors=([0-9]+) rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+)/\3 \4 \5/' <<<"$out" |
      awk -v l="$label" -v r="$round" -v b="$built" -v base="$base" \
        '{printf "| %s | %s | %.0f | %.1f | %.1f | %.2f | %s |\n", l, r, $1, $2, $3, $1 / base, b}'
  done
done

echo
"$build/bench/suggest-speed" --db "$work/index"
