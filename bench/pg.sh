#!/usr/bin/env bash
# PostgreSQL HTTP benchmark (issue #8), like bench/run.sh and bench/petitions.sh:
# the release binary on loopback, driven by wrk, every number also printed as a
# ratio to GET /healthz measured in the same run with the same number of servers.
#
# It starts a throwaway cluster (scripts/pg-test-cluster.sh), creates the
# database "bench", runs `init --demo` into it and seeds SEED_COUNT petitions
# (default 10,000) of the demo commune with `doithoai petitions import` (a CSV
# generated here with a fixed seed: names, villages Thôn 1–9, texts from a
# vocabulary of commune matters, the default fields, three channels). The import
# goes through the petition service (SubmitMany), so codes, deadlines and the
# search index are written as for any petition; no SQL bypasses it.
#
# Then two `serve --public-rate-limit 0` processes run on the same database
# (two ports, one key file: both run in the same working directory) and wrk
# measures each scenario first against ONE server, then against TWO:
#
#   GET  /healthz                                      the baseline
#   GET  /tra-cuu/<code>                               public tracking page of a seeded petition
#   GET  /api/v1/communes/hoang-truong/petitions       staff list, 50 per page (Bearer token
#                                                      of vanphong from POST /api/v1/session)
#   GET  …/petitions?q=duong                           staff search typed without diacritics
#   POST /api/v1/communes/hoang-truong/petitions       durable public submissions (201 after
#                                                      COMMIT); afterwards the stored count
#                                                      must have grown by at least the 201s
#
# Two servers: ONE wrk process with two threads (-t2) and bench/pg.lua, whose
# setup() points thread 1 at server A and thread 2 at server B, so each server
# gets half of the connections and wrk merges both into one latency histogram
# and one non-2xx count. One server: the same script with -t1 and one port.
#
# CPUs (as run.sh): the server side gets SERVER_CPUS (default core 0): the
# doithoai processes and every PostgreSQL process (pinned with taskset after the
# cluster started; backends forked later inherit it), so PostgreSQL competes with
# the HTTP servers for the same core as SQLite's in-process work does; wrk runs on
# WRK_CPUS (default core 1). PIN=0 leaves everything unpinned.
#
# Finally (SQLITE=1, the default) the same scenarios run against ONE server on a
# SQLite file seeded with the same CSV, for reference.
#
# Usage: BIN=build/release/doithoai bench/pg.sh
#        (DURATION=10s CONNECTIONS=32 THREADS=0 SEED_COUNT=10000 SQLITE=1 PIN=1
#         SERVE_ARGS="--pg-parallel-writers" adds flags to every `serve`; THREADS=0 is
#         serve's default: 2 × cores and at least 4 with PostgreSQL, one per core with SQLite;
#         WRK_LOG=file keeps every wrk output; KEEP=1 keeps the work directory with the
#         servers' logs and PostgreSQL's server log)
# Without BIN it builds the release preset first, as run.sh does; with BIN it
# builds nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. bench/seed_csv.sh
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_THREADS=${THREADS:-0}
SERVE_ARGS=${SERVE_ARGS:-}
SEED_COUNT=${SEED_COUNT:-10000}
SQLITE=${SQLITE:-1}
PIN=${PIN:-1}
SERVER_CPUS=${SERVER_CPUS:-0}
WRK_CPUS=${WRK_CPUS:-$(($(nproc) > 1 ? 1 : 0))}
WRK_LOG=${WRK_LOG:-}
SLUG=hoang-truong

if [ -z "${BIN:-}" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)" --target doithoai >/dev/null
  BIN=build/release/doithoai
fi
case "$BIN" in /*) ;; *) BIN=$repo/$BIN ;; esac
[ -x "$BIN" ] || { echo "no executable $BIN" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing" >&2; exit 1; }
if [ "$SEED_COUNT" -gt 10000 ]; then
  echo "SEED_COUNT ≤ 10000 (one import file holds at most 10,000 rows)" >&2
  exit 1
fi

work=$(mktemp -d /tmp/doithoai-pgbench-XXXXXX)
chmod 0755 "$work"
cluster=$work/cluster
server_pids=()
stop_servers() {
  local pid
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  done
  server_pids=()
  return 0
}
cleanup() {
  stop_servers
  [ -d "$cluster/data" ] && "$repo/scripts/pg-test-cluster.sh" stop "$cluster"
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

pin() {  # CPUS CMD… → CMD, pinned unless PIN=0
  local cpus=$1
  shift
  if [ "$PIN" = 1 ]; then taskset -c "$cpus" "$@"; else "$@"; fi
}
ms_now() { date +%s%3N; }

# ---- seed file: SEED_COUNT rows of the import format, fixed seed ----------
seed_csv=$work/seed.csv
write_seed_csv "$SEED_COUNT" "$seed_csv"

# ---- servers ---------------------------------------------------------------
port=""
start_server() {  # DB NAME → appends the pid to server_pids and sets port
  local db=$1 name=$2
  local pin_cmd=()
  [ "$PIN" = 1 ] && pin_cmd=(taskset -c "$SERVER_CPUS")
  (cd "$work" && exec "${pin_cmd[@]}" "$BIN" serve --db "$db" --listen 127.0.0.1:0 \
    --threads "$SERVER_THREADS" --public-rate-limit 0 $SERVE_ARGS >"$work/$name.out" \
    2>"$work/$name.err") &
  server_pids+=($!)
  for _ in $(seq 200); do
    grep -q 'http://' "$work/$name.out" 2>/dev/null && break
    sleep 0.05
  done
  port=$(grep -o 'http://[0-9.:]*' "$work/$name.out" | head -1 | sed 's/.*://')
  [ -n "$port" ] || { echo "server $name did not start:" >&2; cat "$work/$name.err" >&2; exit 1; }
}

token=""
login() {  # PORT → sets token
  token=$(curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"username":"vanphong","password":"doithoai-demo"}' "http://127.0.0.1:$1/api/v1/session" |
    grep -o '"token":"[^"]*"' | cut -d'"' -f4)
  [ -n "$token" ] || { echo "login as vanphong failed" >&2; exit 1; }
}
staff_list() {  # PORT QUERY → JSON
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$1/api/v1/communes/$SLUG/petitions?$2"
}
stored_total() { staff_list "$1" per_page=1 | grep -o '"total":[0-9]*' | cut -d: -f2; }

# measure PORTS PATH [wrk options…] → "rps p50_ms p99_ms non2xx socket_errors"
measure() {
  local ports=$1 path=$2
  shift 2
  local first=${ports%%,*}
  local nthreads
  nthreads=$(awk -F, '{ print NF }' <<<"$ports")
  PORTS=$ports pin "$WRK_CPUS" wrk -t"$nthreads" -c"$CONNECTIONS" -d"$DURATION" --latency \
    -s "$repo/bench/pg.lua" "$@" "http://127.0.0.1:$first$path" >"$work/wrk" 2>&1
  if [ -n "$WRK_LOG" ]; then
    { echo "=== ports $ports $path $*"; cat "$work/wrk"; } >>"$WRK_LOG"
  fi
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    /Socket errors/ { gsub(/,/, ""); err = $4 + $6 + $8 + $10 }
    END { printf "%s %.3f %.3f %s %d\n", rps, p50, p99, (bad == "" ? 0 : bad), err }' "$work/wrk"
}

table=$work/table
notes=$work/notes
: >"$table"
: >"$notes"
declare -A base
row() {  # ENGINE SERVERS NAME rps p50 p99 non2xx errors
  local ratio
  ratio=$(awk -v a="$4" -v b="${base[$1$2]}" 'BEGIN { printf "%.3f", a / b }')
  printf '%-10s %-34s %7s %12.0f %9.3f %9.3f %8s %8s %7s\n' "$1" "$3" "$2" "$4" "$5" "$6" "$ratio" \
    "$7" "$8" >>"$table"
}
serialization_failures() {
  if [ -f "$cluster/server.log" ]; then
    grep -c 'could not serialize\|deadlock detected' "$cluster/server.log" || true
  else
    echo 0
  fi
}

# run_scenarios ENGINE PORTS… : every scenario for each port list given
run_scenarios() {
  local engine=$1
  shift
  local ports n code rps p50 p99 bad err before after created s0 s1
  code=$(staff_list "${1%%,*}" per_page=1 | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
  [ -n "$code" ] || { echo "no petition found through the staff API" >&2; exit 1; }
  local auth="Authorization: Bearer $token"
  local list="/api/v1/communes/$SLUG/petitions?per_page=50"
  local search="/api/v1/communes/$SLUG/petitions?q=duong&per_page=50"
  for ports in "$@"; do
    n=$(awk -F, '{ print NF }' <<<"$ports")
    read -r rps p50 p99 bad err < <(measure "$ports" /healthz)
    base[$engine$n]=$rps
    row "$engine" "$n" "GET /healthz" "$rps" "$p50" "$p99" "$bad" "$err"
    read -r rps p50 p99 bad err < <(measure "$ports" "/tra-cuu/$code")
    row "$engine" "$n" "GET /tra-cuu/<code>" "$rps" "$p50" "$p99" "$bad" "$err"
    read -r rps p50 p99 bad err < <(measure "$ports" "$list" -H "$auth")
    row "$engine" "$n" "GET …/petitions?per_page=50 (staff)" "$rps" "$p50" "$p99" "$bad" "$err"
    read -r rps p50 p99 bad err < <(measure "$ports" "$search" -H "$auth")
    row "$engine" "$n" "GET …/petitions?q=duong (staff)" "$rps" "$p50" "$p99" "$bad" "$err"
  done
  for ports in "$@"; do
    n=$(awk -F, '{ print NF }' <<<"$ports")
    before=$(stored_total "${ports%%,*}")
    s0=$(serialization_failures)
    read -r rps p50 p99 bad err < <(MODE=submit RUN_ID="$engine$n-$$" measure "$ports" \
      "/api/v1/communes/$SLUG/petitions")
    created=$(awk '/^created:/ { print $2 }' "$work/wrk")
    s1=$(serialization_failures)
    after=$(stored_total "${ports%%,*}")
    row "$engine" "$n" "POST …/petitions (durable)" "$rps" "$p50" "$p99" "$bad" "$err"
    {
      printf '%s, %d server(s): %s × 201; stored %s → %s (+%s): ' "$engine" "$n" "$created" \
        "$before" "$after" "$((after - before))"
      if [ "$((after - before))" -ge "$created" ]; then echo "durability OK"; else
        echo "DURABILITY FAILED"
        durability_failed=1
      fi
      [ "$engine" = postgresql ] &&
        printf '  serialization failures / deadlocks logged by PostgreSQL during it: %d\n' \
          "$((s1 - s0))"
    } >>"$notes"
  done
  local total matches
  total=$(stored_total "${1%%,*}")
  matches=$(staff_list "${1%%,*}" "q=duong&per_page=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  printf '%s: "duong" matches %s of %s petitions at the end\n' "$engine" "$matches" "$total" \
    >>"$notes"
}
non2xx_log() {  # access-log files… → "count method path status" per kind of non-2xx response
  cat "$@" | grep -o '"method":"[A-Z]*","ms":[0-9.]*,"path":"[^"]*","remote":"[^"]*","request_id":"[^"]*","status":[3-5][0-9][0-9]' |
    sed -E 's/.*"method":"([A-Z]+)".*"path":"([^"]*)".*"status":([0-9]+)/\1 \2 \3/' | sort | uniq -c |
    sort -rn | head -5 || true
}
rss_kib() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }

# ---- PostgreSQL --------------------------------------------------------------
url=$("$repo/scripts/pg-test-cluster.sh" start "$cluster")
psql -q "$url" -c 'CREATE DATABASE bench' >/dev/null
bench_url=${url%/*}/bench
if [ "$PIN" = 1 ]; then
  postmaster=$(head -1 "$cluster/data/postmaster.pid")
  for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do
    taskset -a -c -p "$SERVER_CPUS" "$pid" >/dev/null
  done
fi
pg_version=$(psql -Atq "$bench_url" -c 'SHOW server_version')
pg_settings=$(psql -Atq "$bench_url" -c "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name)
  FROM pg_settings WHERE name IN ('fsync','synchronous_commit','shared_buffers','max_connections',
  'default_transaction_isolation','wal_sync_method')")

(cd "$work" && "$BIN" init --db "$bench_url" --demo >/dev/null)
t0=$(ms_now)
(cd "$work" && "$BIN" petitions import --db "$bench_url" --commune "$SLUG" "$seed_csv" \
  >"$work/import-pg.out")
pg_import_ms=$(($(ms_now) - t0))

start_server "$bench_url" pg-a
port_a=$port
start_server "$bench_url" pg-b
port_b=$port
login "$port_a"
pg_seeded=$(stored_total "$port_a")
run_scenarios postgresql "$port_a" "$port_a,$port_b"
pg_non2xx=$(non2xx_log "$work/pg-a.err" "$work/pg-b.err")
pg_rss="A $(rss_kib "${server_pids[0]}") KiB, B $(rss_kib "${server_pids[1]}") KiB"
pg_conns=$(psql -Atq "$bench_url" -c \
  "SELECT count(*) FROM pg_stat_activity WHERE datname = 'bench' AND pid <> pg_backend_pid()")
pg_db_stats=$(psql -Atq "$bench_url" -c "SELECT 'commits=' || xact_commit || ' rollbacks=' ||
  xact_rollback || ' deadlocks=' || deadlocks FROM pg_stat_database WHERE datname = 'bench'")
pg_db_size=$(psql -Atq "$bench_url" -c "SELECT pg_size_pretty(pg_database_size('bench'))")
pg_errors=$(grep -c 'ERROR' "$cluster/server.log" || true)
pg_error_kinds=$(grep -o 'ERROR: .*' "$cluster/server.log" | cut -c1-80 | sort | uniq -c |
  sort -rn | head -5 || true)
stop_servers
# Each PostgreSQL server prints its pool counters when it stops (RunServe).
for name in pg-a pg-b; do
  printf 'server %s at exit: %s\n' "$name" \
    "$(grep -h '^PostgreSQL:' "$work/$name.err" | tail -n 1 || true)" >>"$notes"
done
cp "$cluster/server.log" "$work/pg-server.log"
"$repo/scripts/pg-test-cluster.sh" stop "$cluster"

# ---- SQLite, one server, the same seed ----------------------------------------
if [ "$SQLITE" = 1 ]; then
  "$BIN" init --db "$work/bench.db" --demo >/dev/null
  t0=$(ms_now)
  "$BIN" petitions import --db "$work/bench.db" --commune "$SLUG" "$seed_csv" \
    >"$work/import-sqlite.out"
  sqlite_import_ms=$(($(ms_now) - t0))
  start_server "$work/bench.db" sqlite
  port_s=$port
  login "$port_s"
  sqlite_seeded=$(stored_total "$port_s")
  run_scenarios sqlite "$port_s"
  sqlite_rss=$(rss_kib "${server_pids[0]}")
  sqlite_non2xx=$(non2xx_log "$work/sqlite.err")
  stop_servers
fi

# ---- report --------------------------------------------------------------------
printf '\n%-10s %-34s %7s %12s %9s %9s %8s %8s %7s\n' engine scenario servers "requests/s" \
  "p50 ms" "p99 ms" ratio non-2xx errors
cat "$table"
echo
echo "ratio: requests/s ÷ GET /healthz of the same engine and server count, same run."
echo "errors: wrk socket errors (connect + read + write + timeout)."
cat "$notes"
printf 'seed: %s petitions imported in %d ms into PostgreSQL (%s stored with the demo)' \
  "$SEED_COUNT" "$pg_import_ms" "$pg_seeded"
[ "$SQLITE" = 1 ] && printf ', %d ms into SQLite (%s stored)' "$sqlite_import_ms" "$sqlite_seeded"
echo
echo "PostgreSQL $pg_version: $pg_settings; database size $pg_db_size at the end"
echo "PostgreSQL: $pg_db_stats; $pg_errors ERROR lines in the server log"
[ -n "$pg_error_kinds" ] && echo "$pg_error_kinds"
echo "non-2xx in the servers' access logs: PostgreSQL: ${pg_non2xx:-none}; SQLite: ${sqlite_non2xx:-none}"
echo "PostgreSQL connections open at the end (both servers): $pg_conns"
echo "server RSS after load: PostgreSQL servers $pg_rss${sqlite_rss:+; SQLite server $sqlite_rss KiB}"
printf '%s connections, %s per scenario, server threads %s, %s cores; server side pinned to %s, wrk to %s (PIN=%s)\n' \
  "$CONNECTIONS" "$DURATION" "$SERVER_THREADS" "$(nproc)" "$SERVER_CPUS" "$WRK_CPUS" "$PIN"
exit "${durability_failed:-0}"
