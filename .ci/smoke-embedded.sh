#!/usr/bin/env bash
# Starts the zero-setup default (embedded Postgres, fresh data dir), waits for /health 200, stops it with SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-3987}
data_dir=.data/ci-smoke
rm -rf "$data_dir"
log=$(mktemp)
env -u DATABASE_URL PORT="$port" DATA_DIR="$data_dir" npm start >"$log" 2>&1 &
pid=$!
status=000
for _ in $(seq 1 120); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
  [ "$status" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
echo "GET /health -> $status"
api=$(pgrep -f '^node (--[^ ]+ )*dist/apps/api/src/main.js' || true)
[ -n "$api" ] && kill -TERM $api
for _ in $(seq 1 30); do [ -n "$api" ] && kill -0 $api 2>/dev/null || break; sleep 0.5; done
wait "$pid" || true
if [ "$status" != 200 ]; then cat "$log"; exit 1; fi
if pgrep -f "$data_dir/postgres" >/dev/null; then echo "embedded Postgres still running after SIGTERM"; exit 1; fi
rm -rf "$data_dir" "$log"
echo "smoke test passed"
