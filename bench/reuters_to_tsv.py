#!/usr/bin/env python3
"""Reuters-21578 SGML -> TSV for Sphinx's tsvpipe (bench/http_speed.sh): one story a line,
NEWID, title, dateline + body, date as YYYYMMDD. Tabs and line breaks become spaces; the
body keeps the text morgue indexes, so both engines search the same words."""
import html
import re
import sys
from pathlib import Path

MONTHS = {m: i + 1 for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def field(story, tag):
    m = re.search(rf"<{tag}>(.*?)</{tag}>", story, re.S)
    return html.unescape(m.group(1)) if m else ""


def flat(text):
    return re.sub(r"\s+", " ", text.replace("\x03", " ")).strip()


def main(corpus):
    for path in sorted(Path(corpus).glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        for story in re.findall(r"<REUTERS.*?</REUTERS>", text, re.S):
            newid = re.search(r'NEWID="(\d+)"', story).group(1)
            d = re.match(r"\s*(\d+)-([A-Z]+)-(\d{4})", field(story, "DATE"))
            date = f"{d.group(3)}{MONTHS.get(d.group(2), 1):02d}{int(d.group(1)):02d}" if d else "0"
            body = flat(field(story, "DATELINE") + " " + field(story, "BODY"))
            print(f"{newid}\t{flat(field(story, 'TITLE'))}\t{body}\t{date}")


if __name__ == "__main__":
    main(sys.argv[1])
