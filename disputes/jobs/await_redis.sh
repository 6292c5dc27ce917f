#!/bin/sh
# Wait (up to 30 s) until the Redis of $DD_INSTANCE answers, so the web server and the worker find it.
for _ in $(seq 1 150); do
  redis-cli -s "$DD_INSTANCE/redis.sock" ping >/dev/null 2>&1 && exit 0
  sleep 0.2
done
echo "Redis did not start: see $DD_INSTANCE/logs/redis.log" >&2
exit 1
