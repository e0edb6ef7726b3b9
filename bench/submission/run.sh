#!/usr/bin/env bash
# Submission benchmark (issue 8): submissions through the gateway (Keycloak token exchanged at the edge, enrollment,
# schedule and answer key checked, graded, scored, outbox), then proof that every submission led to exactly one
# submission.scored event on RabbitMQ. Needs the platform up (./platform up), wrk, python3 and rabbitmqadmin.
# Usage: bench/submission/run.sh [DURATION] [CONNECTIONS]
set -euo pipefail
DURATION="${1:-30s}"; CONNECTIONS="${2:-8}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
ITEMS=200
QUEUE="bench.submission.scored.$$"
cd "$(dirname "$0")/../.."
WORK="$(mktemp -d)"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
CP="$(ls "$M2"/com/rabbitmq/amqp-client/*/amqp-client-*.jar | tail -1):$(ls "$M2"/org/slf4j/slf4j-api/*/slf4j-api-*.jar | tail -1)"
events() { java -cp "$CP" bench/submission/ScoredEvents.java "$@" 2>/dev/null; }
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$1-dev-pass" \
  "$KEYCLOAK/realms/openedx/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
api() { local user="$1"; shift; curl -sf -H "Authorization: Bearer $(kc "$user")" "$@"; }

for user in learner1 instructor; do api "$user" -o /dev/null "$GATEWAY/api/auth/v1/me"; done
org="Bench$RANDOM"
course=$(api admin -H 'Content-Type: application/json' \
  -d "{\"org\":\"$org\",\"number\":\"SUB\",\"run\":\"R1\",\"title\":\"Submission benchmark\"}" \
  "$GATEWAY/api/authoring/v1/course-runs" | sed -E 's/.*"courseKey":"([^"]+)".*/\1/')
api admin -o /dev/null -H 'Content-Type: application/json' -d '{"username":"instructor","role":"course_instructor"}' \
  "$GATEWAY/api/authoring/v1/course-runs/$course/team"

# one subsection, 200 numerical problems with unlimited attempts, imported as an archive and published
python3 - "$course" "$ITEMS" "$WORK/course.zip" <<'PY'
import json, sys, zipfile
course, items, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
org, num, run = course[len("course-v1:"):].split("+")
key = lambda t, i: f"block-v1:{org}+{num}+{run}+type@{t}+block@{i}"
lines = [{"key": key("course", "course"), "type": "course", "parent": None, "sortKey": "", "content": {}},
         {"key": key("chapter", "c"), "type": "chapter", "parent": key("course", "course"), "sortKey": "V", "content": {}},
         {"key": key("sequential", "s"), "type": "sequential", "parent": key("chapter", "c"), "sortKey": "V",
          "content": {"graded": True, "format": "Homework", "showCorrectness": "always"}},
         {"key": key("vertical", "v"), "type": "vertical", "parent": key("sequential", "s"), "sortKey": "V", "content": {}}]
for i in range(items):
    lines.append({"key": key("problem", f"p{i}"), "type": "problem", "parent": key("vertical", "v"),
                  "sortKey": "%c%c" % ("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[1 + i // 61],
                                       "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[1 + i % 61]),
                  "content": {"problem": {"kind": "numerical", "prompt": "2 + 2", "answer": 4, "maxScore": 1}}})
with zipfile.ZipFile(out, "w") as z:
    z.writestr("course.json", json.dumps({"format": "openlearn-course/1", "courseKey": course, "assets": []}))
    z.writestr("blocks.jsonl", "\n".join(json.dumps(l) for l in lines) + "\n")
PY
api instructor -o /dev/null -H 'Content-Type: application/zip' --data-binary @"$WORK/course.zip" \
  "$GATEWAY/api/content/v1/courses/$course/archive"
api instructor -o /dev/null -X POST "$GATEWAY/api/content/v1/courses/$course/publish"
for i in $(seq 1 50); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $(kc learner1)" \
    -H 'Content-Type: application/json' -d '{"mode":"audit"}' "$GATEWAY/api/enrollment/v1/courses/$course/enrollments/me")
  [ "$code" = 201 ] || [ "$code" = 200 ] && break; sleep 0.2
done
echo "course $course: $ITEMS problems published, learner1 enrolled"

events declare "$QUEUE"

TOKEN=$(kc learner1)
pending() { psql -h 127.0.0.1 -U openlearn -d "openlearn_submission${OPENLEARN_DB_SUFFIX:-}" -tAc \
  "SELECT count(*) FROM outbox_event WHERE published_at IS NULL"; }
drain() { for i in $(seq 1 120); do [ "$(pending)" = 0 ] && return 0; sleep 1; done; echo "outbox not drained"; }
echo "== warm-up 30 s at the paced rate (JIT, connection pools, caches), then the outbox drained"
COURSE_KEY="$course" TOKEN="$TOKEN" ITEMS=$ITEMS DELAY_MS=50 wrk -t2 -c16 -d30s -s bench/submission/submit.lua \
  "$GATEWAY" | tail -1
drain
echo "== paced near 300/s for $DURATION: 16 connections, 50 ms pause each (target: at least 300/s with p99 under 50 ms)"
COURSE_KEY="$course" TOKEN="$TOKEN" ITEMS=$ITEMS DELAY_MS=50 wrk -t2 -c16 -d"$DURATION" -s bench/submission/submit.lua \
  "$GATEWAY" | tail -1
drain
echo "== saturated for $DURATION: $CONNECTIONS connections, no pause (the most it takes)"
COURSE_KEY="$course" TOKEN="$TOKEN" ITEMS=$ITEMS wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/submission/submit.lua \
  "$GATEWAY" | tail -1

# every accepted submission is a row in submission's database; each must have led to exactly one event
submissions=$(psql -h 127.0.0.1 -U openlearn -d "openlearn_submission${OPENLEARN_DB_SUFFIX:-}" -tAc \
  "SELECT count(*) FROM submission s JOIN student_item i ON i.id = s.student_item_id WHERE i.course_key = '$course'")
echo "submissions recorded: $submissions; waiting for the outbox relay to drain"
drain
count=$(events drain "$QUEUE" "$course")
read -r events distinct duplicates <<<"$count"
echo "submission.scored events for the course: $events ($distinct distinct submissions, $duplicates duplicates)"
if [ "$events" = "$submissions" ] && [ "$distinct" = "$submissions" ]; then
  echo "OK: exactly one submission.scored per submission"
else
  echo "MISMATCH: $submissions submissions, $events events"; exit 1
fi
