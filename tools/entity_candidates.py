#!/usr/bin/env python3
"""Candidates for the entity alias table, and its checker (docs/entities.md).

Candidates: runs the tagger (morgue-ner-eval --text) over the news corpora and prints,
per corpus and type, the most frequent mentions, grouping the variants that differ only
by case, periods, diacritics, a leading "the" or, for people, a title ("President Putin"
= "Putin").
With --table it says which table row each group already resolves to; for Reuters-21578
it also lists, per PEOPLE / ORGS / PLACES code, the mentions most typical of the
stories that carry the code, which is where a code's canonical name and aliases come from.

    python3 tools/entity_candidates.py --eval build/tools/morgue-ner-eval \\
        --corpora ../shared/corpora --work /tmp/entity-work --table common/entities/aliases.tsv

Extracted text and the tagger's output are cached in --work (never inside the repository;
delete it or pass --retag to tag again).

Check: validates the table (columns, types, duplicate names and aliases, every Reuters
code exactly once) and exits 1 on any problem.

    python3 tools/entity_candidates.py --check common/entities/aliases.tsv --corpora ../shared/corpora

Python 3 standard library only.
"""
import argparse
import collections
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

TYPES = {"person": "PER", "organization": "ORG", "place": "LOC", "other": "MISC"}
REUTERS_LISTS = {"PEOPLE": "all-people-strings.lc.txt", "ORGS": "all-orgs-strings.lc.txt",
                 "PLACES": "all-places-strings.lc.txt"}
REUTERS_TYPE = {"PEOPLE": "PER", "ORGS": "ORG", "PLACES": "LOC"}

# Titles before a person's name, which the matching code strips; here they only group
# candidates ("President Vladimir Putin" with "Vladimir Putin").
TITLES = [
    "president", "vice president", "president-elect", "prime minister", "deputy prime minister",
    "foreign minister", "finance minister", "defense minister", "defence minister", "minister",
    "chancellor", "secretary", "secretary of state", "secretary-general", "secretary general",
    "treasury secretary", "senator", "sen", "rep", "representative", "gov", "governor",
    "mayor", "speaker", "house speaker", "chairman", "chairwoman", "chair", "leader",
    "mr", "mrs", "ms", "dr", "gen", "general", "judge", "justice", "ambassador",
    "former president", "former vice president", "king", "queen", "prince", "crown prince",
    "pope", "sheikh", "ayatollah", "lt", "col", "adm", "sir", "attorney general", "ag",
]
_TITLE_RE = re.compile(r"^(?:(?:%s)\s+)+" % "|".join(
    re.escape(t) for t in sorted(TITLES, key=len, reverse=True)))


def normalise(name):
    """The table's matching key: case-folded, periods and diacritics dropped, a leading
    "the " removed, white space collapsed."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.casefold().replace(".", "")
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def group_key(name, etype):
    """normalise() plus a possessive and, for people, titles dropped: the candidate
    grouping ("General Motors" keeps its "General")."""
    s = normalise(name).replace("\u2019", "'")
    if s.endswith("'s"):
        s = s[:-2]
    if etype != "PER":
        return s
    return _TITLE_RE.sub("", s) or s


# ---------------------------------------------------------------- the table

def _split_list(column):
    return column.split("|") if column else []


def read_table(path):
    """Rows (line number, canonical, type, aliases, codes) and format problems."""
    rows, problems = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            where = "%s:%d" % (path, n)
            if unicodedata.normalize("NFC", line) != line:
                problems.append("%s: not in Unicode NFC (composed) form" % where)
            if not 2 <= len(cols) <= 4:
                problems.append("%s: %d columns, want 2 to 4 (TAB-separated)" % (where, len(cols)))
                continue
            cols += [""] * (4 - len(cols))
            canonical, etype, aliases, codes = cols
            if not canonical.strip() or canonical != canonical.strip():
                problems.append("%s: empty canonical name or white space around it" % where)
            if etype not in TYPES:
                problems.append("%s: type %r is not one of %s" % (where, etype, ", ".join(TYPES)))
            alias_list, code_list = _split_list(aliases), _split_list(codes)
            for a in alias_list + code_list:
                if not a.strip() or a != a.strip():
                    problems.append("%s: empty alias or code, or white space around one: %r" % (where, a))
            rows.append((n, canonical, etype, alias_list, code_list))
    return rows, problems


def reuters_codes(reuters_dir):
    codes = {}
    for kind, name in REUTERS_LISTS.items():
        with open(os.path.join(reuters_dir, name), encoding="latin-1") as f:
            codes[kind] = [line.strip() for line in f if line.strip()]
    return codes


def check_table(path, reuters_dir):
    rows, problems = read_table(path)
    names = {}  # (normalised name, type) -> (line, canonical)
    for n, canonical, etype, aliases, _ in rows:
        key = (normalise(canonical), etype)
        if key in names:
            problems.append("%s:%d: %s (%s) duplicates line %d" % (path, n, canonical, etype, names[key][0]))
        else:
            names[key] = (n, canonical)
    seen = {}  # (normalised alias or name, type) -> line
    for n, canonical, etype, aliases, _ in rows:
        own = normalise(canonical)
        for a in aliases:
            key = (normalise(a), etype)
            if key[0] == own:
                problems.append("%s:%d: alias %r only differs from %r by case, periods, diacritics or "
                                "'the'; matching does that, drop it" % (path, n, a, canonical))
                continue
            if key in names and names[key][0] != n:
                problems.append("%s:%d: alias %r is the canonical name of line %d (%s)"
                                % (path, n, a, names[key][0], etype))
            if key in seen and seen[key] != n:
                problems.append("%s:%d: alias %r also belongs to line %d (%s)" % (path, n, a, seen[key], etype))
            elif key in seen:
                problems.append("%s:%d: alias %r listed twice (after normalising)" % (path, n, a))
            seen[key] = n
    where_code = collections.defaultdict(list)
    for n, canonical, etype, _, codes in rows:
        for c in codes:
            where_code[c].append(n)
    all_codes = reuters_codes(reuters_dir)
    listed = set()
    counts = {}
    for kind, codes in all_codes.items():
        counts[kind] = len(codes)
        for c in codes:
            listed.add(c)
            lines = where_code.get(c, [])
            if len(lines) != 1:
                problems.append("Reuters %s code %r: on %s" % (
                    kind, c, "no line" if not lines else "lines " + ", ".join(map(str, lines))))
    for c, lines in where_code.items():
        if c not in listed:
            problems.append("%s:%d: %r is not a Reuters PEOPLE, ORGS or PLACES code" % (path, lines[0], c))
    by_type = collections.Counter(r[2] for r in rows)
    summary = "%s: %d entities (%s), %d aliases, %s Reuters codes" % (
        path, len(rows), ", ".join("%s %d" % (t, by_type[t]) for t in TYPES),
        sum(len(r[3]) for r in rows),
        " + ".join("%d %s" % (counts[k], k.lower()) for k in REUTERS_LISTS))
    return summary, problems


def table_index(path):
    """(normalised name or alias, tagger type) -> canonical, for marking candidates."""
    rows, _ = read_table(path)
    index = {}
    for _, canonical, etype, aliases, _ in rows:
        t = TYPES.get(etype, "MISC")
        for name in [canonical] + aliases:
            index.setdefault((normalise(name), t), canonical)
            index.setdefault((group_key(name, t), t), canonical)
    return index


# ---------------------------------------------------------------- corpora as text

def allsides_docs(root):
    for path in sorted(glob.glob(os.path.join(root, "allsides-news-2019-2020", "articles-*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                record = json.loads(line)
                text = record.get("content_original") or ""
                if text.strip():
                    yield "%s:%d" % (os.path.basename(path), n), text, {}


def demo_docs(corpus_dir):
    for path in sorted(glob.glob(os.path.join(corpus_dir, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield os.path.basename(path), f.read(), {}


def _unwrap_reuters(body):
    # Reuters hard-wraps lines at ~65 columns; a paragraph starts with 4 spaces. Joining
    # the lines keeps names that were wrapped ("James\nBaker") in one sentence.
    body = re.sub(r"\n(?=    )", "\n\n", body)
    body = re.sub(r"(?<!\n)\n(?!\n)", " ", body)
    return re.sub(r"[ \t]+", " ", body)


def reuters_docs(reuters_dir):
    story = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
    for path in sorted(glob.glob(os.path.join(reuters_dir, "reut2-*.sgm"))):
        with open(path, encoding="latin-1") as f:
            data = f.read()
        for m in story.finditer(data):
            newid, body = m.group(1), m.group(2)
            labels = {}
            for kind in REUTERS_LISTS:
                block = re.search(r"<%s>(.*?)</%s>" % (kind, kind), body, re.S)
                labels[kind] = re.findall(r"<D>(.*?)</D>", block.group(1)) if block else []
            title = re.search(r"<TITLE>(.*?)</TITLE>", body, re.S)
            text = re.search(r"<BODY>(.*?)</BODY>", body, re.S)
            if not text:  # BRIEF and UNPROC stories: the text without tags
                text = re.search(r"<TEXT[^>]*>(.*?)</TEXT>", body, re.S)
            parts = [html.unescape(title.group(1)) if title else "",
                     _unwrap_reuters(html.unescape(re.sub(r"<[^>]+>", "", text.group(1)))) if text else ""]
            parts = [re.sub(r"[\x00-\x08\x0b-\x1f]", "", p) for p in parts]
            yield "reut-%s" % newid, "\n\n".join(p for p in parts if p.strip()), labels


# ---------------------------------------------------------------- tagging

_MENTION = re.compile(rb"^(\d+)\t(\d+)\t(PER|ORG|LOC|MISC)\t")


def tag_corpus(name, docs, args):
    """Writes each document to --work/NAME/, tags them in batches, returns
    {doc id: [(type, text)]} and {doc id: labels}; cached as NAME.mentions.jsonl."""
    cache = os.path.join(args.work, name + ".mentions.jsonl")
    if os.path.exists(cache) and not args.retag:
        mentions, labels = {}, {}
        with open(cache, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                mentions[r["id"]] = [tuple(m) for m in r["mentions"]]
                labels[r["id"]] = r["labels"]
        return mentions, labels
    folder = os.path.join(args.work, name)
    os.makedirs(folder, exist_ok=True)
    order, labels, contents = [], {}, {}
    for n, (doc_id, text, doc_labels) in enumerate(docs):
        path = os.path.join(folder, "%06d.txt" % n)
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        order.append((doc_id, path))
        labels[doc_id] = doc_labels
        contents[path] = data
    mentions = {doc_id: [] for doc_id, _ in order}
    for start in range(0, len(order), args.batch):
        batch = order[start:start + args.batch]
        out = subprocess.run([args.eval, "--model", args.model, "--text"] + [p for _, p in batch],
                             check=True, stdout=subprocess.PIPE).stdout
        # One line per mention (begin, end, type, text); a mention's text may hold a
        # newline, so a line that does not start like a mention continues the one before.
        spans = []
        for line in out.split(b"\n")[:-1]:  # every line ends with a newline
            m = _MENTION.match(line)
            if m:
                spans.append([int(m.group(1)), int(m.group(2)), m.group(3).decode(), line[m.end():]])
            elif spans:
                spans[-1][3] += b"\n" + line
        # The output does not say which file a mention comes from: it belongs to the current
        # file while its offsets go forward and its text is the file's bytes at those offsets.
        k, last = 0, -1
        for begin, end, etype, raw in spans:
            while k < len(batch):
                data = contents[batch[k][1]]
                if begin >= last and data[begin:end] == raw:
                    text = raw.decode("utf-8", "replace")
                    mentions[batch[k][0]].append((etype, re.sub(r"\s+", " ", text)))
                    last = begin
                    break
                k, last = k + 1, -1
            else:
                raise SystemExit("%s: could not place the tagger's mention at %d-%d" % (name, begin, end))
        print("%s: tagged %d of %d documents" % (name, min(start + args.batch, len(order)), len(order)),
              file=sys.stderr)
    with open(cache, "w", encoding="utf-8") as f:
        for doc_id, _ in order:
            f.write(json.dumps({"id": doc_id, "mentions": mentions[doc_id], "labels": labels[doc_id]}) + "\n")
    return mentions, labels


# ---------------------------------------------------------------- reports

def groups(mentions):
    """{(type, key): [count, docs, Counter of variants]}"""
    g = {}
    for doc in mentions.values():
        seen = set()
        for etype, text in doc:
            key = (etype, group_key(text, etype))
            if not key[1]:
                continue
            entry = g.setdefault(key, [0, 0, collections.Counter()])
            entry[0] += 1
            entry[2][text] += 1
            if key not in seen:
                entry[1] += 1
                seen.add(key)
    return g


def print_top(name, mentions, args, index):
    g = groups(mentions)
    print("## %s: %d documents, %d mentions" % (name, len(mentions), sum(len(d) for d in mentions.values())))
    for etype in args.types:
        top = sorted(((v[0], v[1], k[1], v[2]) for k, v in g.items() if k[0] == etype), key=lambda x: (-x[0], x[2]))
        print("\n### %s %s (top %d of %d)" % (name, etype, min(args.top, len(top)), len(top)))
        print("count\tdocs\tin table\tvariants")
        for count, docs, key, variants in top[:args.top]:
            mark = index.get((key, etype), "-") if index is not None else ""
            shown = "|".join("%s %d" % (v, c) for v, c in variants.most_common(6))
            print("%d\t%d\t%s\t%s" % (count, docs, mark, shown))
    print()


def print_reuters_codes(mentions, labels, args, index):
    """Per code, the mentions of its type most typical of the stories that carry it:
    count in those stories x the share of all its occurrences that are in them."""
    total = collections.Counter()
    for doc in mentions.values():
        for etype, text in doc:
            total[(etype, group_key(text, etype))] += 1
    print("## reuters21578: mentions typical of the stories carrying each code")
    for kind, etype in REUTERS_TYPE.items():
        by_code = collections.defaultdict(collections.Counter)
        variants = collections.defaultdict(collections.Counter)
        stories = collections.Counter()
        for doc_id, doc_labels in labels.items():
            for code in doc_labels.get(kind, []):
                stories[code] += 1
                for t, text in mentions[doc_id]:
                    if t == etype:
                        key = group_key(text, t)
                        by_code[code][key] += 1
                        variants[key][text] += 1
        print("\n### %s (%s)" % (kind, etype))
        print("code\tstories\tin table\tcandidates (count in its stories / all)")
        for code in reuters_codes(args.reuters)[kind]:
            scored = sorted(by_code[code].items(),
                            key=lambda kv: (-kv[1] * kv[1] / total[(etype, kv[0])], kv[0]))[:args.per_code]
            shown = "; ".join("%s %d/%d" % ("|".join(v for v, _ in variants[k].most_common(3)), c,
                                             total[(etype, k)]) for k, c in scored)
            mark = ""
            if index is not None:
                mark = index.get(("code:" + code), "-")
            print("%s\t%d\t%s\t%s" % (code, stories[code], mark, shown))
    print()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", metavar="TABLE", help="validate an alias table and exit")
    p.add_argument("--corpora", default=os.path.join(repo, "..", "shared", "corpora"),
                   help="the folder holding reuters21578/ and allsides-news-2019-2020/")
    p.add_argument("--demo", default=os.path.join(repo, "corpus"), help="the demo corpus (*.txt)")
    p.add_argument("--eval", default=os.path.join(repo, "build", "tools", "morgue-ner-eval"),
                   help="the morgue-ner-eval binary")
    p.add_argument("--model", default=os.path.join(repo, "models", "ner-en.model"))
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "morgue-entity-candidates"),
                   help="scratch folder for the extracted text and the tags (outside the repository)")
    p.add_argument("--retag", action="store_true", help="ignore the cached tagger output")
    p.add_argument("--batch", type=int, default=1000, help="files per morgue-ner-eval run")
    p.add_argument("--top", type=int, default=300, help="groups printed per corpus and type")
    p.add_argument("--per-code", type=int, default=4, help="candidates printed per Reuters code")
    p.add_argument("--types", nargs="+", default=["PER", "ORG", "LOC"], choices=list(TYPES.values()))
    p.add_argument("--only", nargs="+", default=["allsides", "demo", "reuters"],
                   choices=["allsides", "demo", "reuters"], help="corpora to report")
    p.add_argument("--table", help="mark the groups the table already resolves")
    args = p.parse_args()
    args.reuters = os.path.join(args.corpora, "reuters21578")

    if args.check:
        summary, problems = check_table(args.check, args.reuters)
        for problem in problems:
            print(problem)
        print("%s: %s" % (summary, "%d problems" % len(problems) if problems else "OK"))
        return 1 if problems else 0

    index = None
    if args.table:
        index = table_index(args.table)
        for _, canonical, _, _, codes in read_table(args.table)[0]:
            for c in codes:
                index["code:" + c] = canonical
    os.makedirs(args.work, exist_ok=True)
    sources = {"allsides": lambda: allsides_docs(args.corpora), "demo": lambda: demo_docs(args.demo),
               "reuters": lambda: reuters_docs(args.reuters)}
    for name in args.only:
        mentions, labels = tag_corpus(name, sources[name](), args)
        print_top(name, mentions, args, index)
        if name == "reuters":
            print_reuters_codes(mentions, labels, args, index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
