#!/usr/bin/env bash
# SQL injection scan of every Konbit route that takes a parameter, with sqlmap (Debian's package),
# against a throwaway server on loopback with the demo mission, signed in as the administrator.
# Path parameters, query parameters and every value of JSON bodies are tried.
#
#   scripts/sqlmap-scan.sh [--jobs N] [--level 1..5] [--risk 1..3] [--only REGEX]
#
# Needs: apt-get install -y sqlmap. Writes sqlmap's logs under $KONBIT_SQLMAP_OUT (default a fresh
# folder in /tmp) and prints a summary: targets scanned, injectable parameters found (none expected).
# Runs on SQLite; set DATABASE_URL to a scratch PostgreSQL database to scan that instead (its
# content is replaced by the demo). Only 127.0.0.1 is ever contacted.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=4 level=1 risk=1 only='.'
while [ $# -gt 0 ]; do
  case "$1" in
    --jobs) jobs="$2"; shift 2 ;;
    --level) level="$2"; shift 2 ;;
    --risk) risk="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v sqlmap >/dev/null || { echo "sqlmap is not installed: apt-get install -y sqlmap" >&2; exit 1; }

out="${KONBIT_SQLMAP_OUT:-$(mktemp -d /tmp/konbit-sqlmap-XXXXXX)}"
data="$(mktemp -d /tmp/konbit-sqlmap-data-XXXXXX)"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
base="http://127.0.0.1:${port}"
password="sqlmap-scan-$(date +%s)"
mkdir -p "$out"

echo "== starting Konbit with the demo mission on ${base} (data in ${data}, logs in ${out})"
if [ -n "${DATABASE_URL:-}" ]; then
  HOST=127.0.0.1 PORT="$port" KONBIT_DATA_DIR="$data" KONBIT_DEMO_PASSWORD="$password" node bin/konbit.js demo --yes >"$out/demo.log" 2>&1
fi
HOST=127.0.0.1 PORT="$port" KONBIT_DATA_DIR="$data" KONBIT_DEMO_PASSWORD="$password" LOG_LEVEL=warn \
  node bin/konbit.js serve >"$out/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  curl -fsS "${base}/readyz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$out/server.log"; exit 1; }
  sleep 0.5
done
curl -fsS "${base}/readyz" >/dev/null

echo "== signing in as admin"
login="$(curl -fsS -c "$out/cookies.txt" -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"${password}\"}" "${base}/api/v1/auth/login")"
csrf="$(node -e "console.log(JSON.parse(process.argv[1]).csrfToken)" "$login")"
session="$(awk '$6 == "konbit_session" { print $7 }' "$out/cookies.txt")"
cookie="konbit_session=${session}"

node bin/run-ts.js test/reliability/sqlmap-targets.ts "$base" "$cookie" | grep -E "$only" >"$out/targets.jsonl"
total="$(wc -l <"$out/targets.jsonl")"
echo "== ${total} routes with parameters; sqlmap --level ${level} --risk ${risk}, ${jobs} at a time"

scan_one() {
  local dir="$1" target method url data
  target="$(cat "$dir/target.json")"
  method="$(node -e "console.log(JSON.parse(process.argv[1]).method)" "$target")"
  url="$(node -e "console.log(JSON.parse(process.argv[1]).url)" "$target")"
  data="$(node -e "console.log(JSON.parse(process.argv[1]).data ?? '')" "$target")"
  local args=(-u "$url" --method "$method" --cookie "$cookie"
    --batch --level "$level" --risk "$risk" --technique BEUST --time-sec 2 --timeout 10 --retries 1
    --ignore-code 400,401,403,404,409,413,415,422,429 --flush-session --output-dir "$dir" --disable-coloring)
  if [ -n "$data" ]; then
    args+=(--data "$data" --headers "X-CSRF-Token: ${csrf}
Content-Type: application/json")
  else
    args+=(--headers "X-CSRF-Token: ${csrf}")
  fi
  timeout 900 sqlmap "${args[@]}" >"$dir/sqlmap.log" 2>&1 || true
  if grep -q "sqlmap identified the following injection point" "$dir/sqlmap.log"; then
    echo "INJECTABLE ${method} ${url}"
  elif grep -qE "do not appear to be injectable|not injectable" "$dir/sqlmap.log"; then
    echo "clean ${method} ${url}"
  else
    echo "unfinished ${method} ${url} (see ${dir}/sqlmap.log)"
  fi
}
export -f scan_one
export cookie csrf level risk

n=0
while read -r line; do
  n=$((n + 1))
  mkdir -p "$out/target-$n"
  printf '%s\n' "$line" >"$out/target-$n/target.json"
done <"$out/targets.jsonl"

started=$(date +%s)
find "$out" -maxdepth 1 -name 'target-*' -type d | sort -V | xargs -P "$jobs" -I{} bash -c 'scan_one "$1"' _ {} | tee "$out/results.txt"

echo "== summary ($(( $(date +%s) - started )) s)"
echo "routes scanned:  ${total}"
echo "clean:           $(grep -c '^clean' "$out/results.txt" || true)"
echo "injectable:      $(grep -c '^INJECTABLE' "$out/results.txt" || true)"
echo "unfinished:      $(grep -c '^unfinished' "$out/results.txt" || true)"
grep '^INJECTABLE' "$out/results.txt" && exit 1 || exit 0
