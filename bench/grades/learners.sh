#!/usr/bin/env bash
# Makes COUNT bench learners PREFIX0.. in Keycloak (password <username>-bench-pass; existing ones are kept), signs
# each in through the gateway and enrolls them in COURSE. Usage: bench/grades/learners.sh PREFIX COUNT COURSE
set -euo pipefail
PREFIX="$1"; COUNT="$2"; COURSE="$3"
GATEWAY="${GATEWAY_URL:-http://127.0.0.1:8080}"
KEYCLOAK="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
# the master realm's admin tokens live 60 s, less than making 200 users takes on 2 cores: a fresh one per batch
admin_token() {
  curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin \
    -d password="${KEYCLOAK_ADMIN_PASSWORD:-admin}" "$KEYCLOAK/realms/master/protocol/openid-connect/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
one() {
  local user="$PREFIX$1" token code
  curl -s -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"email\":\"$user@bench.invalid\",\"firstName\":\"Bench\",\"lastName\":\"$1\",\"enabled\":true,\"emailVerified\":true,\"credentials\":[{\"type\":\"password\",\"value\":\"$user-bench-pass\",\"temporary\":false}]}" \
    "$KEYCLOAK/admin/realms/openedx/users"
  token=$(curl -sf -d grant_type=password -d client_id=frontend -d username="$user" -d password="$user-bench-pass" \
    "$KEYCLOAK/realms/openedx/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$GATEWAY/api/auth/v1/me"
  code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d '{"mode":"audit"}' "$GATEWAY/api/enrollment/v1/courses/$COURSE/enrollments/me")
  case "$code" in 200|201) ;; *) echo "enrolling $user answered $code" >&2; exit 1 ;; esac
}
export -f one; export PREFIX COURSE GATEWAY KEYCLOAK
for ((first = 0; first < COUNT; first += 40)); do
  admin=$(admin_token); export admin
  seq "$first" $((first + 39 < COUNT - 1 ? first + 39 : COUNT - 1)) | xargs -P 8 -I{} bash -c 'one {}'
done
