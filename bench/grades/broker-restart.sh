#!/usr/bin/env bash
# Broker restart under STREAM load: learners submit correct answers through the gateway for SECONDS; a third of the
# way in, RabbitMQ is stopped for OUTAGE seconds (rabbitmqctl stop_app / start_app) and started again. Once grades
# have caught up, every score submission committed for the course (every accepted submission) must have exactly one
# subsection grade change naming it (grade_change.cause_ref = the score id): none lost between the outbox and the
# worker, none applied twice by a redelivery. Exits 1 otherwise. Needs the platform up (./platform up), wrk,
# python3, psql and rabbitmqctl (run as root, as the machine's broker belongs to the machine).
# Usage: bench/grades/broker-restart.sh [SECONDS] [OUTAGE] [LEARNERS] [CONNECTIONS] [DELAY_MS]
set -euo pipefail
SECONDS_RUN="${1:-60}"; OUTAGE="${2:-15}"; LEARNERS="${3:-50}"; CONNECTIONS="${4:-10}"; DELAY_MS="${5:-100}"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
REALM="$KEYCLOAK/realms/openedx"
SUBSECTIONS=20; PER_SUBSECTION=10
PREFIX="bench-restart-"
cd "$(dirname "$0")/../.."
WORK="$(mktemp -d)"
broker_up() { rabbitmqctl -q start_app >/dev/null 2>&1 || true; rabbitmqctl -q await_startup >/dev/null 2>&1 || true; }
# whatever happens, the machine's broker runs again when this script ends
trap 'broker_up; rm -rf "$WORK"' EXIT
sql() { psql -h 127.0.0.1 -U openlearn -d "$1${OPENLEARN_DB_SUFFIX:-}" -tAc "$2"; }
kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$2" \
  "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }

bench/grades/setup-course.sh "$SUBSECTIONS" "$PER_SUBSECTION" > "$WORK/course"
course=$(cat "$WORK/course")
bench/grades/learners.sh "$PREFIX" "$LEARNERS" "$course"
echo "course $course, $LEARNERS learners; load for $SECONDS_RUN s, broker down for $OUTAGE s from $((SECONDS_RUN / 3)) s"
for i in $(seq 0 $((LEARNERS - 1))); do kc "$PREFIX$i" "$PREFIX$i-bench-pass"; echo; done > "$WORK/tokens"
start=$(sql openlearn_grades "SELECT now()")
COURSE_KEY="$course" TOKENS_FILE="$WORK/tokens" THREADS=2 OFFSET=0 DELAY_MS="$DELAY_MS" \
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" -s bench/grades/stream.lua "$GATEWAY" > "$WORK/wrk" &
load=$!
sleep $((SECONDS_RUN / 3))
echo "== $(date +%T) stopping RabbitMQ"
rabbitmqctl -q stop_app
sleep "$OUTAGE"
echo "== $(date +%T) starting RabbitMQ"
broker_up
wait "$load"
echo "load: $(tail -1 "$WORK/wrk")"

scores() { sql openlearn_submission "SELECT count(*) FROM score s JOIN student_item i ON i.id = s.student_item_id
  WHERE i.course_key = '$course' AND s.created_at >= '$start'"; }
graded() { sql openlearn_grades "SELECT count(DISTINCT cause_ref) FROM grade_change WHERE course_key = '$course'
  AND subsection_key IS NOT NULL AND changed_at >= '$start'"; }
for i in $(seq 1 180); do
  [ "$(scores)" = "$(graded)" ] && break; sleep 1
done
sql openlearn_submission "SELECT s.id FROM score s JOIN student_item i ON i.id = s.student_item_id
  WHERE i.course_key = '$course' AND s.created_at >= '$start'" > "$WORK/scores"
sql openlearn_grades "SELECT cause_ref, count(*) FROM grade_change WHERE course_key = '$course'
  AND subsection_key IS NOT NULL AND changed_at >= '$start' GROUP BY cause_ref" > "$WORK/changes"
python3 - "$WORK/scores" "$WORK/changes" <<'PY'
import sys
scores = {line.strip() for line in open(sys.argv[1]) if line.strip()}
changes = dict(line.strip().split("|") for line in open(sys.argv[2]) if line.strip())
lost = [s for s in scores if s not in changes]
twice = {s: n for s, n in changes.items() if int(n) > 1}
foreign = [s for s in changes if s not in scores]
print(f"accepted submissions (scores): {len(scores)}; with exactly one grade change: "
      f"{sum(1 for s in scores if changes.get(s) == '1')}; lost: {len(lost)}; applied twice: {len(twice)}; "
      f"grade changes naming no score of the run: {len(foreign)}")
sys.exit(0 if scores and not lost and not twice and not foreign else 1)
PY
