#!/usr/bin/env bash
# `doithoai copy` timing (issue #8 §5): how long a province takes to add a commune.
# A commune PC's SQLite file (the demo commune plus SEED_COUNT petitions, default
# 10,000, imported from the fixed-seed CSV of bench/seed_csv.sh) is copied with
# `--commune hoang-truong` into a PostgreSQL database that already serves another
# commune with the same number of petitions. Then the commune is copied back out
# into a new SQLite file. Both copies re-seal every identity under the target's key
# (each side has its own key file), check every table by count and checksum, and
# index the petitions for search. The script prints wall time, petitions per
# second, and the row counts on each side.
# Usage: BIN=build/release/doithoai bench/copy.sh   (without BIN: builds the
# release preset first). Needs PostgreSQL 15 (scripts/install-deps.sh bench).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
. bench/seed_csv.sh
SEED_COUNT=${SEED_COUNT:-10000}
if [ -z "${BIN:-}" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)" --target doithoai >/dev/null
  BIN=build/release/doithoai
fi
case "$BIN" in /*) ;; *) BIN=$repo/$BIN ;; esac
[ -x "$BIN" ] || { echo "no executable $BIN" >&2; exit 1; }

work=$(mktemp -d /tmp/doithoai-copybench-XXXXXX)
chmod 0755 "$work"
cluster=$work/cluster
cleanup() {
  [ -d "$cluster/data" ] && "$repo/scripts/pg-test-cluster.sh" stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
ms_now() { date +%s%3N; }

write_seed_csv "$SEED_COUNT" "$work/seed.csv"
url=$("$repo/scripts/pg-test-cluster.sh" start "$cluster")
psql -q "$url" -c 'CREATE DATABASE province' >/dev/null
province=${url%/*}/province
cd "$work"
# The province already serves Hoằng Hóa with SEED_COUNT petitions.
"$BIN" init --db "$province" >/dev/null
"$BIN" commune add --db "$province" --slug hoang-hoa --name "Xã Hoằng Hóa" \
  --unit-code 15865 >/dev/null
printf 'STT,Tên thôn\n' >villages.csv
for v in 1 2 3 4 5 6 7 8 9; do printf '%d,Thôn %d\n' "$v" "$v" >>villages.csv; done
"$BIN" commune import --db "$province" --commune hoang-hoa villages.csv >/dev/null
"$BIN" petitions import --db "$province" --commune hoang-hoa seed.csv >/dev/null
# The commune PC: the demo commune and SEED_COUNT petitions, its own key.
"$BIN" init --db xa.db --demo >/dev/null
"$BIN" petitions import --db xa.db --commune hoang-truong seed.csv >/dev/null
count() {  # petitions in a SQLite file or a PostgreSQL URL
  case "$1" in
    postgresql://*) psql -Atq "$1" -c "SELECT count(*) FROM petitions" ;;
    *) sqlite3 "$1" "SELECT count(*) FROM petitions" ;;
  esac
}
petitions=$(count xa.db)

t0=$(ms_now)
"$BIN" copy --from sqlite:xa.db --to "$province" --commune hoang-truong >copy-in.out
in_ms=$(($(ms_now) - t0))
t0=$(ms_now)
"$BIN" copy --from "$province" --to sqlite:back.db --commune hoang-truong >copy-out.out
out_ms=$(($(ms_now) - t0))
"$BIN" audit verify --db "$province" >/dev/null
"$BIN" audit verify --db back.db >/dev/null

echo "## doithoai copy --commune ($(nproc) cores, $(psql -Atq "$province" -c 'SHOW server_version'))"
echo
echo "| copy | petitions | wall time | petitions/s |"
echo "|---|---|---|---|"
printf '| SQLite file → PostgreSQL holding another commune of %d | %d | %d ms | %d |\n' \
  "$SEED_COUNT" "$petitions" "$in_ms" $((petitions * 1000 / (in_ms > 0 ? in_ms : 1)))
printf '| PostgreSQL → new SQLite file | %d | %d ms | %d |\n' \
  "$(count back.db)" "$out_ms" $(($(count back.db) * 1000 / (out_ms > 0 ? out_ms : 1)))
echo
echo "Province petitions after the copy: $(count "$province"); audit chains verified on both targets."
tail -1 copy-in.out
