#!/usr/bin/env bash
# The test command: installs the servers the tests start (Debian packages), provides a Docker engine with the images
# the AppHost tests run (eng/containers.sh, only when they are missing), builds IncidentPlatform.Ci.slnf and runs
# every test. Fails when anything fails.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/openssl ] || missing+=(openssl) # the SMTP fixture makes its STARTTLS certificate with it
[ -x /usr/bin/npm ] || missing+=(nodejs npm) # the official TypeScript MCP SDK is a client in the gateway's tests
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

# The AppHost's Redis and RabbitMQ containers and the services' base image, built locally (no registry is reachable).
eng/containers.sh --check || eng/containers.sh

python3 eng/ci-slnf.py --check
dotnet build IncidentPlatform.Ci.slnf -c Release
dotnet test IncidentPlatform.Ci.slnf -c Release --no-build \
  --blame-hang-timeout 10m --logger "console;verbosity=normal" "$@"
