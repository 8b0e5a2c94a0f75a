#!/usr/bin/env bash
# Indexing speed: morgue-index against Xapian's scriptindex on the same text and fields,
# in the same run, on Reuters-21578 and AllSides. Prints documents/s, MB/s of text, peak
# memory and index size, and morgue's ratio to scriptindex. Nothing is asserted.
#   bench/index_speed.sh [BUILD_DIR]      (CORPORA=../shared/corpora by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
corpora=${MORGUE_CORPORA:-$here/../../shared/corpora}
index=$build/indexer/morgue-index
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
allsides_map="id=ID,outlet=source,published=date,headline=title,body=content_original"

# seconds peak_kib cpu_seconds  <- /usr/bin/time -v of a command (cpu: user + system,
# all threads; on a shared machine it moves less than the wall time does)
measure() {
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt" || { cat "$work/time.txt" >&2; return 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$work/time.txt")
  echo "$wall $rss $cpu"
}

printf '| corpus | engine | docs | seconds | CPU s | docs/s | MB/s text | peak MiB | index MiB | docs/s vs scriptindex |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for corpus in reuters allsides; do
  if [ "$corpus" = reuters ]; then inputs=("$corpora/reuters21578"); map=(); else inputs=("$corpora/allsides-news-2019-2020"); map=(--map "$allsides_map"); fi
  [ -e "${inputs[0]}" ] || { echo "SKIPPED: ${inputs[0]} not found" >&2; continue; }
  "$index" --extract "${map[@]}" "${inputs[@]}" > "$work/$corpus.jsonl"
  docs=$(wc -l < "$work/$corpus.jsonl")
  mb=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['headline'].encode())+len(json.loads(l)['body'].encode()) for l in open(sys.argv[1]))/1e6)" "$work/$corpus.jsonl")
  python3 "$here/to_scriptindex.py" < "$work/$corpus.jsonl" > "$work/$corpus.si"

  read -r s_wall s_rss s_cpu < <(measure scriptindex "$work/si-$corpus" "$here/scriptindex.idx" "$work/$corpus.si")
  s_size=$(du -sm "$work/si-$corpus" | cut -f1)
  read -r m_wall m_rss m_cpu < <(measure "$index" -q --db "$work/m-$corpus" "${map[@]}" "${inputs[@]}")
  m_size=$(du -sm "$work/m-$corpus" | cut -f1)
  read -r u_wall u_rss u_cpu < <(measure "$index" -q --db "$work/m-$corpus" "${map[@]}" "${inputs[@]}")
  # The cost of tagging entities (issue 5 aims at 1.5x at most).
  read -r n_wall n_rss n_cpu < <(measure "$index" -q --no-entities --db "$work/n-$corpus" "${map[@]}" "${inputs[@]}")
  n_size=$(du -sm "$work/n-$corpus" | cut -f1)

  # morgue-index's steps one after the other on the same articles (index-floor), each
  # on one thread a core: how close each step alone comes to the 3x aim (bench/README.md).
  if [ -x "$build/bench/index-floor" ]; then
    mkdir -p "$work/floor-$corpus"
    "$build/bench/index-floor" --work "$work/floor-$corpus" "${map[@]}" "${inputs[@]}" 2>/dev/null |
      awk -v c="$corpus" -v sw="$s_wall" '
        {wall[$1] = $2; cpu[$1] = $3}
        function row(what, w, u) {printf "| %s | %s | %.2f | %.2f | %.2f |\n", c, what, w, u, sw / w}
        END {
          w = wall["write"] + wall["compact"]; u = cpu["write"] + cpu["compact"]
          row("write + compact: libxapian alone, the documents built", w, u)
          w += wall["build"]; u += cpu["build"]
          row("+ build the documents (DocumentBuilder: TermGenerator, stems, stored data)", w, u)
          w += wall["entities"]; u += cpu["entities"]
          row("+ tag entities", w, u)
          w += wall["read"]; u += cpu["read"]
          row("+ read the input: every step, one after the other", w, u)
        }' >> "$work/floor.md"
  fi

  awk -v c="$corpus" -v d="$docs" -v mb="$mb" -v sw="$s_wall" -v sr="$s_rss" -v ss="$s_size" \
      -v mw="$m_wall" -v mr="$m_rss" -v ms="$m_size" -v uw="$u_wall" -v ur="$u_rss" \
      -v nw="$n_wall" -v nr="$n_rss" -v ns="$n_size" \
      -v sc="$s_cpu" -v mc="$m_cpu" -v uc="$u_cpu" -v nc="$n_cpu" 'BEGIN {
    printf "| %s | scriptindex | %d | %.2f | %.2f | %.0f | %.2f | %.0f | %d | 1.00 |\n", c, d, sw, sc, d/sw, mb/sw, sr/1024, ss
    printf "| %s | morgue (new index) | %d | %.2f | %.2f | %.0f | %.2f | %.0f | %d | %.2f |\n", c, d, mw, mc, d/mw, mb/mw, mr/1024, ms, sw/mw
    printf "| %s | morgue (re-run, all unchanged) | %d | %.2f | %.2f | %.0f | %.2f | %.0f | | %.2f |\n", c, d, uw, uc, d/uw, mb/uw, ur/1024, sw/uw
    printf "| %s | morgue --no-entities (new index; with entities: %.2fx its time) | %d | %.2f | %.2f | %.0f | %.2f | %.0f | %d | %.2f |\n", c, mw/nw, d, nw, nc, d/nw, mb/nw, nr/1024, ns, sw/nw
  }'
done

if [ -s "$work/floor.md" ]; then
  echo
  echo "| corpus | morgue-index's steps in turn (index-floor, one thread a core each) | seconds | CPU s | scriptindex's seconds / these |"
  echo "|---|---|---|---|---|"
  cat "$work/floor.md"
fi

# Crawls (issue 4): HTML extraction alone over the article-extraction pages, and WARC
# files end to end into a new index, next to the plain-text rate above.
echo
echo "| input | what | items | seconds | items/s | MB/s of input |"
echo "|---|---|---|---|---|---|"
if [ -x "$build/bench/extraction-bench" ] && [ -d "$corpora/article-extraction" ]; then
  "$build/bench/extraction-bench" | awk '/pages/ {for (i=1;i<=NF;i++) {if ($i=="pages") p=$(i+1); if ($i=="pages/s") r=$(i-1); if ($i=="MB/s") m=$(i-1); if ($i=="F1") f=$(i+1)}}
    END {printf "| article-extraction HTML | extraction only (F1 %s) | %s | %.2f | %s | %s |\n", f, p, p/r, r, m}'
fi
if [ -d "$corpora/warc-samples" ]; then
  warc_mb=$(du -cm "$corpora"/warc-samples/*.warc* | tail -1 | cut -f1)
  read -r w_wall w_rss w_cpu < <(measure "$index" -q --db "$work/warc" "$corpora/warc-samples")
  pages=$("$build/searchd/morgue-search" --db "$work/warc" --json --limit 0 | sed -E 's/.*"total":([0-9]+).*/\1/')
  awk -v p="$pages" -v w="$w_wall" -v mb="$warc_mb" 'BEGIN {printf "| warc-samples (10 files) | WARC -> committed index | %d articles | %.2f | %.0f | %.1f |\n", p, w, p/w, mb/w}'
fi
