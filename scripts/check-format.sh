#!/usr/bin/env bash
# Fails when a C++ file differs from clang-format's output. Checks the files
# changed against BASE (default: the merge base with origin/main, else every
# tracked file) — CI fails on format drift in changed files.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
base="${BASE:-}"
if [ -z "$base" ] && git rev-parse -q --verify origin/main >/dev/null; then
  base=$(git merge-base HEAD origin/main)
fi
if [ -n "$base" ] && [ "$base" != "$(git rev-parse HEAD)" ]; then
  files=$(git diff --name-only --diff-filter=ACMR "$base" -- '*.cc' '*.h')
else
  files=$(git ls-files '*.cc' '*.h')
fi
status=0
for f in $files; do
  [ -f "$f" ] || continue
  if ! clang-format --style=file "$f" | cmp -s - "$f"; then
    echo "Sai định dạng (chạy clang-format -i): $f" >&2
    status=1
  fi
done
exit $status
