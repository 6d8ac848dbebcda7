#!/usr/bin/env python3
"""Writes N JSON Lines articles to stdout by repeating the given corpus files, each copy with new ids ("c<copy>-<id>").

usage: repeat-corpus.py N CORPUS.jsonl... | rasid extract - > /dev/null
Streamed: nothing is stored on disk; the corpus lines are held once in memory. Each line must start with {"id": "
(as ../shared/eval/corpus/*.jsonl do)."""
import sys

def main():
    total = int(sys.argv[1])
    lines = []
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            lines.extend(l if l.endswith(b"\n") else l + b"\n" for l in f if l.strip())
    prefix = b'{"id": "'
    if not lines or not all(l.startswith(prefix) for l in lines):
        sys.exit('repeat-corpus.py: every line must start with {"id": "')
    out = sys.stdout.buffer
    written, copy = 0, 0
    try:
        while written < total:
            for line in lines:
                if written == total:
                    break
                out.write(prefix + b"c%d-" % copy + line[len(prefix):])
                written += 1
            copy += 1
        out.flush()
    except BrokenPipeError:
        pass

main()
