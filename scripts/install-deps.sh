#!/usr/bin/env bash
# Installs the Debian 12 packages doithoai needs, only those missing.
# Usage: scripts/install-deps.sh run|test|bench
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

run_pkgs=(g++ cmake make pkg-config libmicrohttpd-dev libsqlite3-dev sqlite3 libicu-dev
          nlohmann-json3-dev libcli11-dev libsodium-dev libzip-dev libexpat1-dev
          libcairo2-dev libpango1.0-dev fonts-liberation2 libmstch-dev libboost-dev zlib1g-dev
          libqrencode-dev libxlsxwriter-dev libcurl4-openssl-dev espeak-ng libpq-dev)
# postgresql-15 (server, contrib with pg_trgm, client): the throwaway test
# cluster of scripts/pg-test-cluster.sh. nginx: the hostile-input suite sends
# its framing attacks through nginx as docs/deploying.md deploys it.
test_pkgs=(libgtest-dev clang-format chromium poppler-utils zip unzip postgresql-15
           postgresql-client-15 nginx)
bench_pkgs=(wrk libbenchmark-dev)

want=("${run_pkgs[@]}")
case "${1:-run}" in
  run) ;;
  test)
    want+=("${test_pkgs[@]}")
    # Browser tests need Node.js and npm; the machine image usually has them.
    command -v node >/dev/null 2>&1 || want+=(nodejs)
    command -v npm >/dev/null 2>&1 || want+=(npm)
    ;;
  bench) want+=("${bench_pkgs[@]}") ;;
  *) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Cài đặt các gói còn thiếu: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "Lỗi: cần quyền root (hoặc sudo) để cài: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
