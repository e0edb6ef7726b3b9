#!/usr/bin/env bash
# STREAM benchmark (issue 9): learners submit correct answers through the gateway at a steady RATE for DURATION;
# for every accepted submission, the time from its score's commit in submission to the learner's grade change
# committed by grades-worker (both stamped on this machine's clock) gives the latency percentiles. Target: p99 at
# most 250 ms at 200 submissions/s for 5 minutes. Needs the platform up (./platform up), python3 and psql.
# The load is paced wrk (stream.lua): CONNECTIONS connections each waiting DELAY_MS between requests; 20 x (70 ms +
# ~30 ms per submission) is about 200/s. wrk prints the rate it reached.
# With REGRADE_COURSE=<course key> (a course course staff may regrade, such as bench/grades/batch.sh's), that course
# is regraded again and again through the gateway while the measured load runs: STREAM's latency under BATCH.
# Usage: bench/grades/stream.sh [SECONDS] [LEARNERS] [CONNECTIONS] [DELAY_MS]
set -euo pipefail
SECONDS_RUN="${1:-300}"; LEARNERS="${2:-200}"; CONNECTIONS="${3:-20}"; DELAY_MS="${4:-70}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
REALM="$KEYCLOAK/realms/openedx"
WORKER="${GRADES_WORKER_URL:-http://127.0.0.1:8087}"
SUBSECTIONS=40; PER_SUBSECTION=10; WARMUP=30
PREFIX="bench-stream-"
cd "$(dirname "$0")/../.."
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
sql() { psql -h 127.0.0.1 -U openlearn -d "$1${OPENLEARN_DB_SUFFIX:-}" -tAc "$2"; }
kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$2" \
  "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }

bench/grades/setup-course.sh "$SUBSECTIONS" "$PER_SUBSECTION" > "$WORK/course"
course=$(cat "$WORK/course")
echo "course $course: $SUBSECTIONS graded subsections x $PER_SUBSECTION problems, published"
bench/grades/learners.sh "$PREFIX" "$LEARNERS" "$course"
echo "$LEARNERS learners ($PREFIX*) signed in and enrolled"

# Keycloak's dev realm issues 5-minute tokens; the run outlasts them, so the realm issues 15-minute ones meanwhile
admin() { curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin \
  -d password="${KEYCLOAK_ADMIN_PASSWORD:-admin}" "$KEYCLOAK/realms/master/protocol/openid-connect/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
lifespan() { curl -sf -X PUT -H "Authorization: Bearer $(admin)" -H 'Content-Type: application/json' \
  -d "{\"accessTokenLifespan\":$1}" "$KEYCLOAK/admin/realms/openedx"; }
lifespan 900; trap 'lifespan 300; rm -rf "$WORK"' EXIT
load() { # $1 duration, $2 first problem
  for i in $(seq 0 $((LEARNERS - 1))); do kc "$PREFIX$i" "$PREFIX$i-bench-pass"; echo; done > "$WORK/tokens"
  COURSE_KEY="$course" TOKENS_FILE="$WORK/tokens" THREADS=2 OFFSET="$2" DELAY_MS="$DELAY_MS" \
    wrk -t2 -c"$CONNECTIONS" -d"$1" -s bench/grades/stream.lua "$GATEWAY" | tail -1
}
settle() { # until every score of the course since $1 has its grade change
  local i scores graded
  for i in $(seq 1 120); do
    scores=$(sql openlearn_submission "SELECT count(*) FROM score s JOIN student_item i ON i.id = s.student_item_id
      WHERE i.course_key = '$course' AND s.created_at >= '$1'")
    graded=$(sql openlearn_grades "SELECT count(DISTINCT cause_ref) FROM grade_change WHERE course_key = '$course'
      AND changed_at >= '$1'")
    [ "$scores" = "$graded" ] && return 0; sleep 1
  done
  echo "grades did not catch up: $scores scores, $graded graded"
}
echo "== warm-up: $CONNECTIONS connections, $DELAY_MS ms apart, for $WARMUP s"
start=$(sql openlearn_grades "SELECT now()")
load "${WARMUP}s" 0
settle "$start"
regrades() { # regrades $1 one job after the other until the load is done; prints each job's time
  local token job state
  while [ ! -f "$WORK/load-done" ]; do
    token=$(kc instructor instructor-dev-pass)
    job=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"kind":"regrade"}' \
      "$GATEWAY/api/grades/v1/courses/$1/jobs" | sed -E 's/.*"id":"([^"]+)".*/\1/')
    state=""
    until [ "$state" = done ] || [ "$state" = failed ]; do
      sleep 0.5; state=$(sql openlearn_grades "SELECT state FROM grade_job WHERE id = '$job'")
    done
    sql openlearn_grades "SELECT '   regrade during the load: ' || state || ', ' || learners_done || ' learners in '
      || round(extract(epoch FROM finished_at - started_at)::numeric, 1) || ' s' FROM grade_job WHERE id = '$job'"
  done
}
echo "== measured: $CONNECTIONS connections, $DELAY_MS ms apart, for $SECONDS_RUN s${REGRADE_COURSE:+, regrading $REGRADE_COURSE meanwhile}"
start=$(sql openlearn_grades "SELECT now()")
[ -n "${REGRADE_COURSE:-}" ] && { regrades "$REGRADE_COURSE" & regrading=$!; }
# the warm-up answered at most (200/s x 30 s) / learners problems per learner; the run starts after those
load "${SECONDS_RUN}s" $(( (250 * WARMUP + LEARNERS - 1) / LEARNERS ))
touch "$WORK/load-done"
[ -n "${REGRADE_COURSE:-}" ] && wait "$regrading"
settle "$start"
sql openlearn_submission "SELECT s.id, extract(epoch FROM s.created_at) FROM score s JOIN student_item i
  ON i.id = s.student_item_id WHERE i.course_key = '$course' AND s.created_at >= '$start'" > "$WORK/scores"
sql openlearn_grades "SELECT cause_ref, extract(epoch FROM max(changed_at)) FROM grade_change
  WHERE course_key = '$course' AND changed_at >= '$start' GROUP BY cause_ref" > "$WORK/grades"
python3 - "$WORK/scores" "$WORK/grades" <<'PY'
import sys
scores = dict(line.strip().split("|") for line in open(sys.argv[1]) if line.strip())
graded = dict(line.strip().split("|") for line in open(sys.argv[2]) if line.strip())
lat = sorted((float(graded[s]) - float(t)) * 1000 for s, t in scores.items() if s in graded)
missing = len(scores) - len(lat)
pct = lambda p: lat[min(len(lat) - 1, int(len(lat) * p))]
print(f"submission accepted -> grade persisted: {len(lat)} scores ({missing} without a grade change); "
      f"p50 {pct(0.5):.1f} ms, p95 {pct(0.95):.1f} ms, p99 {pct(0.99):.1f} ms, max {lat[-1]:.1f} ms")
PY
echo "worker's own view (event time -> grade committed):"
curl -s "$WORKER/q/metrics" | grep -E '^grades_stream_lag_seconds(\{.*quantile="0\.(5|99)"|_count|_max)' || true
