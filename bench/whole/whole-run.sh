#!/usr/bin/env bash
# Whole-process figures of `rasid extract` and `rasid ingest`, each stated as a ratio to a plain multi-pattern scan of the
# same corpus for the gazetteer's Arabic names (`rg -c -F -f names`), measured in the same run (issue 16).
# usage: bench/whole/whole-run.sh CLI [RUNS] [CORPUS.jsonl...]      (default: ../shared/eval/corpus/*.jsonl, 3 runs)
# CLI is a Rasid.Cli.dll (run with dotnet) or the native Rasid.Cli binary that ./rasid builds (.build/cli/Rasid.Cli).
# Extra environment: STREAM=N also pipes N articles (the corpus repeated with new ids, repeat-corpus.py) through
# `rasid extract -` and reports its peak memory next to the corpus run's. Needs ripgrep (apt-get install ripgrep),
# GNU time (/usr/bin/time) and python3. Each figure is the best of RUNS (wall), with that run's CPU time and peak RSS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dll="$(realpath "$1")"; runs="${2:-3}"; shift; [ $# -gt 0 ] && shift
corpus=("$@")
case "$dll" in *.dll) rasid=(dotnet "$dll") ;; *) rasid=("$dll") ;; esac
[ ${#corpus[@]} -eq 0 ] && corpus=("$repo"/../shared/eval/corpus/*.jsonl)
command -v rg >/dev/null || { echo "ripgrep (rg) is needed: apt-get install ripgrep" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat "${corpus[@]}" > "$work/corpus.jsonl"
docs=$(grep -c . "$work/corpus.jsonl")
mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1])/1e6)" "$work/corpus.jsonl")
# The gazetteer's Arabic names (every |-separated variant of places.tsv.gz and extra_places.tsv), one a line.
{ zcat "$repo/data/gazetteer/places.tsv.gz" | tail -n +2; tail -n +2 "$repo/data/gazetteer/extra_places.tsv"; } \
  | cut -f1 | tr '|' '\n' | grep -v '^#' | grep . | LC_ALL=C sort -u > "$work/names"
# The shortest sample article: start-up with almost no extraction.
short="$(ls -S "$repo"/samples/*.txt | tail -1)"

best() { # LABEL COMMAND... ; runs it RUNS times, prints "LABEL wall cpu rss_mb" of the fastest run
  local label="$1"; shift
  local bw=999999 bc=0 bm=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r w u s m < <(tail -1 "$work/t")
    if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)" "$w" "$bw"; then
      bw=$w; bc=$(python3 -c "print(round($u+$s,2))"); bm=$((m / 1024))
    fi
  done
  echo "$label $bw $bc $bm"
}

echo "load before: $(uptime | sed 's/.*load average: //')"
echo "corpus: $docs documents, $(printf %.2f "$mb") MB; names: $(wc -l < "$work/names")"
rm -f "$work/one.db"
results=()
results+=("$(best rg rg -c -F -f "$work/names" "$work/corpus.jsonl")")
results+=("$(best extract "${rasid[@]}" extract "$work/corpus.jsonl" -o "$work/out.jsonl")")
if "${rasid[@]}" extract --help | grep -q -- --threads; then # (builds before issue 16 have no --threads)
  results+=("$(best extract-1-thread "${rasid[@]}" extract "$work/corpus.jsonl" -o "$work/out1.jsonl" --threads 1)")
  cmp -s "$work/out.jsonl" "$work/out1.jsonl" || { echo "extract output differs between threads 1 and default" >&2; exit 1; }
fi
results+=("$(best start-up "${rasid[@]}" extract "$short" -o "$work/short.jsonl")")
ingest() { rm -f "$work/i.db" "$work/i.db-wal" "$work/i.db-shm"; case "$dll" in *.dll) dotnet "$dll" "$@" ;; *) "$dll" "$@" ;; esac; }
export -f ingest; export dll work
results+=("$(best ingest bash -c 'ingest ingest "$work/corpus.jsonl" --db "$work/i.db"')")
rg_wall=$(echo "${results[0]}" | cut -d' ' -f2)
rg_cpu=$(echo "${results[0]}" | cut -d' ' -f3)
printf '%-18s %9s %9s %9s %9s %10s %12s %11s\n' measure wall_s cpu_s peak_MB docs/s MB/s "x rg (wall)" "x rg (cpu)"
for r in "${results[@]}"; do
  read -r label w c m <<<"$r"
  if [ "$label" = start-up ]; then n=1; else n=$docs; fi
  python3 -c "
import sys; label,w,c,m,n,mb,rg,rgc=sys.argv[1],float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]),int(sys.argv[5]),float(sys.argv[6]),float(sys.argv[7]),float(sys.argv[8])
rate = n / w if w > 0 else 0
print(f'{label:<18} {w:9.2f} {c:9.2f} {m:9d} {rate:9.0f} {(mb / w if n > 1 else 0):10.2f} {w / rg:12.2f} {c / rgc:11.2f}')" "$label" "$w" "$c" "$m" "$n" "$mb" "$rg_wall" "$rg_cpu"
done
if [ -n "${STREAM:-}" ]; then
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" bash -c "python3 '$here/repeat-corpus.py' $STREAM '$work/corpus.jsonl' | ${rasid[*]} extract - > /dev/null"
  read -r w u s m < <(tail -1 "$work/t")
  corpus_rss=$(echo "${results[1]}" | cut -d' ' -f4)
  python3 -c "
import sys; n,w,u,s,m,c=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),float(sys.argv[4]),int(sys.argv[5])//1024,int(sys.argv[6])
print(f'stream of {n} articles: {w:.0f} s wall, {u+s:.0f} s CPU, {n/w:.0f} docs/s; peak {m} MB = {m/c:.2f} x the corpus run peak ({c} MB)')" \
    "$STREAM" "$w" "$u" "$s" "$m" "$corpus_rss"
fi
echo "load after: $(uptime | sed 's/.*load average: //')"
