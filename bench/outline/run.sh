#!/usr/bin/env bash
# The learner's course outline through the gateway (issue 17; target: p99 under 20 ms at 500 requests/s for a
# 200-subsection course). Builds a course of 20 chapters x 10 subsections (about 10,000 blocks, 6,000 problems),
# publishes it, enrolls learner1, then reads GET /api/grades/v1/me/courses/{key}/outline with learner1's Keycloak
# token (exchanged once at the edge, as a browser's would be) at 500 req/s for 60 s after a 20 s warm-up.
# Needs the platform up (./platform up). Usage: bench/outline/run.sh [GATEWAY_URL]
set -euo pipefail
GATEWAY="${1:-http://127.0.0.1:8080}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
DURATION="${DURATION:-60s}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
cd "$(dirname "$0")/../.."

for tool in curl hey python3; do command -v "$tool" >/dev/null || { echo "needs $tool (apt install $tool)"; exit 1; }; done

token() {
  curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$1-dev-pass" \
    "$KEYCLOAK/realms/openedx/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
ADMIN=$(token admin)
LEARNER=$(token learner1)
curl -sf -o /dev/null -H "Authorization: Bearer $LEARNER" "$GATEWAY/api/auth/v1/me"

org="Outline$(date +%s | tail -c 6)"
start=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)
course=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"org\":\"$org\",\"number\":\"OUT\",\"run\":\"2026\",\"title\":\"Outline bench\",\"start\":\"$start\"}" \
  "$GATEWAY/api/authoring/v1/course-runs" | sed -E 's/.*"courseKey":"([^"]+)".*/\1/')
python3 bench/content/make_course.py 10221 "$course" "$WORK/course.zip" >/dev/null
curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/zip' \
  --data-binary @"$WORK/course.zip" "$GATEWAY/api/content/v1/courses/$course/archive"
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" "$GATEWAY/api/content/v1/courses/$course/publish"
# a new run reaches enrollment through the outbox: retry until enrollment knows it
for i in $(seq 1 50); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $LEARNER" \
    -H 'Content-Type: application/json' -d '{"mode":"audit"}' \
    "$GATEWAY/api/enrollment/v1/courses/$course/enrollments/me")
  [ "$status" = 201 ] || [ "$status" = 200 ] && break
  sleep 0.2
done
url="$GATEWAY/api/grades/v1/me/courses/$course/outline"
curl -sf -o "$WORK/outline.json" -H "Authorization: Bearer $LEARNER" "$url"
python3 -c "
import json; d = json.load(open('$WORK/outline.json'))
print('outline of', '$course:', len(d['chapters']), 'chapters,', sum(len(c['sequences']) for c in d['chapters']),
      'subsections,', len(open('$WORK/outline.json').read()), 'bytes, view', d['view'])"

echo "== warm-up: 20 s at 500 req/s"
hey -z 20s -c 10 -q 50 -H "Authorization: Bearer $LEARNER" "$url" >/dev/null
echo "== outline through the gateway at 500 req/s for $DURATION (target: p99 under 20 ms)"
hey -z "$DURATION" -c 10 -q 50 -H "Authorization: Bearer $LEARNER" "$url" \
  | grep -E 'Requests/sec|50% in|90% in|95% in|99% in|\[[0-9]+\]'
