#!/usr/bin/env bash
# Content-repository benchmark (issue 6): publish time of a 5,000-block course, the cached grading-structure read
# at 500 requests/s, and a 100,000-block course published and served within the service's default heap.
# Needs the platform up (./platform up). Usage: bench/content/run.sh [CONTENT_URL]
set -euo pipefail
CONTENT="${1:-http://127.0.0.1:8083}"
AUTH="${AUTH_URL:-http://127.0.0.1:8081}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$(dirname "$0")/../.."

for tool in curl hey python3; do command -v "$tool" >/dev/null || { echo "needs $tool (apt install $tool)"; exit 1; }; done

kc=$(curl -sf -d grant_type=password -d client_id=frontend -d username=admin -d password=admin-dev-pass \
  "$KEYCLOAK/realms/openedx/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
TOKEN=$(curl -sf --data-urlencode grant_type=urn:ietf:params:oauth:grant-type:token-exchange \
  --data-urlencode "subject_token=$kc" \
  --data-urlencode subject_token_type=urn:ietf:params:oauth:token-type:access_token \
  "$AUTH/api/auth/v1/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
PID=$(pgrep -f 'content-repository/target/quarkus-app/quarkus-run.jar' | head -1 || true)

rss() { [ -n "$PID" ] && awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$PID/status" || echo "n/a"; }

# one course: generate, import into an empty run, publish (timed), read its structure
course_run() {
  local blocks="$1" course="course-v1:Bench+B$1+R$(date +%s%N | tail -c 7)"
  local made; made=$(python3 bench/content/make_course.py "$blocks" "$course" "$WORK/course.zip")
  local took; took=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/zip' --data-binary @"$WORK/course.zip" "$CONTENT/api/content/v1/courses/$course/archive")
  echo "  import of $made blocks into the draft (setup, not a target): ${took}s" >&2
  local best=""
  for attempt in 1 2 3; do
    local t; t=$(curl -sf -o "$WORK/publish.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $TOKEN" \
      "$CONTENT/api/content/v1/courses/$course/publish")
    echo "  publish #$attempt of $made blocks: ${t}s ($(sed -E 's/.*"version":([0-9]+).*/v\1/' "$WORK/publish.json")), RSS $(rss)" >&2
    best="$t"
  done
  local size; size=$(curl -sf -o "$WORK/structure.json" -w '%{size_download}' -H "Authorization: Bearer $TOKEN" \
    "$CONTENT/api/content/v1/courses/$course/structure?version=1")
  echo "  structure v1: $size bytes, $(python3 -c "import json;d=json.load(open('$WORK/structure.json'));print(len(d['subsections']),'subsections,',d['problemCount'],'problems')")" >&2
  echo "$course"
}

echo "== 5,000-block course (target: publish at most 2 s)"
small=$(course_run 5000)
url="$CONTENT/api/content/v1/courses/$small/structure?version=1"
for encoding in gzip identity; do
  echo "== structure read at 500 req/s for 30 s after a 5 s warm-up, Accept-Encoding: $encoding (target: p99 at most 10 ms)"
  hey -z 5s -c 10 -q 50 -H "Accept-Encoding: $encoding" -H "Authorization: Bearer $TOKEN" "$url" >/dev/null
  hey -z 30s -c 10 -q 50 -H "Accept-Encoding: $encoding" -H "Authorization: Bearer $TOKEN" "$url" \
    | grep -E 'Requests/sec|50% in|90% in|99% in|responses'
done
echo "== 100,000-block course (target: publishes and serves its structure in the default heap)"
course_run 100000 >/dev/null
if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then echo "content-repository still running, RSS $(rss)"; else echo "content-repository is gone"; exit 1; fi
grep -c OutOfMemoryError "${PLATFORM_HOME:-.platform}/logs/content-repository.log" 2>/dev/null | sed 's/^/OutOfMemoryError lines in the log: /' || true
