#!/usr/bin/env bash
# Gateway benchmark (issue 4): the same load through (a) the gateway, validating the JWT at the edge, (b) nginx as a
# plain reverse proxy to the same upstream, (c) the upstream directly; prints throughput, latency at 1,000 req/s,
# the ratios to the targets, and the gateway's RSS under load. Needs the platform up, wrk, hey, nginx (Debian).
# One user drives all the load, so the gateway must run with a per-user bucket above it (its rate limiter still runs):
#   kill the gateway, then GATEWAY_RATE_LIMIT_STANDARD_CAPACITY=10000000 \
#     GATEWAY_RATE_LIMIT_STANDARD_REFILL_PER_SECOND=10000000 ./platform up
# Every run checks that no answer was an error (a 429 would make the gateway look fast).
# Usage: bench/gateway/run.sh [DURATION]
set -euo pipefail
DURATION="${1:-20s}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
UPSTREAM="${UPSTREAM_URL:-http://127.0.0.1:8083}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
AUTH="${AUTH_URL:-http://127.0.0.1:8081}"
NGINX_PORT=18090
cd "$(dirname "$0")/../.."
for tool in wrk hey nginx python3; do command -v "$tool" >/dev/null || { echo "needs $tool"; exit 1; }; done
WORK="$(mktemp -d)"
cleanup() { [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# a platform token (admin), so all three paths carry the same credential and the upstream verifies it each time
kc=$(curl -sf -d grant_type=password -d client_id=frontend -d username=admin -d password=admin-dev-pass \
  "$KEYCLOAK/realms/openedx/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
TOKEN=$(curl -sf --data-urlencode grant_type=urn:ietf:params:oauth:grant-type:token-exchange \
  --data-urlencode "subject_token=$kc" --data-urlencode subject_token_type=urn:ietf:params:oauth:token-type:access_token \
  "$AUTH/api/auth/v1/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

# the upstream call: a small published course's grading structure (served from memory by content-repository)
course="course-v1:GwBench+G+R$RANDOM"
python3 bench/content/make_course.py 60 "$course" "$WORK/c.zip" >/dev/null
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/zip' --data-binary @"$WORK/c.zip" \
  "$UPSTREAM/api/content/v1/courses/$course/archive"
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "$UPSTREAM/api/content/v1/courses/$course/publish"
PATH_Q="/api/content/v1/courses/$course/structure?version=1"
upstream_hostport="${UPSTREAM#http://}"

cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend { server $upstream_hostport; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/error.log"
sleep 1

GW_PID=$(pgrep -f 'gateway/target/quarkus-app/quarkus-run.jar' | head -1)
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$GW_PID/status"; }

throughput() { # URL -> requests/s (wrk, 2 threads, 32 connections); fails on any non-2xx answer
  local out; out=$(wrk -t2 -c32 -d"$DURATION" -H "Authorization: Bearer $TOKEN" "$1$PATH_Q")
  if grep -q 'Non-2xx' <<<"$out"; then echo "errors from $1: $(grep 'Non-2xx' <<<"$out")" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
latency() { # URL -> "p50 p99" in ms at 1,000 req/s (hey, 20 workers x 50/s); fails on any non-200 answer
  local out; out=$(hey -z "$DURATION" -c 20 -q 50 -H "Authorization: Bearer $TOKEN" "$1$PATH_Q")
  if grep -E '^\s+\[[0-9]+\]' <<<"$out" | grep -vq '\[200\]'; then echo "errors from $1" >&2; exit 1; fi
  awk '/ 50% in/ {p50=$3*1000} / 99% in/ {p99=$3*1000} END {printf "%.2f %.2f", p50, p99}' <<<"$out"
}

# a JVM compiles its hot paths during the first minute of load (C2, two compiler threads here): measure the steady
# state, which is what a long-running gateway serves
WARMUP="${WARMUP:-30s}"
echo "warming up all three paths ($WARMUP each)"
for url in "$UPSTREAM" "http://127.0.0.1:$NGINX_PORT" "$GATEWAY"; do
  wrk -t2 -c16 -d"$WARMUP" -H "Authorization: Bearer $TOKEN" "$url$PATH_Q" >/dev/null
done

echo "== throughput ($DURATION each, wrk -t2 -c32)"
direct_rps=$(throughput "$UPSTREAM")
nginx_rps=$(throughput "http://127.0.0.1:$NGINX_PORT")
rss_before=$(rss)
( max=0; while sleep 0.5; do r=$(rss); [ "$r" -gt "$max" ] && max=$r && echo "$max" > "$WORK/rss.max"; done ) &
sampler=$!
gateway_rps=$(throughput "$GATEWAY")
kill "$sampler" 2>/dev/null || true
rss_max=$(cat "$WORK/rss.max" 2>/dev/null || echo "$rss_before")
echo "direct  $direct_rps req/s"
echo "nginx   $nginx_rps req/s"
echo "gateway $gateway_rps req/s (RSS under load up to ${rss_max} MB)"

latencies() { # FN -> shows FN's "p50 p99" on the upstream, nginx and the gateway; leaves the six in $WORK/latencies
  local direct nginx_ gateway
  direct=$("$1" "$UPSTREAM"); nginx_=$("$1" "http://127.0.0.1:$NGINX_PORT"); gateway=$("$1" "$GATEWAY")
  # shellcheck disable=SC2086
  printf '%-7s p50 %s ms  p99 %s ms\n' direct $direct nginx $nginx_ gateway $gateway
  echo "$direct $nginx_ $gateway" > "$WORK/latencies"
}
echo "== latency at 1,000 req/s ($DURATION each, hey -c 20 -q 50)"
latencies latency
read -r d50 d99 n50 n99 g50 g99 < "$WORK/latencies"

# hey starts its workers' tickers together: 20 workers at 50/s send 20 requests at once every 20 ms. The same rate
# with the workers' moments spread out: 20 one-worker hey processes started about 1.3 ms apart.
spread_latency() { # URL -> "p50 p99" in ms; fails on any non-200 answer
  local i
  for i in $(seq 0 19); do
    hey -z "$DURATION" -c 1 -q 50 -o csv -H "Authorization: Bearer $TOKEN" "$1$PATH_Q" > "$WORK/spread.$i.csv" &
    sleep 0.0013
  done
  wait
  python3 - "$WORK" <<'PY'
import glob, sys
times, bad = [], 0
for f in glob.glob(sys.argv[1] + "/spread.*.csv"):
    for row in open(f).read().splitlines()[1:]:
        cols = row.split(",")
        bad += cols[6] != "200"
        times.append(float(cols[0]) * 1000)
if bad:
    sys.exit(f"{bad} answers were not 200")
times.sort()
print(f"{times[len(times) // 2]:.2f} {times[int(len(times) * 0.99)]:.2f}")
PY
}
echo "== latency at 1,000 req/s, requests spread evenly ($DURATION each, 20 x hey -c 1 -q 50)"
latencies spread_latency
read -r sd50 sd99 sn50 sn99 sg50 sg99 < "$WORK/latencies"

python3 - "$gateway_rps" "$nginx_rps" "$direct_rps" "$g50" "$d50" "$g99" "$d99" "$rss_max" \
    "$sg50" "$sd50" "$sg99" "$sd99" <<'PY'
import sys
g, n, d, g50, d50, g99, d99, rss, sg50, sd50, sg99, sd99 = map(float, sys.argv[1:])
def verdict(ok): return "met" if ok else "NOT met"
print(f"gateway/nginx throughput {g/n:.2f}x (target >= 0.8x: {verdict(g/n >= 0.8)}); gateway/direct {g/d:.2f}x")
print(f"added p50 {g50-d50:.2f} ms (target <= 0.5: {verdict(g50-d50 <= 0.5)}); "
      f"added p99 {g99-d99:.2f} ms (target <= 2: {verdict(g99-d99 <= 2)})")
print(f"spread evenly: added p50 {sg50-sd50:.2f} ms (target <= 0.5: {verdict(sg50-sd50 <= 0.5)}); "
      f"added p99 {sg99-sd99:.2f} ms (target <= 2: {verdict(sg99-sd99 <= 2)})")
print(f"gateway RSS under load {rss:.0f} MB (target <= 300: {verdict(rss <= 300)})")
PY
