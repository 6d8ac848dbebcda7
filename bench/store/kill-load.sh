#!/usr/bin/env bash
# Fault and load test of the PostgreSQL workers (issue 15), figures in bench/README.md.
#  1. builds the CLI; makes >= 25,000 documents with distinct ids and texts from CORPUS (each article repeated, its copy
#     number in a last line and its publication date moved 1,000 days per copy);
#  2. reference: one sequential `rasid ingest --pg` of them all into its own database;
#  3. kill run: enqueue, 4 workers; when a quarter is done, two are killed with kill -9 and two new ones started;
#     at the end: every document stored exactly once, the queue all done, and the extended CSV export (timestamps
#     blanked) and the row counts equal the reference;
#  4. throughput of 1, 2 and 4 workers on COPIES_FOR_THROUGHPUT copies of the corpus.
# usage: bench/store/kill-load.sh CORPUS_DIR [PG_CONNECTION]   (default: a throw-away cluster from .ci/postgres.sh)
# env: TARGET_DOCS (25000), COPIES_FOR_THROUGHPUT (2), LEASE_SECONDS (20), PHASES (kill,throughput: either or both)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
corpus="$1"; admin="${2:-$(bash "$root/.ci/postgres.sh" start)}"
target="${TARGET_DOCS:-25000}"; tput_copies="${COPIES_FOR_THROUGHPUT:-2}"; lease="${LEASE_SECONDS:-20}"
phases="${PHASES:-kill,throughput}"
work="$(mktemp -d /tmp/rasid-kill-load.XXXXXX)"; trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/Rasid.Cli/Rasid.Cli.csproj" -c Release -o "$work/cli" -nologo -v q -clp:ErrorsOnly >&2
rasid() { dotnet "$work/cli/Rasid.Cli.dll" "$@"; }
psql_admin() { python3 - "$admin" "$1" <<'PY'
import sys, subprocess
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
subprocess.run(["psql", "-h", kv["Host"], "-p", kv["Port"], "-U", kv["Username"], "-d", kv.get("Database", "postgres"), "-qAtc", sys.argv[2]], check=True)
PY
}
db() { # NAME -> connection string of a fresh database
  psql_admin "DROP DATABASE IF EXISTS $1" >/dev/null; psql_admin "CREATE DATABASE $1" >/dev/null
  echo "$admin" | sed -E "s/Database=[^;]*/Database=$1/"
}
q() { python3 - "$1" "$2" <<'PY'
import sys, subprocess
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if p)
print(subprocess.run(["psql", "-h", kv["Host"], "-p", kv["Port"], "-U", kv["Username"], "-d", kv["Database"], "-qAtc", sys.argv[2]], check=True, capture_output=True, text=True).stdout.strip())
PY
}
make_input() { # COPIES FILE
  python3 - "$corpus" "$1" "$2" <<'PY'
import sys, json, glob, datetime
corpus, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [json.loads(l) for f in sorted(glob.glob(corpus + "/*.jsonl")) for l in open(f, encoding="utf-8") if l.strip()]
with open(out, "w", encoding="utf-8") as w:
    for r in range(copies):
        for d in docs:
            c = dict(d); c["id"] = f"{d['id']}~{r}"; c["text"] = d["text"] + f"\n\nنسخة {r}"
            if d.get("published"):
                c["published"] = (datetime.date.fromisoformat(d["published"]) + datetime.timedelta(days=1000 * r)).isoformat()
            w.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(docs) * copies)
PY
}
strip_ts() { python3 -c 'import csv,sys
r=csv.reader(open(sys.argv[1],newline="",encoding="utf-8")); w=csv.writer(sys.stdout,lineterminator="\n")
h=next(r); i=h.index("timestamp"); w.writerow(h)
for row in r: row[i]=""; w.writerow(row)' "$1"; }
counts() { q "$1" "SELECT (SELECT count(*) FROM documents)||' documents, '||(SELECT count(*) FROM mentions)||' mentions, '||(SELECT count(*) FROM events)||' events, '||(SELECT count(*) FROM event_sources)||' sources'"; }

status=0
per_corpus=$(make_input 1 "$work/one.jsonl")
if [[ "$phases" == *kill* ]]; then
copies=$(( (target + per_corpus - 1) / per_corpus ))
n=$(make_input "$copies" "$work/load.jsonl")
echo "input: $n documents ($copies copies of $per_corpus)"

ref=$(db rasid_ref); start=$(date +%s.%N)
rasid ingest "$work/load.jsonl" --pg "$ref" --batch-size 200 2>/dev/null | tail -1
echo "reference sequential ingest: $(counts "$ref") in $(printf %.0f "$(echo "$(date +%s.%N) - $start" | bc)") s"
rasid export --pg "$ref" --format acled-csv-extended -o "$work/ref.csv" 2>/dev/null

kill_db=$(db rasid_kill)
rasid enqueue "$work/load.jsonl" --pg "$kill_db" | tail -1
start=$(date +%s.%N); pids=()
# dotnet is started directly (not through the rasid function, a subshell) so that $! is the worker's own pid.
worker() { dotnet "$work/cli/Rasid.Cli.dll" worker --pg "$kill_db" --exit-when-empty --lease "$lease" --name "w$1" >"$work/w$1.out" 2>/dev/null & pids+=($!); }
for i in 1 2 3 4; do worker "$i"; done
while [ "$(q "$kill_db" "SELECT count(*) FROM queue WHERE state='done'")" -lt $(( n / 4 )) ]; do sleep 1; done
kill -9 "${pids[0]}" "${pids[1]}"
sleep 1; ! kill -0 "${pids[0]}" 2>/dev/null && ! kill -0 "${pids[1]}" 2>/dev/null || { echo "kill -9 did not stop w1/w2"; exit 1; }
echo "killed w1 and w2 (kill -9) at $(q "$kill_db" "SELECT count(*) FROM queue WHERE state='done'") done, $(q "$kill_db" "SELECT count(*) FROM queue WHERE state='ready' AND lease_until > now()") leased"
for i in 5 6; do worker "$i"; done
for p in "${pids[@]:2}"; do wait "$p"; done
echo "kill run: $(counts "$kill_db") in $(printf %.0f "$(echo "$(date +%s.%N) - $start" | bc)") s; queue: $(q "$kill_db" "SELECT string_agg(state||' '||c, ', ') FROM (SELECT state, count(*) c FROM queue GROUP BY state ORDER BY state) s"); taken over after the kill: $(q "$kill_db" "SELECT count(*) FROM queue WHERE claims > 1")"
cat "$work"/w[3-6].out
rasid export --pg "$kill_db" --format acled-csv-extended -o "$work/kill.csv" 2>/dev/null
[ "$(q "$kill_db" "SELECT count(*) FROM documents")" = "$n" ] && echo "every document stored: yes ($n)" || { echo "every document stored: NO"; status=1; }
[ "$(q "$kill_db" "SELECT count(*) FROM mentions m WHERE (SELECT count(*) FROM event_sources es WHERE es.mention_id = m.id) <> 1")" = 0 ] && echo "each mention in exactly one event: yes" || { echo "each mention in one event: NO"; status=1; }
[ "$(counts "$kill_db")" = "$(counts "$ref")" ] && echo "row counts equal the reference: yes" || { echo "row counts: DIFFERENT"; status=1; }
cmp -s <(strip_ts "$work/ref.csv") <(strip_ts "$work/kill.csv") && echo "extended CSV equals the reference (timestamps blanked): yes ($(wc -l <"$work/kill.csv") lines)" || { echo "extended CSV: DIFFERENT"; status=1; }

fi

if [[ "$phases" == *throughput* ]]; then
make_input "$tput_copies" "$work/tput.jsonl" >/dev/null
for workers in 1 2 4; do
  t=$(db "rasid_t$workers"); rasid enqueue "$work/tput.jsonl" --pg "$t" >/dev/null
  start=$(date +%s.%N)
  for i in $(seq 1 "$workers"); do dotnet "$work/cli/Rasid.Cli.dll" worker --pg "$t" --exit-when-empty --name "t$workers.$i" >"$work/t$workers.$i.out" 2>/dev/null & done
  wait
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  docs=$(q "$t" "SELECT count(*) FROM documents")
  echo "throughput, $workers worker(s): $docs documents in $(printf %.1f "$secs") s = $(echo "$docs / $secs" | bc) docs/s (load average $(cut -d' ' -f1 /proc/loadavg))"
  sed 's/^/    /' "$work"/t"$workers".*.out
done
fi
exit $status
