#!/usr/bin/env bash
# Gives this machine the container runtime and images that `dotnet run --project IncidentPlatform.AppHost`, the AppHost
# tests and the service images need, without any image registry: Debian's docker.io (dockerd started if none runs),
# Redis and RabbitMQ images built from Debian packages and tagged as Aspire asks for them, and a .NET base image made
# of a Debian base plus this machine's ASP.NET Core runtime, served by a local registry (the SDK's container publish
# pulls its base image from a registry). On a machine that can pull images none of this is needed.
#
#   eng/containers.sh          make everything ready (quick when it already is)
#   eng/containers.sh --check  exit 0 when everything is ready, 1 otherwise (changes nothing)
#
# The images: docker.io/library/redis:8.6 and docker.io/library/rabbitmq:4.3-management (the tags Aspire.Hosting.Redis
# and Aspire.Hosting.RabbitMQ 13.6.5 ask for; the AppHost tests check them against the manifest), incidentplatform/aspnet:10.0
# (pushed as $REGISTRY/incidentplatform/aspnet:10.0). Images are built with the host's network (dockerd runs with
# --iptables=false, so containers on the bridge network reach nothing outside this machine).
set -euo pipefail
cd "$(dirname "$0")"

# The SDK pulls from localhost registries over plain HTTP (and dockerd pushes to them) without further configuration.
REGISTRY=localhost:5055
BASE=incidentplatform/debian:bookworm
REDIS=docker.io/library/redis:8.6
RABBITMQ=docker.io/library/rabbitmq:4.3-management
ASPNET=incidentplatform/aspnet:10.0
STATE=/var/lib/incidentplatform
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"

have_image() { docker image inspect "$1" >/dev/null 2>&1; }
registry_has_base() { curl -fsS -o /dev/null "http://$REGISTRY/v2/${ASPNET%%:*}/manifests/${ASPNET##*:}" 2>/dev/null; }
ready() {
  docker info >/dev/null 2>&1 && have_image "$REDIS" && have_image "$RABBITMQ" && have_image "$ASPNET" && registry_has_base
}

if [ "${1:-}" = "--check" ]; then
  ready && exit 0 || exit 1
fi
if ready; then
  echo "containers: docker, $REDIS, $RABBITMQ and $REGISTRY/$ASPNET are ready"
  exit 0
fi

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-registry >/dev/null || missing+=(docker-registry)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "containers: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
$sudo mkdir -p "$STATE"

# Started once per machine and left running, like a system service: detached from this shell, logging under $STATE.
if ! docker info >/dev/null 2>&1; then
  echo "containers: starting dockerd (log: $STATE/dockerd.log)"
  $sudo setsid nohup dockerd --storage-driver=vfs --iptables=false --ip6tables=false \
    >"$STATE/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { tail -20 "$STATE/dockerd.log"; echo "containers: dockerd did not start" >&2; exit 1; }
fi

if ! have_image "$BASE"; then
  # The Debian mirror this machine's apt uses (deb822 sources or a classic list).
  mirror=$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
  [ -n "$mirror" ] || mirror=$(grep -hoE '^deb +\S+' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | head -1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  rootfs=$(mktemp -d /tmp/ip-rootfs.XXXXXX)
  chmod 755 "$rootfs" # it becomes the image's /, which every user must be able to enter
  echo "containers: debootstrap bookworm from $mirror"
  $sudo debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$STATE/debootstrap.log" 2>&1 ||
    { tail -20 "$STATE/debootstrap.log"; exit 1; }
  # The image's apt uses the same sources as this machine (updates and security included).
  if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
    $sudo rm -f "$rootfs/etc/apt/sources.list"
    $sudo cp /etc/apt/sources.list.d/*.sources "$rootfs/etc/apt/sources.list.d/"
  fi
  $sudo rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  $sudo tar -C "$rootfs" -c . | docker import - "$BASE" >/dev/null
  $sudo rm -rf "$rootfs"
fi

build() { # tag, context directory
  echo "containers: building $1"
  docker build --network host --build-arg "BASE=$BASE" -t "$1" "$2" >"$STATE/build.log" 2>&1 ||
    { tail -30 "$STATE/build.log"; echo "containers: building $1 failed (log: $STATE/build.log)" >&2; exit 1; }
}
have_image "$REDIS" || build "$REDIS" containers/redis
have_image "$RABBITMQ" || build "$RABBITMQ" containers/rabbitmq
built_aspnet=false
if ! have_image "$ASPNET"; then
  built_aspnet=true
  # This machine's .NET: the host, hostfxr and the two shared frameworks the services run on.
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  context=$(mktemp -d /tmp/ip-aspnet.XXXXXX)
  cp -r containers/aspnet/. "$context/"
  mkdir -p "$context/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$dotnet_root/host" "$context/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$context/dotnet/shared/"
  build "$ASPNET" "$context"
  rm -rf "$context"
fi

if ! curl -fsS -o /dev/null "http://$REGISTRY/v2/" 2>/dev/null; then
  echo "containers: starting a local registry on $REGISTRY (log: $STATE/registry.log)"
  $sudo tee "$STATE/registry.yml" >/dev/null <<YAML
version: 0.1
storage:
  filesystem:
    rootdirectory: $STATE/registry
http:
  addr: 127.0.0.1:${REGISTRY##*:}
YAML
  $sudo setsid nohup docker-registry serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 </dev/null &
  for _ in $(seq 60); do curl -fsS -o /dev/null "http://$REGISTRY/v2/" 2>/dev/null && break; sleep 0.5; done
fi
if $built_aspnet || ! registry_has_base; then
  docker tag "$ASPNET" "$REGISTRY/$ASPNET"
  docker push -q "$REGISTRY/$ASPNET" >/dev/null
fi
ready || { echo "containers: not ready" >&2; exit 1; }
echo "containers: docker, $REDIS, $RABBITMQ and $REGISTRY/$ASPNET are ready"
