#!/usr/bin/env python3
"""Builds Rasid's compact gazetteer (data/gazetteer/) from the prepared source folder.

Usage: python3 tools/gazetteer/build.py [SOURCE_DIR]   (default: the workspace gazetteer, shared/data/gazetteer beside the repo root; only this build script reads it)

Reads places.tsv.gz, admin1_iso.tsv and aliases.tsv from SOURCE_DIR and writes:
  data/gazetteer/places.tsv.gz  one row per place (Arabic variants, English name, type, country, population,
                                lat/lon, admin1/admin2/admin3 codes)
  data/gazetteer/admin.tsv      every admin code used: level, country, English and Arabic name, ISO 3166-2 (admin1)
  data/gazetteer/aliases.tsv    the source's rows, then the current file's rows after '# hand-added' (kept)
The hand-written files (countries.tsv, stopwords.txt, cues.tsv, README.md) are not touched.
Standard-library Python 3 only.
"""
import gzip
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, "data", "gazetteer")

DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ې": "ي", "ة": "ه", "ک": "ك",
                      "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه", "\u00A0": " "})
# Generic words that open a name in the sources ("مديرية عتمة"): the recogniser handles them as cue words,
# so variants that start with one are dropped when the bare form is also present.
GENERIC = {"محافظه", "مديريه", "منطقه", "ناحيه", "قضاء", "مركز", "مدينه", "لواء", "بلده", "قريه", "عزله",
           "بلديه", "ولايه", "اقليم", "مقاطعه", "حي", "مخيم", "شعبيه", "امانه"}
# Countries outside the conflict focus whose Arabic village and neighbourhood names (mostly Egyptian عزبة hamlets,
# Gulf and Maghreb neighbourhoods) would only add homonyms of common words: their admin units, cities and towns
# are kept, their villages and neighbourhoods are not (Sinai's are kept).
SMALL_PLACES_DROPPED = {"EG", "SA", "OM", "AE", "QA", "KW", "BH", "MA", "DZ", "TN", "JO"}
SMALL_PLACES_KEPT_ADMIN1 = {"EG.SS", "EG.JS"}
# Source rows with wrong names or admin units, by source id (found with tools/gazetteer/check.py; listed in
# data/gazetteer/README.md). A dict overrides source columns ("+names" appends Arabic variants); None drops the row.
FIXES = {
    "wof:1361025847": {"admin1_code": "SA.NJ", "admin2_code": "SA.NJ.NA"},  # Najran city was filed under Riyadh
    "wof:421168811": {"admin1_code": "PK.IS", "admin2_code": ""},  # Islamabad city was filed under Punjab
    "wof:85675741": {"names_ar": "إقليم العاصمة إسلام آباد|العاصمة إسلام آباد|إسلام آباد|اسلام آباد"},  # had آزاد جمون و كشمير (another unit)
    "wof:101752489": {"admin2_code": ""},  # Kyiv city: admin2 of another unit (UA.KC.PE)
    "wof:101865641": None,  # "Voskresenka" (Kherson) named كييف with Kyiv's population
    "wof:101865745": {"name_ar": "نوفا أوديسا", "names_ar": "نوفا أوديسا", "population": ""},  # Nova Odesa named أوديسا
    "wof:101861243": None,  # "Mykolaiv" in Lviv oblast named لفيف with Lviv's population
    "wof:102088947": None,  # Zolochivskyi (Kharkiv) named لفيف أوبلاست
    "wof:890461975": None,  # Derepazarı (Rize) named طرابزون
    "wof:890440285": None,  # Uyo (Akwa Ibom) named أويو, which is Oyo
    "wof:1108564483": None,  # Uyo admin2, same
    "wof:421169023": {"name_ar": "سكيكدة", "names_ar": "سكيكدة", "name_en": "Skikda"},  # Skikda city named "ولاية سعيدة"
    "wof:1108709413": {"name_ar": "جيلان بينار", "names_ar": "جيلان بينار|جيلانبينار"},  # Ceylanpınar named رأس العين (the Syrian town)
    "wof:890463997": {"name_ar": "جيلان بينار", "names_ar": "جيلان بينار|جيلانبينار"},  # same, the town
    "wof:85679331": {"+names": "هطاي"},  # Hatay province: news spelling
    "wof:890462851": {"+names": "ريحانلي"},  # Reyhanlı district: Turkish-based spelling
    "wof:890463803": {"+names": "ريحانلي"},  # Reyhanlı town
    "wof:890426825": {"population": ""},  # two Yemeni villages named الحديدة that carry a copied population (40,260)
    "wof:890427113": {"population": ""},
    "wof:1310392609": {"feature_type": "town"},  # al-Fu'ah (Idlib), a town (~30,000) filed as a village
    "wof:1343348707": {"feature_type": "town"},  # Kafraya (Idlib), a town filed as a village (كفريا read as ك + فريا)
    "wof:1108805683": None,  # Burkina Faso's Sud-Ouest, named only الجنوب الغربي: read in "جنوب غربي مأرب" before the cue
    "wof:1209190605": {"feature_type": "town"},  # Al Khubah (Jazan), a border town the SA village drop would lose
}
FEATURE_RANK = {"country": 0, "admin1": 1, "city": 2, "admin2": 3, "town": 4, "admin3": 5, "village": 6,
                "neighbourhood": 7, "other": 8}


def norm(s):
    """The same fold as Rasid's ArabicNormalizer.NormalizeKey (diacritics, alef, ya, teh marbuta, spaces)."""
    s = DIACRITICS.sub("", s).translate(FOLD)
    return " ".join(s.replace("-", " ").split())


def variants(row):
    out = []
    seen = set()
    for v in [row["name_ar"]] + row["names_ar"].split("|"):
        n = norm(v)
        if not n or not re.search("[\u0621-\u064A]", n):
            continue
        words = n.split(" ")
        if len(words) > 1 and words[0] in GENERIC:
            continue  # the bare form is in names_ar; the cue word is recognised in text
        key = " ".join(w[2:] if len(w) >= 4 and w.startswith("ال") else w for w in words)
        if key in seen:
            continue
        seen.add(key)
        out.append(n)
    return out


def fix(row, change):
    """Applies one FIXES entry to a source row (a copy); None drops the row."""
    if change is None:
        return None
    row = dict(row)
    for key, value in change.items():
        if key.endswith("_code"):  # a moved row must not name its new unit with the old unit's names
            row[key[:-5] + "_en"] = row[key[:-5] + "_ar"] = ""
        if key == "+names":
            row["names_ar"] = row["names_ar"] + "|" + value
        else:
            row[key] = value
    return row


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared", "data", "gazetteer")
    src = os.path.abspath(src)
    if not os.path.exists(os.path.join(src, "places.tsv.gz")):
        sys.exit("build.py: no places.tsv.gz in %s; pass the gazetteer source folder as the first argument" % src)
    os.makedirs(OUT, exist_ok=True)

    iso = {}
    with open(os.path.join(src, "admin1_iso.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            iso.setdefault(r["pcode"], r["iso3166_2"])

    admin = {}  # code -> (level, country, en, ar, iso)
    rows_out = []
    dropped = 0
    fixed = 0
    with gzip.open(os.path.join(src, "places.tsv.gz"), "rt", encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r["id"] in FIXES:
                r = fix(r, FIXES[r["id"]])
                fixed += 1
                if r is None:
                    continue
            names = variants(r)
            if not names:
                continue
            if (r["feature_type"] in ("village", "neighbourhood") and r["country"] in SMALL_PLACES_DROPPED
                    and r["admin1_code"] not in SMALL_PLACES_KEPT_ADMIN1):
                dropped += 1
                continue
            for lvl in ("admin1", "admin2", "admin3"):
                code = r[lvl + "_code"]
                if code and (code not in admin or not admin[code][2]):
                    admin[code] = (lvl, r["country"], r[lvl + "_en"], r[lvl + "_ar"],
                                   iso.get(code, "") if lvl == "admin1" else iso.get(code, ""))
            lat = "%.4f" % float(r["lat"]) if r["lat"] else ""
            lon = "%.4f" % float(r["lon"]) if r["lon"] else ""
            rows_out.append((r["country"], FEATURE_RANK.get(r["feature_type"], 9), r["name_en"], "|".join(names),
                             r["feature_type"], r["population"], lat, lon,
                             r["admin1_code"], r["admin2_code"], r["admin3_code"]))

    rows_out.sort()
    path = os.path.join(OUT, "places.tsv.gz")
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as gz:
        gz.write("names_ar\tname_en\tfeature_type\tcountry\tpopulation\tlat\tlon\tadmin1\tadmin2\tadmin3\n".encode("utf-8"))
        for (country, _, en, names, ftype, pop, lat, lon, a1, a2, a3) in rows_out:
            gz.write(("\t".join([names, en, ftype, country, pop, lat, lon, a1, a2, a3]) + "\n").encode("utf-8"))

    with open(os.path.join(OUT, "admin.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Admin units used by places.tsv.gz (built by tools/gazetteer/build.py; do not edit by hand).\n")
        f.write("code\tlevel\tcountry\tname_en\tname_ar\tiso3166_2\n")
        for code in sorted(admin):
            lvl, c, en, ar, i = admin[code]
            f.write("\t".join([code, lvl, c, en, ar, i]) + "\n")

    # aliases.tsv: the source's rows, then the rows after '# hand-added' in the current file (kept across builds).
    out_aliases = os.path.join(OUT, "aliases.tsv")
    hand = []
    if os.path.exists(out_aliases):
        lines = open(out_aliases, encoding="utf-8").read().split("\n")
        if "# hand-added" in lines:
            hand = [line for line in lines[lines.index("# hand-added") + 1:] if line.strip()]
    with open(os.path.join(src, "aliases.tsv"), encoding="utf-8") as f:
        source = f.read().rstrip("\n")
    with open(out_aliases, "w", encoding="utf-8", newline="\n") as f:
        f.write(source + "\n# hand-added\n" + "".join(line + "\n" for line in hand))
    print("places: %d rows (%d small places dropped, %d rows fixed or dropped by FIXES), %d admin codes, %.2f MB gz"
          % (len(rows_out), dropped, fixed, len(admin), os.path.getsize(path) / 1e6))


if __name__ == "__main__":
    main()
