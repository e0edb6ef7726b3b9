#!/usr/bin/env bash
# Groups benchmark (issue 20): what a learner's groups cost grading, on a course restricted to groups
# (setup-course.sh with RESTRICTED=1: 50 subsections x 10 problems, a quarter of the subsections for cohort A's content
# group, a quarter for B's, every subsection's last problem for the verified track).
#   BATCH: LEARNERS learners (written straight into enrollment's database, half in cohort A, half in B, with scores
#     on about 60 % of the problems in grades' projection) are regraded twice: by a staff regrade, then by the
#     BATCH job of a publish that moves one subsection from group A to group B. Each slice asks enrollment for its
#     learners' groups. Target: the rate of an unrestricted regrade (bench/grades/batch.sh) or better.
#   STREAM: MOVERS real learners (Keycloak users, signed in, in cohort A, audit) are moved to cohort B one after
#     the other through the gateway, RATE moves a second, then upgraded to verified the same way. For each, the time
#     from enrollment's commit (cohort_history / enrollment_history) to the learner's grade change committed by
#     grades-worker (its first subsection or course grade change of cause cohort / track) gives the percentiles. Target: p99 under 100 ms.
# Needs the platform up (./platform up), python3 and psql. Usage: bench/grades/groups.sh [LEARNERS] [MOVERS] [RATE]
set -euo pipefail
LEARNERS="${1:-10000}"; MOVERS="${2:-200}"; RATE="${3:-20}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
REALM="${KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/openedx"
PREFIX="bench-groups-"
cd "$(dirname "$0")/../.."
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
sql() { psql -h 127.0.0.1 -U openlearn -d "$1${OPENLEARN_DB_SUFFIX:-}" -tAc "$2"; }
kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$1-dev-pass" \
  "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
api() { curl -sf -H "Authorization: Bearer $(kc instructor)" -H 'Content-Type: application/json' "$@"; }

course=$(RESTRICTED=1 bench/grades/setup-course.sh 50 10)
org_run="${course#course-v1:}"
echo "course $course: 50 graded subsections x 10 problems (s1, s5, ... for A; s2, s6, ... for B), published"
bench/grades/learners.sh "$PREFIX" "$MOVERS" "$course"
sql openlearn_enrollment "INSERT INTO enrollment (id, user_id, course_key, mode, active, created_at, updated_at)
  SELECT gen_random_uuid(), gen_random_uuid(), '$course', 'audit', true, now(), now()
  FROM generate_series(1, $LEARNERS)" > /dev/null
api -o /dev/null -X PUT -d '{"scheme":"manual"}' "$GATEWAY/api/enrollment/v1/courses/$course/cohort-settings"
cohort() { api -d "{\"name\":\"$1\",\"contentGroup\":{\"partitionId\":101,\"groupId\":$2}}" \
  "$GATEWAY/api/enrollment/v1/courses/$course/cohorts" | sed -E 's/.*"id":"([^"]+)".*/\1/'; }
a=$(cohort A 1); b=$(cohort B 2)
# the movers start in A; the synthetic learners alternate between A and B
sql openlearn_enrollment "INSERT INTO cohort_membership (course_key, user_id, cohort_id, assigned_at)
  SELECT course_key, user_id, CASE WHEN row_number() OVER (ORDER BY user_id) % 2 = 0 THEN '$b'::uuid
  ELSE '$a'::uuid END, now() FROM enrollment WHERE course_key = '$course'" > /dev/null
sql openlearn_enrollment "SELECT e.user_id FROM enrollment e JOIN enrollment_history h ON h.user_id = e.user_id
  AND h.course_key = e.course_key WHERE e.course_key = '$course' AND h.action = 'ENROLL'" > "$WORK/movers"
sql openlearn_enrollment "UPDATE cohort_membership SET cohort_id = '$a' WHERE course_key = '$course'
  AND user_id IN (SELECT user_id FROM enrollment_history WHERE course_key = '$course')" > /dev/null
sql openlearn_enrollment "SELECT user_id FROM enrollment WHERE course_key = '$course'" > "$WORK/learners"
# scores on ~60 % of the problems; the movers answered every problem of A's subsections (s1, s5, ...) right, so a
# move to B and a verified problem more each change their grade
cat > "$WORK/scores.sql" <<SQL
CREATE TEMP TABLE learners (id uuid);
\\copy learners FROM '$WORK/learners'
CREATE TEMP TABLE movers (id uuid);
\\copy movers FROM '$WORK/movers'
INSERT INTO score_projection (course_key, user_id, item_key, raw_earned, raw_possible, sequence, score_id, scored_at)
SELECT '$course', l.id, 'block-v1:$org_run+type@problem+block@p' || p, floor(random() * 2), 1, 1, gen_random_uuid(),
  now() FROM learners l CROSS JOIN generate_series(0, 499) p WHERE random() < 0.6 AND l.id NOT IN (SELECT id FROM movers);
INSERT INTO score_projection (course_key, user_id, item_key, raw_earned, raw_possible, sequence, score_id, scored_at)
SELECT '$course', m.id, 'block-v1:$org_run+type@problem+block@p' || p, 1, 1, 1, gen_random_uuid(), now()
FROM movers m CROSS JOIN generate_series(0, 499) p WHERE (p / 10) % 4 = 1 AND p % 10 < 9;
SQL
psql -h 127.0.0.1 -U openlearn -d "openlearn_grades${OPENLEARN_DB_SUFFIX:-}" -q -f "$WORK/scores.sql"
echo "$((LEARNERS + MOVERS)) learners enrolled ($MOVERS real, in cohort A), $(sql openlearn_grades \
  "SELECT count(*) FROM score_projection WHERE course_key = '$course'") scores in the projection"

report() {
  local job="$1" state i
  for i in $(seq 1 1200); do
    state=$(sql openlearn_grades "SELECT state FROM grade_job WHERE id = '$job'")
    [ "$state" = done ] || [ "$state" = failed ] && break; sleep 0.5
  done
  sql openlearn_grades "SELECT '   ' || state || ': ' || learners_done || ' learners in ' || slices_done
    || ' slices; ' || round(extract(epoch FROM finished_at - started_at)::numeric, 2) || ' s grading ('
    || round(learners_done / extract(epoch FROM finished_at - started_at))::text || ' learners/s), '
    || round(extract(epoch FROM finished_at - created_at)::numeric, 2) || ' s from request to done ('
    || round(learners_done / extract(epoch FROM finished_at - created_at))::text || ' learners/s)'
    FROM grade_job WHERE id = '$job'"
}
echo "== BATCH: staff regrade of the restricted course (every grade written, each slice's groups from enrollment)"
job=$(api -d '{"kind":"regrade"}' "$GATEWAY/api/grades/v1/courses/$course/jobs" | sed -E 's/.*"id":"([^"]+)".*/\1/')
report "$job"
echo "== BATCH: a publish that moves subsection s1 from group A to group B"
s1="block-v1:$org_run+type@sequential+block@s1"
draft="$GATEWAY/api/content/v1/courses/$course/draft/blocks/$s1"
etag=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $(kc instructor)" "$draft" | tr -d '\r' \
  | sed -n 's/^[Ee][Tt]ag: //p')
api -o /dev/null -X PUT -H "If-Match: $etag" -d '{"graded":true,"format":"Homework","showCorrectness":"always",
  "groupAccess":{"101":[2]}}' "$draft"
since=$(sql openlearn_grades "SELECT now()")
api -o /dev/null -X POST "$GATEWAY/api/content/v1/courses/$course/publish"
for i in $(seq 1 240); do
  job=$(sql openlearn_grades "SELECT id FROM grade_job WHERE course_key = '$course' AND cause_kind = 'publish'
    AND created_at >= '$since'")
  [ -n "$job" ] && break; sleep 0.5
done
report "$job"
echo "   cause in the history: $(sql openlearn_grades "SELECT string_agg(DISTINCT cause_kind, ', ') FROM grade_change
  WHERE course_key = '$course' AND changed_at >= '$since'")"

# STREAM: one learner at a time, paced; python keeps one connection and one token
pace() { # $1 what (cohort|track)
  python3 - "$1" "$GATEWAY" "$REALM" "$course" "$b" "$RATE" "$WORK/movers" <<'PY'
import http.client, json, sys, time, urllib.parse, urllib.request
what, gateway, realm, course, cohort_b, rate, movers = sys.argv[1:8]
token = json.load(urllib.request.urlopen(realm + "/protocol/openid-connect/token", urllib.parse.urlencode(
    {"grant_type": "password", "client_id": "frontend", "username": "instructor",
     "password": "instructor-dev-pass"}).encode()))["access_token"]
url = urllib.parse.urlparse(gateway)
conn = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
gap, next_at, failed = 1 / float(rate), time.monotonic(), 0
for learner in [line.strip() for line in open(movers) if line.strip()]:
    time.sleep(max(0, next_at - time.monotonic())); next_at += gap
    if what == "cohort":
        conn.request("PUT", f"/api/enrollment/v1/courses/{course}/cohorts/{cohort_b}/members/{learner}", headers=headers)
    else:
        conn.request("PUT", f"/api/enrollment/v1/courses/{course}/enrollments/{learner}",
                     body=json.dumps({"mode": "verified"}), headers=headers)
    response = conn.getresponse(); response.read()
    failed += response.status != 200
print(f"   {what}: {failed} requests refused")
PY
}
latency() { # $1 cause, $2 enrollment's commit times (user_id|epoch), since $3
  sql openlearn_grades "SELECT user_id, extract(epoch FROM min(changed_at)) FROM grade_change
    WHERE course_key = '$course' AND cause_kind = '$1' AND changed_at >= '$3'
    GROUP BY user_id" > "$WORK/graded"
  python3 - "$2" "$WORK/graded" "$1" <<'PY'
import sys
changed = dict(line.strip().split("|") for line in open(sys.argv[1]) if line.strip())
graded = dict(line.strip().split("|") for line in open(sys.argv[2]) if line.strip())
lat = sorted((float(graded[u]) - float(t)) * 1000 for u, t in changed.items() if u in graded)
pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p))]
print(f"   {sys.argv[3]}: {len(lat)} learners re-graded ({len(changed) - len(lat)} without a grade change); "
      f"p50 {pct(0.5):.1f} ms, p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms, max {lat[-1]:.1f} ms")
PY
}
settle() { # until every one of the movers has a course grade change of cause $1 since $2
  local i n
  for i in $(seq 1 60); do
    n=$(sql openlearn_grades "SELECT count(DISTINCT user_id) FROM grade_change WHERE course_key = '$course'
      AND cause_kind = '$1' AND changed_at >= '$2'")
    [ "$n" -ge "$MOVERS" ] && return 0; sleep 1
  done
}
echo "== STREAM: $MOVERS cohort moves A -> B through the gateway, $RATE a second"
since=$(sql openlearn_grades "SELECT now()")
pace cohort
settle cohort "$since"
sql openlearn_enrollment "SELECT user_id, extract(epoch FROM max(at)) FROM cohort_history WHERE course_key = '$course'
  AND at >= '$since' GROUP BY user_id" > "$WORK/changed"
latency cohort "$WORK/changed" "$since"
echo "== STREAM: $MOVERS track changes audit -> verified through the gateway, $RATE a second"
since=$(sql openlearn_grades "SELECT now()")
pace track
settle track "$since"
sql openlearn_enrollment "SELECT user_id, extract(epoch FROM max(at)) FROM enrollment_history
  WHERE course_key = '$course' AND action = 'MODE_CHANGE' AND at >= '$since' GROUP BY user_id" > "$WORK/changed"
latency track "$WORK/changed" "$since"
echo "course: $course"
