#!/usr/bin/env python3
"""Regenerates data/gazetteer/stopwords.txt: gazetteer names that are mostly ordinary words.

Usage: python3 tools/gazetteer/stopwords.py CORPUS.jsonl [...] > /tmp/stop.txt
Counts how often each single-word gazetteer name (district level or smaller, exact normalised form) occurs in a
news corpus (JSON Lines with title/text); names seen 25+ times are ordinary words far more often than places,
except for the real places in WHITE. Hand-picked words (EXTRA, and the lines after '# hand-added' in the current
stopwords.txt) are kept. Only gazetteer names and hand-picked words are written; no corpus text.
"""
import collections
import glob
import gzip
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import norm, OUT  # noqa: E402
RANK={"country":0,"admin1":1,"city":2,"admin2":3,"town":4,"admin3":5,"village":6,"neighbourhood":7,"other":8}
best={}
with gzip.open(os.path.join(OUT, 'places.tsv.gz'), 'rt', encoding='utf-8') as f:
    f.readline()
    for line in f:
        c=line.split('\t')
        for n in c[0].split('|'):
            if ' ' in n: continue
            for form in (n, n[2:] if n.startswith('ال') and len(n)>=4 else 'ال'+n):
                best[form]=min(best.get(form,9),RANK[c[2]])
freq=collections.Counter()
for fn in sys.argv[1:]:
    for line in open(fn, encoding='utf-8'):
        try: d=json.loads(line)
        except: continue
        t=norm((d.get('title') or '')+' '+(d.get('text') or ''))
        for w in re.findall('[\u0621-\u064A]+',t):
            freq[w]+=1
            for p in ('و','ف','ب','ل','وب','ول','فب','فل'):
                if w.startswith(p) and len(w)-len(p)>=3: freq[w[len(p):]]+=0.5
            if w.startswith('لل') and len(w)>=5: freq['ا'+w[1:]]+=0.5
white=set(norm(x) for x in """سيناء الجولان اليرموك عفرين الزبداني البوكمال جنين جباليا دوما العريش رفح مقديشو ابها جدة القصير العبر الفرات
الرمادي الموصل الحديدة عدن تعز صنعاء دمشق حلب ادلب درعا حماة حمص بغداد طرابلس بنغازي درنة سرت مأرب لحج أبين الضالع البيضاء غزة
صعدة عسير نجران جازان الرياض الانبار كركوك اربيل نينوى البصرة الرقة الحسكة اللاذقية السويداء القدس طهران انقرة اسطنبول كابول كابل
الكويت قطر البحرين عمان مالي تونس الجزائر المغرب الهند روسيا ليبيا مصر لبنان الاردن الصومال العراق اليمن سوريا سورية السعودية تركيا تركية ايران اسرائيل
افغانستان باكستان نيجيريا الامارات الشام القاهرة الاسكندرية موسكو مكة دبي واغادوغو الخليل نابلس بيت لحم رام الله خان يونس الفلوجة
تكريت سامراء بعقوبة الحلة كربلاء النجف الكوت الناصرية العمارة السماوة الديوانية سنجار تلعفر حديثة هيت عانة القائم الرطبة
الفوعة التحيتا الدريهمي طولكرم سروج باريس""".split())
out=sorted(w for w,r in best.items() if r>=3 and freq[w]>=25 and w not in white)
# rank 0-2 names that are ordinary words
extra=norm("""شمال جنوب شرق غرب الشمال الجنوب الشرق الغرب مدينة المدينة دولة الدولة عاصمة العاصمة بن ابن وان الداخلية داخلية جديدة الجديدة شرقية الشرقية
شرقي الشرقي شمالي الشمالي غربية الغربية جنوبية الجنوبية إطار الإطار أم الام عين العين سنة السنة أوسط الاوسط الساحل ساحل دوري الدوري خبر الخبر خمس الخمس
وحدة الوحدة بلا مركزي المركزي باب كيف شان باي أبي أمل الامل سن سالم أبيض جزيرة الجزيرة وادي الوادي معسكر المعسكر بشار وسطى الوسطى
شمالية الشمالية شهداء الشهداء أحمد صباح الصباح تحرير التحرير حي الحي أشهر الاشهر وقف الوقف سلام السلام سلسلة دور الدور عنه ميناء الميناء كامل فتح
نصر النصر حد الحد قرى القرى بلد البلد حالي الحالي سلمان وجه عرب العرب ثورة الثورة قصر القصر طويلة فيصل عليا العليا عالية ناصر تل طاقة الطاقة
رصد خليفة بيد متن بدر منح صف ضواحي هندية حجر تبين المركز مركز الوسط وسط الخليج خليج المنطقة منطقة الحدود دولي الدولي جديد اليوم أمس الأحد الاثنين
الثلاثاء الأربعاء الخميس الجمعة السبت يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر محافظة مديرية ناحية قضاء قرية بلدة
الاسلام الإسلامية أنصار الله داعش القاعدة الجيش النظام الحكومة المقاومة التحالف الحوثي الحوثيين الشرعية الجنوبية الوطني الوطنية العربية
""").split()
seen=set(); res=[]
for w in extra+out:
    if w not in seen: seen.add(w); res.append(w)
print(len(res), file=sys.stderr)
print("# Words that are also place names but are far more often ordinary words, first names, months or cue words.")
print("# A name in this list is never recognised on its own; a place is still found when its full multi-word name matches.")
print("# Exact normalised forms (the article matters: عبر is listed, العبر is not). Built from gazetteer names that are")
print("# frequent in news text, plus hand-picked words (tools/gazetteer/README.md).")
for w in res: print(w)
hand = []
path = os.path.join(OUT, 'stopwords.txt')
if os.path.exists(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    if '# hand-added' in lines:
        hand = [l for l in lines[lines.index('# hand-added') + 1:] if l.strip()]
print('# hand-added')
for w in hand:
    if w not in seen: print(w)
