#!/usr/bin/env python3
"""Turns `morgue-index --extract` JSON lines into scriptindex's input format, so that
Xapian's own indexer gets exactly the text and fields morgue indexes."""
import json
import sys


def field(name, value):
    lines = str(value).replace("\r", "").split("\n")
    out = [f"{name}={lines[0]}"]
    out += [f"={line}" for line in lines[1:]]  # scriptindex continuation lines
    return "\n".join(out)


for line in sys.stdin:
    a = json.loads(line)
    rec = [field("id", a["id"]), field("outlet", a["outlet"]), field("date", a["date"].replace("-", "")),
           field("headline", a["headline"]), field("body", a["body"])]
    if a["url"]:
        rec.append(field("url", a["url"]))
    sys.stdout.write("\n".join(rec) + "\n\n")
