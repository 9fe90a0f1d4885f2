#!/bin/sh
# Runs like the official image: options alone go to redis-server. Aspire replaces this entrypoint with
# /bin/sh -c "redis-server --requirepass $REDIS_PASSWORD"; run any other way, REDIS_PASSWORD still turns on AUTH.
set -e
if [ "${1#-}" != "$1" ]; then
  set -- redis-server "$@"
fi
if [ "$1" = redis-server ]; then
  if [ -n "${REDIS_PASSWORD:-}" ]; then
    set -- "$@" --requirepass "$REDIS_PASSWORD"
  else
    set -- "$@" --protected-mode no # reachable through the published port, as the official image is
  fi
fi
exec "$@"
