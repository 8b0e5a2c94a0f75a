#!/usr/bin/env bash
# Relevance on the classic test collections (Cranfield, CISI, Medline): morgue's own
# reader, index and query path (match=any, the top 1000) against Xapian's defaults and
# Lucene 8's BM25 + EnglishAnalyzer, in the same run, scored with trec_eval's measures.
# Prints a table per collection. Nothing is asserted.
#   bench/relevance.sh [BUILD_DIR]      (MORGUE_CORPORA=../shared/corpora by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
corpora=${MORGUE_CORPORA:-$here/../../shared/corpora}
collections=$corpora/ir-collections
bench=$build/bench/relevance-bench
index=$build/indexer/morgue-index
[ -d "$collections" ] || { echo "SKIPPED: $collections not found (set MORGUE_CORPORA)" >&2; exit 0; }
[ -x "$bench" ] || { echo "relevance.sh: $bench is not built (cmake --build $build --target relevance-bench)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bench" prepare --collections "$collections" --work "$work"
dirs=()
for f in "$work"/*/docs.jsonl; do [ -e "$f" ] && dirs+=("${f%/docs.jsonl}"); done
for dir in "${dirs[@]}"; do
  echo "$(basename "$dir"): morgue-index --map-file $dir/morgue.map $dir/docs.jsonl" >&2
  # Exit status 1: some records were reported and skipped (Cranfield's two empty ones).
  "$index" -q --db "$dir/morgue" --map-file "$dir/morgue.map" "$dir/docs.jsonl" || [ $? -eq 1 ]
done

# Lucene 8 from Debian's liblucene8-java, compiled here (make bench-deps installs it).
lucene_jar() { ls /usr/share/java/lucene-"$1"-8*.jar 2>/dev/null | head -1; }
classpath="$(lucene_jar core):$(lucene_jar analyzers-common):$(lucene_jar queryparser)"
if command -v javac >/dev/null && [ -n "$(lucene_jar core)" ] && [ -n "$(lucene_jar analyzers-common)" ] && [ -n "$(lucene_jar queryparser)" ]; then
  javac -d "$work/classes" -cp "$classpath" "$here/relevance/LuceneBaseline.java"
  for dir in "${dirs[@]}"; do
    java -cp "$work/classes:$classpath" LuceneBaseline "$dir" 5
  done
else
  echo "Lucene baseline SKIPPED: needs javac and liblucene8-java (make bench-deps)" >&2
fi

"$bench" run --collections "$collections" --work "$work"
