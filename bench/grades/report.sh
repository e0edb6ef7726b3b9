#!/usr/bin/env bash
# Report benchmark (issue 9): a course grade CSV for LEARNERS learners of a 50-subsection course, produced by BATCH
# into S3. The grades are written straight into grades' database (what STREAM and BATCH would have persisted), then
# course staff request the report through the gateway. Target: at most 60 s for 100,000 learners with the worker's
# heap at most 256 MB (./platform runs every service with -Xmx128m; the script prints the worker's -Xmx and peak RSS).
# Needs the platform up (./platform up), psql and curl. Usage: bench/grades/report.sh [LEARNERS]
set -euo pipefail
LEARNERS="${1:-100000}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
REALM="${KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/openedx"
cd "$(dirname "$0")/../.."
sql() { psql -h 127.0.0.1 -U openlearn -d "openlearn_grades${OPENLEARN_DB_SUFFIX:-}" -tAc "$1"; }
kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$1-dev-pass" \
  "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }

course=$(bench/grades/setup-course.sh 50 10)
org_run="${course#course-v1:}"
echo "course $course: 50 graded subsections x 10 problems, published"
sql "INSERT INTO course_grade (user_id, course_key, percent, letter_grade, passed, policy_version, content_version,
  cause_kind, updated_at) SELECT gen_random_uuid(), '$course', round(random()::numeric, 2), NULL, false, 1, 1, 'score',
  now() FROM generate_series(1, $LEARNERS)" > /dev/null
sql "INSERT INTO subsection_grade (course_key, user_id, subsection_key, earned_graded, possible_graded, earned_all,
  possible_all, percent, overridden, content_version, cause_kind, updated_at)
  SELECT '$course', c.user_id, 'block-v1:$org_run+type@sequential+block@s' || s, e, 10, e, 10, e / 10, false, 1,
         'score', now()
  FROM course_grade c CROSS JOIN generate_series(0, 49) s CROSS JOIN LATERAL (SELECT floor(random() * 11) + 0 * s AS e) r
  WHERE c.course_key = '$course'" > /dev/null
echo "$LEARNERS course grades and $(sql "SELECT count(*) FROM subsection_grade WHERE course_key = '$course'") subsection grades stored"

worker=$(./platform status | awk '$1 == "grades-worker" {print $2}')
token=$(kc instructor)
job=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"kind":"course_grade_report"}' "$GATEWAY/api/grades/v1/courses/$course/jobs" \
  | sed -E 's/.*"id":"([^"]+)".*/\1/')
for i in $(seq 1 600); do
  state=$(sql "SELECT state FROM grade_job WHERE id = '$job'")
  [ "$state" = done ] || [ "$state" = failed ] && break; sleep 0.5
done
sql "SELECT state || ': ' || round(extract(epoch FROM finished_at - created_at)::numeric, 1)
  || ' s from request to the CSV stored (' || coalesce(error, result_key) || ')' FROM grade_job WHERE id = '$job'"
url=$(curl -sf -H "Authorization: Bearer $(kc instructor)" "$GATEWAY/api/grades/v1/courses/$course/jobs/$job" \
  | sed -E 's/.*"downloadUrl":"([^"]+)".*/\1/')
curl -sf "$url" -o /tmp/report.$$.csv
echo "downloaded through the presigned link: $(wc -l < /tmp/report.$$.csv) lines, $(du -h /tmp/report.$$.csv | cut -f1);" \
  "first data line: $(sed -n 2p /tmp/report.$$.csv | cut -c1-80)..."
rm -f /tmp/report.$$.csv
echo "grades-worker: $(tr '\0' ' ' < /proc/$worker/cmdline | grep -o -- '-Xmx[^ ]*'), peak RSS $(grep VmHWM /proc/$worker/status | awk '{print $2/1024 " MB"}')"
