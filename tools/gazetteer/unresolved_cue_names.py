#!/usr/bin/env python3
"""List the words that follow a place cue (ولاية، مديرية، محافظة، مدينة، بلدة، قرية، إقليم، ناحية، قضاء، منطقة) in a
corpus of JSON Lines articles and that no gazetteer name, admin name or alias matches: the gazetteer's gaps, most
frequent first. Many hits are ordinary words ("مدينة صغيرة"); the place names among them are candidates for
data/gazetteer/extra_places.tsv.

usage: tools/gazetteer/unresolved_cue_names.py ../shared/eval/corpus/*.jsonl [--top 80]
"""
import argparse, collections, gzip, json, os, re

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'data', 'gazetteer')
CUE = re.compile(r'(?:^|\s)[وب]?(?:ولاية|مديرية|محافظة|مدينة|بلدة|قرية|إقليم|ناحية|قضاء|منطقة)\s+([\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?)')


def norm(s):
    s = re.sub('[\u064b-\u0652\u0640]', '', s)
    s = re.sub('[أإآ]', 'ا', s)
    return s.replace('ة', 'ه').replace('ى', 'ي').strip()


def names():
    found = set()
    with gzip.open(os.path.join(ROOT, 'places.tsv.gz'), 'rt', encoding='utf-8') as f:
        next(f)
        for line in f:
            found.update(norm(n) for n in line.split('\t')[0].split('|'))
    for name in ('extra_places.tsv', 'extra_admins.tsv', 'admin.tsv', 'aliases.tsv'):
        with open(os.path.join(ROOT, name), encoding='utf-8') as f:
            for line in f:
                if not line.startswith('#'):
                    for column in line.rstrip('\n').split('\t'):
                        found.update(norm(n) for n in column.split('|'))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('files', nargs='+')
    parser.add_argument('--top', type=int, default=80)
    args = parser.parse_args()
    known = names()
    counts = collections.Counter()
    for path in args.files:
        with open(path, encoding='utf-8') as f:
            for line in f:
                text = json.loads(line).get('text') or ''
                for m in CUE.finditer(text):
                    words = m.group(1).split()
                    first = norm(words[0])
                    if first in known or norm(' '.join(words)) in known or first.startswith('ال') and first[2:] in known:
                        continue
                    counts[words[0]] += 1
    for word, n in counts.most_common(args.top):
        print(n, word)


if __name__ == '__main__':
    main()
