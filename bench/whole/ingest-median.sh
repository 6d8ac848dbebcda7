#!/usr/bin/env bash
# `rasid ingest` of a corpus into a fresh SQLite file, whole process, for one or more builds run in turn (issue 16): each
# round runs every build once, so that a change of load on a shared machine hits all of them alike; it reports the median
# of the rounds (wall and CPU seconds, peak RSS, documents/s). `rasid extract` of the same corpus with the first build is
# timed in the same rounds: ingest cannot be faster than the extraction it includes.
# usage: bench/whole/ingest-median.sh RUNS CLI [CLI...] [-- CORPUS.jsonl...]   (default: ../shared/eval/corpus/*.jsonl)
# A CLI is a Rasid.Cli.dll (run with dotnet) or the native Rasid.Cli binary.
# Needs GNU time (/usr/bin/time) and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="$1"; shift
dlls=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do dlls+=("$(realpath "$1")"); shift; done
[ $# -gt 0 ] && shift
corpus=("$@")
[ ${#corpus[@]} -eq 0 ] && corpus=("$repo"/../shared/eval/corpus/*.jsonl)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli() { local build="$1"; shift; case "$build" in *.dll) dotnet "$build" "$@" ;; *) "$build" "$@" ;; esac; }  # a CLI .dll or the native binary
export -f cli
cat "${corpus[@]}" > "$work/corpus.jsonl"
docs=$(grep -c . "$work/corpus.jsonl")

timed() { # LABEL COMMAND... ; appends "LABEL wall cpu rss_mb" to $work/times
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" bash -c '"$@"' timed "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r w u s m < <(tail -1 "$work/t")
  echo "$label $w $(python3 -c "print(round($u+$s,2))") $((m / 1024))" >> "$work/times"
}

echo "load before: $(uptime | sed 's/.*load average: //'); corpus: $docs documents"
for round in $(seq "$runs"); do
  timed extract cli "${dlls[0]}" extract "$work/corpus.jsonl" -o "$work/out.jsonl"
  for i in "${!dlls[@]}"; do
    rm -f "$work/i.db" "$work/i.db-wal" "$work/i.db-shm"
    timed "ingest-$i" cli "${dlls[$i]}" ingest "$work/corpus.jsonl" --db "$work/i.db"
  done
done
python3 - "$work/times" "$docs" "${dlls[@]}" <<'EOF'
import statistics, sys
times, docs, dlls = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rows = {}
for line in open(times):
    label, w, c, m = line.split()
    rows.setdefault(label, []).append((float(w), float(c), int(m)))
print(f"{'measure':<10} {'runs':>4} {'wall_s':>7} {'cpu_s':>7} {'peak_MB':>7} {'docs/s':>7}  (median; wall range)  build")
for label, values in rows.items():
    w = statistics.median(v[0] for v in values); c = statistics.median(v[1] for v in values); m = statistics.median(v[2] for v in values)
    build = dlls[0] if label == "extract" else dlls[int(label.split("-")[1])]
    print(f"{label:<10} {len(values):>4} {w:7.2f} {c:7.2f} {m:7.0f} {docs / w:7.0f}  ({min(v[0] for v in values):.2f}-{max(v[0] for v in values):.2f} s)  {build}")
EOF
echo "load after: $(uptime | sed 's/.*load average: //')"
