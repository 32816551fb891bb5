#!/usr/bin/env bash
# Petition benchmarks (issue #5), like bench/run.sh: the release binary on
# loopback with the demo commune, pinned to one core (taskset), wrk on the
# other; every HTTP number is also printed as a ratio to GET /healthz measured
# in the same run.
#
#   GET  /healthz                                    the baseline
#   POST /api/v1/communes/hoang-truong/petitions     public submissions (bench/pg.lua, MODE=submit:
#                                                    a unique form_token each); durable: the
#                                                    server replies 201 after COMMIT with
#                                                    synchronous=FULL. Afterwards the stored
#                                                    count (staff API total) must be at least
#                                                    the demo's petitions + the 201s wrk saw.
#   GET  /tra-cuu/<code>                             the public tracking page of a demo petition
#   GET  /api/v1/communes/hoang-truong/petitions?q=… the staff list with search (Bearer token)
#
# Then doithoai_petition_search_bench seeds SEARCH_COUNT synthetic petitions
# into a fresh SQLite file and prints search latency (p50/p95/p99) per query
# group. SEARCH_DB=/path/file.db keeps that database, so a rerun skips
# seeding; SEARCH_COUNT=0 skips the search bench.
#
# Usage: bench/petitions.sh   (DURATION=10s CONNECTIONS=32 THREADS=1 SEARCH_COUNT=1000000)
#        BUILD_DIR=… SKIP_BUILD=1 uses binaries already built in BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_THREADS=${THREADS:-1}
SEARCH_COUNT=${SEARCH_COUNT:-1000000}
SEARCH_DB=${SEARCH_DB:-}
BUILD_DIR=${BUILD_DIR:-build/release}
SLUG=hoang-truong

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset release -DDOITHOAI_BENCH=ON >/dev/null
  cmake --build --preset release -j "$(nproc)" >/dev/null
fi
bin=$BUILD_DIR/doithoai
search_bench=$BUILD_DIR/doithoai_petition_search_bench

work=$(mktemp -d)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    server_pid=""
  fi
  return 0
}
cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" init --db "$work/bench.db" --demo >/dev/null
cpus=$(nproc)
server_cpu=0
wrk_cpu=$(( cpus > 1 ? 1 : 0 ))
taskset -c "$server_cpu" "$bin" serve --db "$work/bench.db" --listen 127.0.0.1:0 \
  --threads "$SERVER_THREADS" --public-rate-limit 0 >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do
  grep -q 'http://' "$work/out" 2>/dev/null && break
  sleep 0.05
done
url=$(grep -o 'http://[0-9.:]*' "$work/out")

# The staff API: a Bearer token of the demo office account.
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d '{"username":"vanphong","password":"doithoai-demo"}' "$url/api/v1/session" |
  grep -o '"token":"[^"]*"' | cut -d'"' -f4)
if [ -z "$token" ]; then
  echo "login as vanphong failed" >&2
  exit 1
fi
staff_list() {  # query string → JSON
  curl -sf -H "Authorization: Bearer $token" "$url/api/v1/communes/$SLUG/petitions?$1"
}
stored_total() { staff_list per_page=1 | grep -o '"total":[0-9]*' | cut -d: -f2; }
code=$(staff_list per_page=1 | grep -o '"code":"[^"]*"' | head -1 | cut -d'"' -f4)
if [ -z "$code" ]; then
  echo "no demo petition found through the staff API" >&2
  exit 1
fi

# measure PATH [wrk options…] → "rps p50_ms p99_ms non2xx"; wrk's output stays in $work/wrk.
measure() {
  local path=$1
  shift
  taskset -c "$wrk_cpu" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url$path" \
    >"$work/wrk" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$work/wrk"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

rss_idle=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
read -r base_rps base_p50 base_p99 base_bad < <(measure /healthz)

before=$(stored_total)
export MODE=submit  # bench/pg.lua: POST generated petitions
read -r post_rps post_p50 post_p99 post_bad < <(measure "/api/v1/communes/$SLUG/petitions" \
  -s bench/pg.lua)
unset MODE
created=$(awk '/^created:/ { print $2 }' "$work/wrk")
replayed=$(awk '/^replayed:/ { print $2 }' "$work/wrk")
after=$(stored_total)

read -r track_rps track_p50 track_p99 track_bad < <(measure "/tra-cuu/$code")
search_q="q=duong&per_page=50"
read -r search_rps search_p50 search_p99 search_bad < <(measure \
  "/api/v1/communes/$SLUG/petitions?$search_q" -H "Authorization: Bearer $token")
search_total=$(staff_list "$search_q" | grep -o '"total":[0-9]*' | cut -d: -f2)
rss_load=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
stop_server

row() {  # name rps p50 p99 non2xx
  printf '%-34s %12.0f %10.3f %10.3f %8s %10s\n' "$1" "$2" "$3" "$4" "$(ratio "$2" "$base_rps")" "$5"
}
printf '\n%-34s %12s %10s %10s %8s %10s\n' endpoint "requests/s" "p50 ms" "p99 ms" ratio non-2xx
row "GET /healthz" "$base_rps" "$base_p50" "$base_p99" "$base_bad"
row "POST …/petitions (durable)" "$post_rps" "$post_p50" "$post_p99" "$post_bad"
row "GET /tra-cuu/$code" "$track_rps" "$track_p50" "$track_p99" "$track_bad"
row "GET …/petitions?q=duong (staff)" "$search_rps" "$search_p50" "$search_p99" "$search_bad"

printf '\nsubmissions: %s created (201), %s replayed (200); stored petitions %s → %s (+%s)\n' \
  "$created" "$replayed" "$before" "$after" "$(( after - before ))"
if [ "$(( after - before ))" -ge "$created" ]; then
  echo "durability check: OK (every 201 is stored)"
else
  echo "durability check: FAILED ($(( after - before )) stored < $created acknowledged)"
  status=1
fi
printf 'staff search "duong" matched %s of %s petitions\n' "$search_total" "$after"
printf 'server RSS: idle %d KiB, after load %d KiB; %s connections, %s, server threads %s, %s cores\n' \
  "$rss_idle" "$rss_load" "$CONNECTIONS" "$DURATION" "$SERVER_THREADS" "$cpus"

if [ "$SEARCH_COUNT" -gt 0 ]; then
  echo
  if [ -x "$search_bench" ]; then
    "$search_bench" --count "$SEARCH_COUNT" ${SEARCH_DB:+--db "$SEARCH_DB"}
  else
    echo "$search_bench is missing (configure with -DDOITHOAI_BENCH=ON)" >&2
    status=1
  fi
fi
exit "${status:-0}"
