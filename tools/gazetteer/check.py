#!/usr/bin/env python3
"""Consistency check of the built gazetteer (data/gazetteer/places.tsv.gz + admin.tsv). Prints suspect rows; exit 0.

Usage: python3 tools/gazetteer/check.py [--min-pop N]     (N: "big city" threshold, default 500000)

Lists
  same-name   cities, towns and admin2/admin3 units whose Arabic name is the Arabic name of an admin1 of the same country but which are filed
              under another admin1 (نجران under Riyadh);
  big-admin   cities of N+ people whose admin1 looks wrong: their admin2 code (HASC) belongs to another admin1, or
              they are nearer another admin1's centre than their own and far (200+ km) from their own;
  big-dup     two cities of N+ people in one country that share an Arabic name (one is usually a small town that
              inherited the big city's name and population).
Review the output and fix real errors with build.py's FIXES table; it reads only data/gazetteer/.
Standard-library Python 3 only.
"""
import gzip
import math
import os
import sys
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(REPO, "data", "gazetteer")


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def main():
    min_pop = int(sys.argv[sys.argv.index("--min-pop") + 1]) if "--min-pop" in sys.argv else 500000
    with gzip.open(os.path.join(DATA, "places.tsv.gz"), "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f]
    for r in rows:
        r["names"] = r["names_ar"].split("|")
        r["pop"] = int(r["population"] or 0)
        r["pt"] = (float(r["lat"] or 0), float(r["lon"] or 0))
    admin1 = [r for r in rows if r["feature_type"] == "admin1"]
    by_code = {r["admin1"]: r for r in admin1}
    settlements = [r for r in rows if r["feature_type"] in ("city", "town")]
    named = [r for r in rows if r["feature_type"] in ("city", "town", "admin2", "admin3")]

    def show(tag, r, why):
        print("%s\t%s\t%s\t%s\t%s\tpop=%s\t%s,%s\t%s/%s\t%s" % (tag, r["country"], r["names"][0], r["name_en"],
              r["feature_type"], r["population"], r["lat"], r["lon"], r["admin1"], r["admin2"], why))

    # same-name: a city named like an admin1 of its country but filed elsewhere
    a1_by_name = defaultdict(list)
    for a in admin1:
        for n in a["names"]:
            a1_by_name[(a["country"], n)].append(a)
    for r in named:
        for n in r["names"]:
            units = a1_by_name.get((r["country"], n), [])
            if units and all(u["admin1"] != r["admin1"] for u in units):
                own = by_code.get(r["admin1"])
                show("same-name", r, "named like admin1 %s (%s); filed under %s (%s), %d km from it"
                     % (units[0]["admin1"], units[0]["name_en"], r["admin1"], own["name_en"] if own else "?",
                        km(r["pt"], units[0]["pt"])))
                break

    # big-admin: admin2 of another admin1, or far from its own admin1 and nearer another
    for r in settlements:
        if r["pop"] < min_pop or not r["admin1"]:
            continue
        why = []
        a2 = r["admin2"]
        if "." in a2 and "." in r["admin1"] and not a2.startswith(r["admin1"] + "."):
            why.append("admin2 %s is not inside admin1 %s" % (a2, r["admin1"]))
        own = by_code.get(r["admin1"])
        others = [a for a in admin1 if a["country"] == r["country"] and a["admin1"] != r["admin1"] and a["lat"]]
        if own and own["lat"] and others:
            near = min(others, key=lambda a: km(r["pt"], a["pt"]))
            d_own, d_near = km(r["pt"], own["pt"]), km(r["pt"], near["pt"])
            if d_own > 200 and d_near < d_own:
                why.append("%d km from own admin1 %s, %d km from %s (%s)"
                           % (d_own, own["name_en"], d_near, near["admin1"], near["name_en"]))
        if why:
            show("big-admin", r, "; ".join(why))

    # big-dup: two big cities of one country sharing a name
    seen = defaultdict(list)
    for r in settlements:
        if r["pop"] >= min_pop:
            for n in r["names"]:
                seen[(r["country"], n)].append(r)
    shown = set()
    for (c, n), rs in sorted(seen.items()):
        if len(rs) > 1:
            for r in rs:
                if id(r) not in shown:
                    shown.add(id(r))
                    show("big-dup", r, "shares the name %s with %d other big cities" % (n, len(rs) - 1))


if __name__ == "__main__":
    main()
