#!/bin/sh
# Configures the broker from RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS (what Aspire sets, and what the official
# image honours), then runs it in the foreground. Clients connect through the published port, so the default user
# may log in from anywhere (the official image's loopback_users setting).
set -e
{
  echo "loopback_users = none"
  echo "listeners.tcp.default = 5672"
  echo "management.tcp.port = 15672"
  [ -z "${RABBITMQ_DEFAULT_USER:-}" ] || echo "default_user = $RABBITMQ_DEFAULT_USER"
  [ -z "${RABBITMQ_DEFAULT_PASS:-}" ] || echo "default_pass = $RABBITMQ_DEFAULT_PASS"
} > /etc/rabbitmq/rabbitmq.conf
chown rabbitmq:rabbitmq /etc/rabbitmq/rabbitmq.conf
chmod 600 /etc/rabbitmq/rabbitmq.conf
exec "$@"
