#!/usr/bin/env bash
# Idle resident memory of every service started by ./platform, with the JVM settings ./platform uses.
# Usage: ./platform up && bench/idle-rss.sh [settle-seconds]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/.."
PLATFORM_HOME="${PLATFORM_HOME:-$PWD/.platform}"
settle="${1:-60}"
services=(auth course-authoring content-repository enrollment submission grades grades-worker gateway)
# one request each so the measured state is "served traffic, now idle", not "never touched"
for port in 8088 8081 8082 8083 8084 8085 8086 8087; do curl -s -o /dev/null "http://127.0.0.1:$port/q/health/ready" || true; done
sleep "$settle"
echo "| service | RSS (MB) | limit (MB) |"
echo "|---|---|---|"
worst=0
for s in "${services[@]}"; do
  pid="$(cat "$PLATFORM_HOME/run/$s.pid")"
  kb="$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")"
  mb=$((kb / 1024))
  [ "$mb" -gt "$worst" ] && worst=$mb
  echo "| $s | $mb | 300 |"
done
echo
echo "JVM options: ${SERVICE_JVM_OPTS:-$(grep -oE 'SERVICE_JVM_OPTS:--[^}]+' platform | sed 's/SERVICE_JVM_OPTS:-//')}"
echo "largest: $worst MB"
[ "$worst" -le 300 ]
