#!/usr/bin/env bash
# Ingest throughput (extract + store) and database size, measured through the CLI.
# usage: bench/Rasid.Benchmarks/Storage/ingest-bench.sh CORPUS_DIR_OR_FILE [REPEATS]
# Prints documents/s of a fresh ingest, of a re-run (all skipped), of --reextract, and database bytes per 1,000 documents.
# Pin it to one core with `taskset -c 0` to get the one-core figure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
corpus="${1:?corpus path}"
repeats="${2:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/Rasid.Cli/Rasid.Cli.csproj" -c Release -o "$out/cli" -nologo -v q -clp:ErrorsOnly >&2
cli=(dotnet "$out/cli/Rasid.Cli.dll")
for i in $(seq 1 "$repeats"); do
  rm -f "$out"/bench.db*
  /usr/bin/time -f "fresh run $i: wall %e s, user %U s, max RSS %M KB" "${cli[@]}" ingest "$corpus" --db "$out/bench.db" 2>&1 >"$out/summary.txt" | grep -v '^ingest:' || true
  cat "$out/summary.txt"
done
"${cli[@]}" ingest "$corpus" --db "$out/bench.db" 2>/dev/null
"${cli[@]}" ingest --reextract --db "$out/bench.db" 2>/dev/null
sqlite_bytes=$(stat -c %s "$out/bench.db")
docs=$("${cli[@]}" ingest "$corpus" --db "$out/bench.db" 2>/dev/null | sed -n 's/.*: \([0-9]*\) documents, .*/\1/p')
echo "database: $sqlite_bytes bytes for $docs documents = $(( sqlite_bytes * 1000 / docs / 1024 )) KiB per 1,000 documents (main file, WAL checkpointed on close)"
