#!/usr/bin/env bash
# Issue 13 check: 4 concurrent `rasid ingest` processes with overlapping inputs into one SQLite file, RUNS times,
# each compared (documents, mentions, events, sources; bench/store/dump-sqlite.py) with one clean sequential ingest.
# usage: bench/store/concurrent-sqlite.sh CLI_DLL CORPUS_DIR [RUNS]      e.g. ... <the shared corpus folder, eval/corpus> 3
set -euo pipefail
dll="$1"; corpus="$2"; runs="${3:-3}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
mapfile -t files < <(find "$corpus" -maxdepth 1 -name '*.jsonl' | sort)
cat "${files[@]}" | tac >"$work/reversed.jsonl"
dotnet "$dll" ingest "$corpus" --db "$work/clean.db" 2>/dev/null | tail -1
python3 "$here/dump-sqlite.py" "$work/clean.db" >"$work/clean.dump"
status=0
for run in $(seq 1 "$runs"); do
  db="$work/shared-$run.db"
  start=$(date +%s)
  dotnet "$dll" ingest "$corpus" --db "$db" --batch-size 50 >"$work/p1" 2>/dev/null &
  dotnet "$dll" ingest "$work/reversed.jsonl" --db "$db" --batch-size 70 >"$work/p2" 2>/dev/null &
  dotnet "$dll" ingest "${files[@]:2}" "${files[0]}" --db "$db" --batch-size 30 >"$work/p3" 2>/dev/null &
  dotnet "$dll" ingest "${files[@]:1:2}" --db "$db" --batch-size 100 >"$work/p4" 2>/dev/null &
  fail=0; for job in $(jobs -p); do wait "$job" || fail=1; done
  new=$(grep -ho '[0-9]* new' "$work"/p[1-4] | awk '{s+=$1} END {print s}')
  python3 "$here/dump-sqlite.py" "$db" >"$work/shared.dump"
  if [ $fail -eq 0 ] && cmp -s "$work/clean.dump" "$work/shared.dump"; then
    echo "run $run: SAME as the clean ingest ($(( $(date +%s) - start )) s; 'new' counters sum to $new)"
  else
    echo "run $run: DIFFERENT (exit failure: $fail; 'new' counters sum to $new)"; diff "$work/clean.dump" "$work/shared.dump" | head -5; status=1
  fi
done
exit $status
