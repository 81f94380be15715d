#!/usr/bin/env bash
# Start to healthy as one process to time from outside: starts a distribution on an empty data folder, waits
# until GET /api/v1/health answers UP (polled every 50 ms), stops it. Usage, e.g. alternating two builds:
#   /usr/bin/time -f %e bench/start-to-healthy.sh distribution/target/ruralinfo 18092
dist="${1:?the distribution folder}"; port="${2:-18092}"
home=$(mktemp -d)
RURALINFO_HOME=$home RURALINFO_HTTP_PORT=$port RURALINFO_HTTP_HOST=127.0.0.1 RURALINFO_ADMIN_PASSWORD=Bench-Secret-2026 \
  "$dist/bin/ruralinfo" >"$home/out.log" 2>&1 &
pid=$!
for i in $(seq 1 600); do
  curl -s -m 1 "http://127.0.0.1:$port/api/v1/health" | grep -q '"UP"' && break
  sleep 0.05
done
kill $pid; wait $pid 2>/dev/null; rm -rf "$home"
