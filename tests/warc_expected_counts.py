#!/usr/bin/env python3
"""Expected counts for tests/warc_test.cc, derived without morgue's code.

Standard library only: gzip.decompress() reads every member, a regular expression
finds each "WARC/x.y" line, the header's Content-Length gives the block. For records
that could hold a page: the HTTP status, then the media type, as warc_articles.h says.
Prints one table row per file.  Usage: tests/warc_expected_counts.py DIR
"""
import collections, gzip, os, re, sys

SKIPPED_TYPES = {'warcinfo', 'request', 'metadata', 'conversion', 'continuation'}
HTML = ('text/html', 'application/xhtml+xml')


def records(data):
    pos = 0
    version = re.compile(rb'WARC/\d+\.\d+\r?\n')
    while (m := version.search(data, pos)):
        ends = [(i, n) for i, n in ((data.find(b'\n\n', m.end()), 2), (data.find(b'\n\r\n', m.end()), 3)) if i >= 0]
        end, n = min(ends)
        fields = {}
        for line in data[m.end():end].decode('latin-1').splitlines():
            if ':' in line:
                key, value = line.split(':', 1)
                fields.setdefault(key.strip().lower(), value.strip())
        length = int(fields['content-length'])
        yield fields, data[end + n:end + n + length]
        pos = end + n + length


def sniff(body):
    return re.match(rb'\s*(<!doctype html|<html)', body[:512], re.I) is not None


def outcome(fields, block):
    kind = fields.get('warc-type', '')
    if kind in SKIPPED_TYPES:
        return 'warc-' + kind
    if kind == 'revisit':
        return 'revisit'
    if kind == 'resource':
        media = fields.get('content-type', '').split(';')[0].strip().lower()
        return 'page' if media in HTML or (not media and sniff(block)) else 'not-html'
    if kind != 'response':
        return 'warc-unknown-type'
    if not fields.get('content-type', '').lower().startswith('application/http'):
        return 'not-html'
    head, _, body = block.replace(b'\r\n', b'\n').partition(b'\n\n')
    lines = head.decode('latin-1').split('\n')
    status = int(lines[0].split()[1])
    if status != 200:
        return 'http-3xx' if 300 <= status < 400 else 'http-%d' % status
    media = ''
    for line in lines[1:]:
        if line.lower().startswith('content-type:'):
            media = line.split(':', 1)[1].split(';')[0].strip().lower()
            break
    if media:
        return 'page' if media in HTML else 'not-html'
    return 'page' if sniff(body) else 'not-html'  # (no such record is compressed in the samples)


def main(folder):
    for name in sorted(os.listdir(folder)):
        if not (name.endswith('.warc') or name.endswith('.warc.gz')):
            continue
        raw = open(os.path.join(folder, name), 'rb').read()
        data = gzip.decompress(raw) if name.endswith('.gz') else raw
        types, outcomes = collections.Counter(), collections.Counter()
        for fields, block in records(data):
            types[fields.get('warc-type', '')] += 1
            outcomes[outcome(fields, block)] += 1
        pages = outcomes.pop('page', 0)
        fmt = lambda c: '{' + ', '.join('{"%s", %d}' % kv for kv in sorted(c.items())) + '}'
        print('    {"%s", %s, %d, %s},' % (name, fmt(types), pages, fmt(outcomes)))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/corpora/warc-samples')
