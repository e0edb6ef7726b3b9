#!/usr/bin/env bash
# BATCH benchmark (issue 9): a regrade of a course with LEARNERS enrolled learners, 50 graded subsections and 500
# problems, each learner holding scores on about 60 % of the problems. The roster is written straight into
# enrollment's database and the scores into grades' score projection (what STREAM would have built), then course
# staff request the regrade through the gateway and the job table says how fast it ran. Two runs: the first writes
# every grade, the second finds nothing changed. Target: at least 500 learners/s.
# Needs the platform up (./platform up), python3 and psql. Usage: bench/grades/batch.sh [LEARNERS]
set -euo pipefail
LEARNERS="${1:-10000}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
REALM="${KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/openedx"
cd "$(dirname "$0")/../.."
sql() { psql -h 127.0.0.1 -U openlearn -d "$1${OPENLEARN_DB_SUFFIX:-}" -tAc "$2"; }
kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$1-dev-pass" \
  "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }

course=$(bench/grades/setup-course.sh 50 10)
org_run="${course#course-v1:}"
echo "course $course: 50 graded subsections x 10 problems, published"
sql openlearn_enrollment "INSERT INTO enrollment (id, user_id, course_key, mode, active, created_at, updated_at)
  SELECT gen_random_uuid(), gen_random_uuid(), '$course', 'audit', true, now(), now() FROM generate_series(1, $LEARNERS)" > /dev/null
sql openlearn_enrollment "SELECT user_id FROM enrollment WHERE course_key = '$course'" > /tmp/batch-learners.$$
cat > /tmp/batch-scores.$$.sql <<SQL
CREATE TEMP TABLE learners (id uuid);
\\copy learners FROM '/tmp/batch-learners.$$'
INSERT INTO score_projection (course_key, user_id, item_key, raw_earned, raw_possible, sequence, score_id, scored_at)
SELECT '$course', l.id, 'block-v1:$org_run+type@problem+block@p' || p, floor(random() * 2), 1, 1, gen_random_uuid(), now()
FROM learners l CROSS JOIN generate_series(0, 499) p WHERE random() < 0.6;
SQL
psql -h 127.0.0.1 -U openlearn -d "openlearn_grades${OPENLEARN_DB_SUFFIX:-}" -q -f /tmp/batch-scores.$$.sql
rm -f /tmp/batch-scores.$$.sql
rm -f /tmp/batch-learners.$$
scores=$(sql openlearn_grades "SELECT count(*) FROM score_projection WHERE course_key = '$course'")
echo "$LEARNERS learners enrolled, $scores scores in the projection"

regrade() {
  local token job state
  token=$(kc instructor)
  job=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"kind":"regrade"}' \
    "$GATEWAY/api/grades/v1/courses/$course/jobs" | sed -E 's/.*"id":"([^"]+)".*/\1/')
  report "$job"
}
report() {
  local job="$1" state
  for i in $(seq 1 600); do
    state=$(sql openlearn_grades "SELECT state FROM grade_job WHERE id = '$job'")
    [ "$state" = done ] || [ "$state" = failed ] && break; sleep 0.5
  done
  sql openlearn_grades "SELECT state || ': ' || learners_done || ' learners in ' || slices_done || ' slices; '
    || round(extract(epoch FROM finished_at - started_at)::numeric, 2) || ' s grading ('
    || round(learners_done / extract(epoch FROM finished_at - started_at))::text || ' learners/s), '
    || round(extract(epoch FROM finished_at - created_at)::numeric, 2) || ' s from request to done (roster paging'
    || ' included: ' || round(learners_done / extract(epoch FROM finished_at - created_at))::text || ' learners/s)'
    FROM grade_job WHERE id = '$job'"
}
echo "== first regrade (every subsection and course grade written)"
regrade
echo "   rows: $(sql openlearn_grades "SELECT count(*) FROM subsection_grade WHERE course_key = '$course'") subsection grades,"\
  "$(sql openlearn_grades "SELECT count(*) FROM course_grade WHERE course_key = '$course'") course grades"
echo "== second regrade (nothing changed: read, compute, compare)"
regrade
echo "== policy change through course-authoring (Homework weight 1.0 -> 0.9): the BATCH job its event starts"
token=$(kc instructor)
policy="$GATEWAY/api/authoring/v1/course-runs/$course/grading-policy"
etag=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $token" "$policy" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $token" -H "If-Match: $etag" -H 'Content-Type: application/json' \
  -d '{"assignmentTypes":[{"type":"Homework","minCount":12,"dropCount":2,"weight":0.9,"shortLabel":"HW"}],
       "gradeCutoffs":{"Pass":0.5},"gracePeriodSeconds":0}' "$policy"
echo "   (course-authoring collapses policy edits for its regrade window, 30 s by default, before announcing)"
for i in $(seq 1 240); do
  job=$(sql openlearn_grades "SELECT id FROM grade_job WHERE course_key = '$course' AND cause_kind = 'policy'")
  [ -n "$job" ] && break; sleep 0.5
done
report "$job"
echo "course: $course"
