#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (issue #8): started as an
# unprivileged user in a temporary directory, listening on a loopback port
# only, trust authentication for that loopback, with the pg_trgm extension
# in the test database. Nothing outside the directory is touched.
#
#   scripts/pg-test-cluster.sh start [DIR]   # prints the --db URL on stdout
#   scripts/pg-test-cluster.sh stop DIR
#   scripts/pg-test-cluster.sh run CMD ARGS…  # start, run CMD with
#       DOITHOAI_TEST_PG_URL and DOITHOAI_REQUIRE_PG=1 set, stop; CMD's status
#
# `make test` runs ctest through `run`, so every PostgreSQL test runs (and a
# missing cluster fails them instead of skipping them).
#
# `start` writes DIR/url (the URL) and DIR/port; `stop` stops the server and
# removes DIR. The binaries come from Debian's postgresql-15
# (scripts/install-deps.sh installs it).
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DB_NAME=doithoai
DB_USER=doithoai

die() {
  echo "pg-test-cluster: $*" >&2
  exit 1
}

# The user that runs the server: the caller unless it is root (initdb and
# postgres refuse root), then "nobody".
run_as() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u nobody -- "$@"
  else
    "$@"
  fi
}

# A loopback port nobody listens on (a connection attempt is refused).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "không tìm được cổng trống trên 127.0.0.1"
}

start() {
  [ -x "$PG_BIN/initdb" ] || die "không thấy $PG_BIN/initdb (cài postgresql-15: scripts/install-deps.sh test)"
  local dir=${1:-$(mktemp -d /tmp/doithoai-pg-XXXXXX)}
  mkdir -p "$dir"
  chmod 0755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown nobody "$dir"; fi
  run_as "$PG_BIN/initdb" -D "$dir/data" -U "$DB_USER" --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || die "initdb thất bại; xem $dir/initdb.log"
  local port
  port=$(free_port)
  run_as "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on" start >/dev/null \
    || die "không khởi động được PostgreSQL; xem $dir/server.log"
  run_as "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE $DB_NAME" >/dev/null
  run_as "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -q \
    -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >/dev/null
  local url="postgresql://$DB_USER@127.0.0.1:$port/$DB_NAME"
  echo "$port" >"$dir/port"
  echo "$url" >"$dir/url"
  echo "$url"
}

stop() {
  local dir=${1:?thiếu thư mục của cụm}
  [ -d "$dir/data" ] || die "$dir không phải cụm do script này tạo"
  run_as "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

run() {
  [ $# -gt 0 ] || die "thiếu lệnh cần chạy"
  RUN_DIR=$(mktemp -d /tmp/doithoai-pg-XXXXXX)
  trap 'stop "$RUN_DIR"' EXIT
  DOITHOAI_TEST_PG_URL=$(start "$RUN_DIR")
  export DOITHOAI_TEST_PG_URL
  export DOITHOAI_REQUIRE_PG=1
  echo "PostgreSQL thử nghiệm: $DOITHOAI_TEST_PG_URL" >&2
  local status=0
  "$@" || status=$?
  exit "$status"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  run) shift; run "$@" ;;
  *) echo "cách dùng: $0 start [DIR] | stop DIR | run CMD…" >&2; exit 2 ;;
esac
