#!/usr/bin/env bash
# Compares `rasid ingest` + `rasid export` (every format) between two builds of the CLI on the same inputs.
# usage: bench/store/compare-exports.sh OLD_CLI NEW_CLI INPUT...   (a CLI is a Rasid.Cli.dll or the native Rasid.Cli binary)
# Build a CLI of another revision with:  git worktree add /tmp/rasid-old REV && dotnet build /tmp/rasid-old/src/Rasid.Cli -c Release -o /tmp/rasid-old-cli
# The `timestamp` column/property (unix seconds of an event's last change) differs between runs and is blanked first.
# Extra environment: NEW_ARGS (e.g. "--pg $RASID_PG" to compare a PostgreSQL run with an SQLite one).
set -euo pipefail
old="$1"; new="$2"; shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli() { local build="$1"; shift; case "$build" in *.dll) dotnet "$build" "$@" ;; *) "$build" "$@" ;; esac; }  # a CLI .dll or the native binary
run() { # DLL TAG EXTRA_ARGS...
  local dll="$1" tag="$2"; shift 2
  local store=("$@")
  [ ${#store[@]} -eq 0 ] && store=(--db "$work/$tag.db")
  cli "$dll" ingest "${inputs[@]}" "${store[@]}" >"$work/$tag.ingest" 2>/dev/null
  for f in acled-csv acled-csv-extended geojson jsonl; do
    cli "$dll" export "${store[@]}" --format "$f" -o "$work/$tag.$f" 2>/dev/null
    # blank the timestamp: CSV column 31 of acled-csv(-extended), "timestamp": N in JSON
    case "$f" in
      acled-csv*) python3 -c 'import csv,sys
r=csv.reader(open(sys.argv[1],newline="",encoding="utf-8")); w=csv.writer(sys.stdout,lineterminator="\n")
h=next(r); i=h.index("timestamp"); w.writerow(h)
for row in r: row[i]=""; w.writerow(row)' "$work/$tag.$f" >"$work/$tag.$f.cmp" ;;
      *) sed -E 's/"timestamp": ?[0-9]+/"timestamp":0/g' "$work/$tag.$f" >"$work/$tag.$f.cmp" ;;
    esac
  done
}
inputs=("$@")
run "$old" old
# shellcheck disable=SC2086
run "$new" new ${NEW_ARGS:-}
status=0
for f in acled-csv acled-csv-extended geojson jsonl; do
  if cmp -s "$work/old.$f.cmp" "$work/new.$f.cmp"; then
    echo "same      $f ($(wc -l <"$work/new.$f") lines, $(sha256sum <"$work/new.$f.cmp" | cut -c1-12))"
  else
    echo "DIFFERENT $f"; diff <(head -c 2000000 "$work/old.$f.cmp") <(head -c 2000000 "$work/new.$f.cmp") | head -20; status=1
  fi
done
exit $status
