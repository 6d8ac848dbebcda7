#!/usr/bin/env bash
# Whole-process figures of two or more CLI builds, run in alternation (issue 16): each round runs every measure once with
# every build, so a change of load on a shared machine hits them alike; it prints the median of the rounds, with a plain
# `rg -c -F -f names` scan of the same corpus (as in whole-run.sh) measured in the same rounds.
# usage: bench/whole/compare-builds.sh RUNS CLI [CLI...] [-- CORPUS.jsonl...]   (default: ../shared/eval/corpus/*.jsonl)
# A CLI is a Rasid.Cli.dll (run with dotnet) or the native Rasid.Cli binary. Needs ripgrep, GNU time and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="$1"; shift
builds=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do builds+=("$(realpath "$1")"); shift; done
[ $# -gt 0 ] && shift
corpus=("$@")
[ ${#corpus[@]} -eq 0 ] && corpus=("$repo"/../shared/eval/corpus/*.jsonl)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat "${corpus[@]}" > "$work/corpus.jsonl"
docs=$(grep -c . "$work/corpus.jsonl")
{ zcat "$repo/data/gazetteer/places.tsv.gz" | tail -n +2; tail -n +2 "$repo/data/gazetteer/extra_places.tsv"; } \
  | cut -f1 | tr '|' '\n' | grep -v '^#' | grep . | LC_ALL=C sort -u > "$work/names"
short="$(ls -S "$repo"/samples/*.txt | tail -1)"
cli() { local build="$1"; shift; case "$build" in *.dll) dotnet "$build" "$@" ;; *) "$build" "$@" ;; esac; }
ingest() { rm -f "$work/i.db" "$work/i.db-wal" "$work/i.db-shm"; cli "$1" ingest "$work/corpus.jsonl" --db "$work/i.db"; }
export -f cli ingest; export work

timed() { # LABEL COMMAND... ; appends "LABEL wall cpu rss_mb" to $work/times
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r w u s m < <(tail -1 "$work/t")
  echo "$label $w $(python3 -c "print(round($u+$s,2))") $((m / 1024))" >> "$work/times"
}

echo "load before: $(uptime | sed 's/.*load average: //'); corpus: $docs documents"
for round in $(seq "$runs"); do
  timed rg rg -c -F -f "$work/names" "$work/corpus.jsonl"
  for i in "${!builds[@]}"; do
    b="${builds[$i]}"; case "$b" in *.dll) run=(dotnet "$b") ;; *) run=("$b") ;; esac
    timed "start-up/$i" "${run[@]}" extract "$short" -o "$work/short-$i.jsonl"
    timed "extract/$i" "${run[@]}" extract "$work/corpus.jsonl" -o "$work/out-$i.jsonl"
    timed "extract-1-thread/$i" "${run[@]}" extract "$work/corpus.jsonl" --threads 1 -o "$work/out1-$i.jsonl"
    timed "ingest/$i" bash -c 'ingest "$0"' "$b"
    cmp -s "$work/out-$i.jsonl" "$work/out1-$i.jsonl" || { echo "build $i: output differs between --threads 1 and the default" >&2; exit 1; }
    cmp -s "$work/out-0.jsonl" "$work/out-$i.jsonl" || { echo "build $i: output differs from build 0's" >&2; exit 1; }
  done
done
python3 - "$work/times" "$docs" "${builds[@]}" <<'PY'
import statistics, sys
times, docs, builds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rows = {}
for line in open(times):
    label, w, c, m = line.split()
    rows.setdefault(label, []).append((float(w), float(c), int(m)))
med = lambda label, k: statistics.median(v[k] for v in rows[label])
rg_w, rg_c = med("rg", 0), med("rg", 1)
print(f"{'measure':<20} {'runs':>4} {'wall_s':>7} {'cpu_s':>7} {'peak_MB':>7} {'docs/s':>7} {'x rg wall':>9} {'x rg cpu':>8}  (median; wall range)")
for label, values in rows.items():
    w, c, m = med(label, 0), med(label, 1), statistics.median(v[2] for v in values)
    n = 1 if label.startswith("start-up") else docs
    rate = f"{n / w:7.0f}" if n > 1 else f"{'':>7}"
    print(f"{label:<20} {len(values):>4} {w:7.2f} {c:7.2f} {m:7.0f} {rate} {w / rg_w:9.2f} {c / rg_c:8.2f}  ({min(v[0] for v in values):.2f}-{max(v[0] for v in values):.2f} s)")
for i, b in enumerate(builds):
    print(f"build {i}: {b}")
PY
echo "load after: $(uptime | sed 's/.*load average: //')"
