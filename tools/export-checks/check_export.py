#!/usr/bin/env python3
"""Five checks of an ACLED CSV export against the store it came from (issue 12).

usage: check_export.py --csv EXPORT.csv --db STORE.db [--data DATA_DIR] [--examples N]

EXPORT.csv is `rasid export --db STORE.db --format acled-csv` (or acled-csv-extended); STORE.db the SQLite store
the export was written from (for the evidence sentences, the document texts and publication dates). The figures:

1. no actor1 although the text names a perpetrator: rows with an empty actor1 where the evidence sentence of one of
   the event's reports, or the sentence before it, contains an alias (also given: in the evidence sentence itself) of an armed actor of data/actors (inter 1-4 or
   8, generic entries such as "مسلحون" or "الجيش" included) other than the row's actor2. Aliases are compared after
   the schema's normalisation, with proclitics (و ف ب ل ك لل) and the article stripped and the plural/nisba endings
   of data/actors/variants.tsv; context markers (~, @CC, =) are ignored, so the figure is an upper bound.
2. actor1 = actor2: rows where both are set and equal.
3. Arabic-script location: rows whose `location` contains an Arabic letter.
4. XXX ids: rows whose event_id_cnty starts with XXX.
5. old and unbacked dates: events dated more than 30 days before the earliest publication date of their reports
   where no report's evidence sentence contains an explicit date: its date_text lies inside the evidence and names a
   month (a month name of either calendar, "الشهر الماضي", or a numeric date such as 19/6/1436); a bare year, a
   weekday or "أمس" is not explicit.

Exit code 0; the figures go to stdout, one per line, then up to N examples of each failing class.
"""
import argparse
import csv
import datetime as dt
import json
import os
import re
import sqlite3
import sys

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+|[0-9\u0660-\u0669]+|[^\W\d_]+")  # letters and digits apart ("يوليو2013")
SENTENCE_END = re.compile(r"[.!?؟\n]")
PROCLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
PLURAL = ("ون", "ين", "ان", "و", "ي", "ا")
NISBA = ("ه", "ون", "ين", "ان", "ا")  # after normalisation ـية is ـيه


def normalise(word):
    w = DIACRITICS.sub("", word)
    w = re.sub("[أإآٱ]", "ا", w).replace("ى", "ي").replace("ة", "ه")
    return w


def drop_article(w):
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def forms(word):
    """A text word and what it may be without its proclitics and article."""
    w = normalise(word)
    out = {drop_article(w)}
    for p in PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            out.add(drop_article(w[len(p):]))
    return out


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if not l.startswith("#") and l.strip()]
    if not lines:
        return []
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def load_aliases(data):
    """alias word tuple -> set of actor names (English, {country} left in) of armed actors."""
    actors_dir = os.path.join(data, "actors")
    plural, nisba = set(), set()
    for row in read_tsv(os.path.join(actors_dir, "variants.tsv")):
        target = plural if row.get("kind") == "plural" else nisba if row.get("kind") == "nisba" else None
        if target is not None:
            target.update(drop_article(normalise(f)) for f in row["forms"].split("|"))
    aliases = {}
    for name in sorted(os.listdir(actors_dir)):
        if not name.endswith(".tsv") or name in ("variants.tsv", "stop_phrases.tsv", "countries.tsv"):
            continue
        for row in read_tsv(os.path.join(actors_dir, name)):
            if row.get("inter", "").strip() not in ("1", "2", "3", "4", "8"):
                continue
            for alias in row.get("aliases", "").split("|"):
                alias = alias.split("@")[0].lstrip("~=")
                if not alias:
                    continue
                words = tuple(drop_article(normalise(w)) for w in alias.split())
                variants = [words]
                last = words[-1]
                if last in plural:
                    variants += [words[:-1] + (last + s,) for s in PLURAL]
                if last in nisba:
                    variants += [words[:-1] + (last + s,) for s in NISBA]
                for v in variants:
                    aliases.setdefault(v, set()).add(row["name"])
    return aliases


def names_armed_actor(text, aliases, exclude):
    words = [forms(w) for w in WORD.findall(text)]
    first_words = {}
    for key in aliases:
        first_words.setdefault(key[0], []).append(key)
    for i, fs in enumerate(words):
        for f in fs:
            for key in first_words.get(f, ()):
                if i + len(key) <= len(words) and all(key[j] in words[i + j] for j in range(1, len(key))):
                    names = aliases[key]
                    if not any(same_actor(n, exclude) for n in names):
                        return " ".join(key)
    return None


def same_actor(template, name):
    if not name:
        return False
    if "{country}" not in template:
        return template == name
    prefix = template.split("{country}")[0]
    return name.startswith(prefix)


def previous_sentence(text, start):
    head = text[:start].rstrip()
    if not head:
        return ""
    ends = [m.start() for m in SENTENCE_END.finditer(head[:-1])]
    return head[(ends[-1] + 1) if ends else 0:]


def load_months(data):
    return {" ".join(drop_article(normalise(w)) for w in r["name"].split()) for r in read_tsv(os.path.join(data, "calendar", "months.tsv"))}


def explicit_date(date_text, months):
    """A date that names its month: a month name of either calendar ("29 مايو", "مارس الماضي", "11 ربيع الآخر 1428هـ")
    the month before publication ("الشهر الماضي") or a numeric date ("19/6/1436"); a bare year, a weekday or "أمس" is
    not explicit."""
    if not date_text:
        return False
    digits = date_text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    if re.search(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{1,2}-\d{1,2}", digits):
        return True
    words = " " + " ".join(drop_article(normalise(w)) for w in WORD.findall(date_text)) + " "
    return any(" " + m + " " in words for m in months) or " شهر " in words


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--csv", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "data"))
    ap.add_argument("--examples", type=int, default=0)
    args = ap.parse_args()

    aliases = load_aliases(args.data)
    months = load_months(args.data)
    with open(args.csv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    db = sqlite3.connect(args.db)
    reports = {}
    for event_id, text, start, end, published, record in db.execute(
            "SELECT e.event_id_cnty, d.text, m.evidence_start, m.evidence_end, d.published, m.record_json "
            "FROM events e JOIN event_sources s ON s.event_id = e.id JOIN mentions m ON m.id = s.mention_id "
            "JOIN documents d ON d.id = m.document_id"):
        reports.setdefault(event_id, []).append((text, start, end, published, json.loads(record)))

    failures = {k: [] for k in ("no_actor1_named", "no_actor1_named_in_evidence", "no_actor1", "same_actors", "arabic_location", "xxx_id", "old_unbacked", "old")}
    for row in rows:
        rid = row["event_id_cnty"]
        reps = reports.get(rid, [])
        if not row["actor1"]:
            failures["no_actor1"].append(rid)
            for text, start, end, _, _ in reps:
                hit = names_armed_actor(previous_sentence(text, start) + " \n " + text[start:end], aliases, row["actor2"])
                if hit:
                    failures["no_actor1_named"].append(f"{rid}: «{hit}» in «{text[start:end][:160]}»")
                    break
            if any(names_armed_actor(text[start:end], aliases, row["actor2"]) for text, start, end, _, _ in reps):
                failures["no_actor1_named_in_evidence"].append(rid)
        if row["actor1"] and row["actor1"] == row["actor2"]:
            failures["same_actors"].append(f"{rid}: {row['actor1']}")
        if ARABIC.search(row["location"]):
            failures["arabic_location"].append(f"{rid}: {row['location']} ({row['country']})")
        if rid.startswith("XXX"):
            failures["xxx_id"].append(f"{rid}: {row['country']}")
        published = [dt.date.fromisoformat(p[:10]) for *_, p, _ in reps if p]
        if row["event_date"] and published:
            date = dt.date.fromisoformat(row["event_date"])
            if (min(published) - date).days > 30:
                failures["old"].append(rid)
                backed = any(r.get("date_text") and r["date_text"] in text[start:end] and explicit_date(r["date_text"], months)
                             for text, start, end, _, r in reps)
                if not backed:
                    texts = "; ".join(f"{r.get('date_text')!r} in «{text[start:end][:120]}»" for text, start, end, _, r in reps)
                    failures["old_unbacked"].append(f"{rid}: {row['event_date']} vs published {min(published)}: {texts}")

    n = len(rows)
    pct = lambda k: f"{len(failures[k])} ({100.0 * len(failures[k]) / n:.1f}%)" if n else "0"
    print(f"rows: {n}")
    print(f"1 no actor1 although the evidence sentence or the one before names an armed actor: {pct('no_actor1_named')}  "
          f"[named in the evidence sentence itself: {pct('no_actor1_named_in_evidence')}; no actor1 at all: {pct('no_actor1')}]")
    print(f"2 actor1 = actor2: {len(failures['same_actors'])}")
    print(f"3 Arabic-script location: {len(failures['arabic_location'])}")
    print(f"4 XXX ids: {len(failures['xxx_id'])}")
    print(f"5 dated > 30 days before the article without an explicit date in the evidence: {len(failures['old_unbacked'])}  [dated > 30 days before: {len(failures['old'])}]")
    if args.examples:
        for k in ("no_actor1_named", "same_actors", "arabic_location", "xxx_id", "old_unbacked"):
            for line in failures[k][:args.examples]:
                print(f"  {k}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
