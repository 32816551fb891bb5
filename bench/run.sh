#!/usr/bin/env bash
# HTTP benchmark: the release binary on loopback, measured with wrk.
# Measures GET /healthz (the baseline), GET /x/hoang-truong (a page that
# reads the commune, its villages, units and officials from SQLite and renders
# templates) and the public conference page /x/hoang-truong/hoi-nghi/1 in the same run, and prints requests/s, p50/p99 and the ratio to
# the baseline. The server gets one core (taskset), wrk the other.
#
# Usage: bench/run.sh            (DURATION=10s CONNECTIONS=32 THREADS=1)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
SERVER_THREADS=${THREADS:-1}

cmake --preset release -DDOITHOAI_BENCH=ON >/dev/null
cmake --build --preset release -j "$(nproc)" >/dev/null
bin=build/release/doithoai

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" init --db "$work/bench.db" --demo >/dev/null
cpus=$(nproc)
server_cpu=0
wrk_cpu=$(( cpus > 1 ? 1 : 0 ))
taskset -c "$server_cpu" "$bin" serve --db "$work/bench.db" --listen 127.0.0.1:0 \
  --threads "$SERVER_THREADS" >"$work/out" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do
  grep -q 'http://' "$work/out" 2>/dev/null && break
  sleep 0.05
done
url=$(grep -o 'http://[0-9.:]*' "$work/out")
rss_idle=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")

# wrk output → "rps p50_ms p99_ms"
measure() {
  local path=$1
  taskset -c "$wrk_cpu" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url$path" >"$work/wrk" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %.3f %.3f %s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$work/wrk"
}

read -r base_rps base_p50 base_p99 base_bad < <(measure /healthz)
read -r page_rps page_p50 page_p99 page_bad < <(measure /x/hoang-truong)
read -r conf_rps conf_p50 conf_p99 conf_bad < <(measure /x/hoang-truong/hoi-nghi/1)
rss_load=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")

printf '\n%-22s %12s %10s %10s %8s %10s\n' endpoint "requests/s" "p50 ms" "p99 ms" ratio non-2xx
printf '%-22s %12.0f %10.3f %10.3f %8.2f %10s\n' /healthz "$base_rps" "$base_p50" "$base_p99" 1 "$base_bad"
printf '%-22s %12.0f %10.3f %10.3f %8.2f %10s\n' /x/hoang-truong "$page_rps" "$page_p50" "$page_p99" \
  "$(awk -v a="$page_rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')" "$page_bad"
printf '%-22s %12.0f %10.3f %10.3f %8.2f %10s\n' /x/…/hoi-nghi/1 "$conf_rps" "$conf_p50" "$conf_p99" \
  "$(awk -v a="$conf_rps" -v b="$base_rps" 'BEGIN { printf "%.2f", a / b }')" "$conf_bad"
printf '\nserver RSS: idle %d KiB, after load %d KiB; %s connections, %s, server threads %s, %s cores\n' \
  "$rss_idle" "$rss_load" "$CONNECTIONS" "$DURATION" "$SERVER_THREADS" "$cpus"

# Per-request work in-process (Google Benchmark), as ratios to the /healthz body.
echo
build/release/doithoai_micro_bench --benchmark_min_time=0.3 --benchmark_format=csv 2>/dev/null |
  awk -F, 'NR > 1 { gsub(/"/, "", $1); gsub(/"/, "", $8); t[$1] = $3; label[$1] = $8; order[n++] = $1 }
    END {
      base = t["BM_HealthzBody"]
      printf "%-28s %14s %12s  %s\n", "micro-benchmark", "ns/op", "x baseline", "output"
      for (i = 0; i < n; i++)
        printf "%-28s %14.0f %12.1f  %s\n", order[i], t[order[i]], t[order[i]] / base, label[order[i]]
    }'

# Issue #6: duplicate grouping over 100,000 synthetic petitions and
# suggestion / similarity latency per petition (Google Benchmark).
echo
# JSON output: the CSV reporter refuses benchmarks with different counters.
build/release/doithoai_suggestion_bench --benchmark_min_time=0.2 --benchmark_format=json \
  2>/dev/null | python3 -c '
import json, sys
runs = json.load(sys.stdin)["benchmarks"]
scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}
us = {r["name"]: r["real_time"] * scale[r["time_unit"]] for r in runs}
base = us["BM_FoldBaseline"]
print("%-40s %14s %12s" % ("suggestion benchmark", "time/op", "x baseline"))
for r in runs:
    extra = "  ".join("%s=%g" % (k, r[k]) for k in ("grouped", "groups", "hits_per_query") if k in r)
    print("%-40s %11.1f us %12.1f  %s" % (r["name"], us[r["name"]], us[r["name"]] / base, extra))
'
