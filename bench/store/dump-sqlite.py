#!/usr/bin/env python3
"""Prints the logical contents of a Rasid SQLite database (documents, mentions, events, sources) without row ids and
timestamps, ordered by stable keys: two databases with the same dump hold the same data. Mirrors StoreTestSupport.Dump."""
import sqlite3, sys

def dump(path):
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    queries = [
        ("SELECT * FROM documents ORDER BY id", []),
        ("SELECT * FROM mentions ORDER BY mention_key", ["id"]),
        ("SELECT * FROM events ORDER BY event_key", ["id", "updated_at"]),
        ("SELECT e.event_key, m.mention_key, es.document_id, es.publisher, es.url, es.fatalities, es.injured, es.captured, es.released "
         "FROM event_sources es JOIN events e ON e.id = es.event_id JOIN mentions m ON m.id = es.mention_id ORDER BY m.mention_key", []),
    ]
    for sql, skip in queries:
        cur = c.execute(sql)
        names = [d[0] for d in cur.description]
        print(sql)
        for row in cur:
            print("\t".join(f"{n}={v!r}" for n, v in zip(names, row) if n not in skip))

if __name__ == "__main__":
    dump(sys.argv[1])
