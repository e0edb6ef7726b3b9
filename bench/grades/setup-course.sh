#!/usr/bin/env bash
# Creates and publishes a course for the grades benchmarks through the gateway: SUBSECTIONS graded Homework
# subsections of PER_SUBSECTION one-point numerical problems (answer 4), named p0, p1, ... in course order.
# Prints the course key. Usage: bench/grades/setup-course.sh SUBSECTIONS PER_SUBSECTION
# With RESTRICTED=1 the course is restricted to groups as bench/grades/groups.sh needs it: the course block declares
# content-group partition 101 (groups 1 "A" and 2 "B"), subsections s1, s5, s9, ... are for group A, s2, s6, ... for
# group B, and the last problem of every subsection is for the verified track (50: 2) only.
set -euo pipefail
SUBSECTIONS="$1"; PER_SUBSECTION="$2"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
REALM="${KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/openedx"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
kc() { curl -sf -d grant_type=password -d client_id=frontend -d username="$1" -d password="$1-dev-pass" \
  "$REALM/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
api() { local user="$1"; shift; curl -sf -H "Authorization: Bearer $(kc "$user")" "$@"; }
for user in admin instructor; do api "$user" -o /dev/null "$GATEWAY/api/auth/v1/me"; done
course=$(api admin -H 'Content-Type: application/json' \
  -d "{\"org\":\"GB$RANDOM$RANDOM\",\"number\":\"GRADES\",\"run\":\"R1\",\"title\":\"Grades benchmark\"}" \
  "$GATEWAY/api/authoring/v1/course-runs" | sed -E 's/.*"courseKey":"([^"]+)".*/\1/')
api admin -o /dev/null -H 'Content-Type: application/json' -d '{"username":"instructor","role":"course_instructor"}' \
  "$GATEWAY/api/authoring/v1/course-runs/$course/team"
python3 - "$course" "$SUBSECTIONS" "$PER_SUBSECTION" "$WORK/course.zip" "${RESTRICTED:-0}" <<'PY'
import json, sys, zipfile
course, subsections, per, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
groups = sys.argv[5] == "1"
partitions = [{"id": 101, "name": "Cohorts", "groups": [{"id": 1, "name": "A"}, {"id": 2, "name": "B"}]}]
org, num, run = course[len("course-v1:"):].split("+")
key = lambda t, i: f"block-v1:{org}+{num}+{run}+type@{t}+block@{i}"
digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
sort = lambda i: digits[1 + i // 61] + digits[1 + i % 61]
lines = [{"key": key("course", "course"), "type": "course", "parent": None, "sortKey": "",
          "content": {"contentGroups": partitions} if groups else {}},
         {"key": key("chapter", "c"), "type": "chapter", "parent": key("course", "course"), "sortKey": "V", "content": {}}]
n = 0
for s in range(subsections):
    settings = {"graded": True, "format": "Homework", "showCorrectness": "always"}
    if groups and s % 4 in (1, 2):
        settings["groupAccess"] = {"101": [s % 4]}
    lines.append({"key": key("sequential", f"s{s}"), "type": "sequential", "parent": key("chapter", "c"),
                  "sortKey": sort(s), "content": settings})
    lines.append({"key": key("vertical", f"v{s}"), "type": "vertical", "parent": key("sequential", f"s{s}"),
                  "sortKey": "V", "content": {}})
    for p in range(per):
        content = {"problem": {"kind": "numerical", "prompt": "2 + 2", "answer": 4, "maxScore": 1}}
        if groups and p == per - 1:
            content["groupAccess"] = {"50": [2]}
        lines.append({"key": key("problem", f"p{n}"), "type": "problem", "parent": key("vertical", f"v{s}"),
                      "sortKey": sort(p), "content": content})
        n += 1
with zipfile.ZipFile(out, "w") as z:
    z.writestr("course.json", json.dumps({"format": "openlearn-course/1", "courseKey": course, "assets": []}))
    z.writestr("blocks.jsonl", "\n".join(json.dumps(l) for l in lines) + "\n")
PY
api instructor -o /dev/null -H 'Content-Type: application/zip' --data-binary @"$WORK/course.zip" \
  "$GATEWAY/api/content/v1/courses/$course/archive"
api instructor -o /dev/null -X POST "$GATEWAY/api/content/v1/courses/$course/publish"
echo "$course"
