#!/usr/bin/env bash
# Gives this machine the container runtime and images that `dotnet run --project IncidentPlatform.AppHost`, the AppHost
# tests and the service images need, without any image registry: Debian's docker.io (dockerd started if none runs, on
# overlay2 where the kernel allows, else vfs),
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
# Each image is labelled with a hash of what it is built from (its Dockerfile and files, and for the .NET base the
# runtime's version), so a changed recipe or runtime rebuilds it and nothing else does.
recipe() { # context directory [extra]
  { cat "$1"/*; echo "${2:-}"; } | sha256sum | cut -c1-16
}
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)
current() { # image, recipe
  [ "$(docker image inspect -f '{{ index .Config.Labels "org.incidentplatform.recipe" }}' "$1" 2>/dev/null)" = "$2" ]
}
registry_has_base() { curl -fsS -o /dev/null "http://$REGISTRY/v2/${ASPNET%%:*}/manifests/${ASPNET##*:}" 2>/dev/null; }
ready() {
  docker info >/dev/null 2>&1 && current "$REDIS" "$(recipe containers/redis)" &&
    current "$RABBITMQ" "$(recipe containers/rabbitmq)" && current "$ASPNET" "$(recipe containers/aspnet "$runtime")" &&
    registry_has_base
}

done_if_ready() {
  if ready; then
    echo "containers: docker, $REDIS, $RABBITMQ and $REGISTRY/$ASPNET are ready"
    exit 0
  fi
}

if [ "${1:-}" = "--check" ]; then
  ready && exit 0 || exit 1
fi
done_if_ready
# One preparation at a time on a machine (test runs of several clones may start together); the others wait, then
# find everything ready.
exec 9>/tmp/incidentplatform-containers.lock
flock 9
done_if_ready
$sudo mkdir -p "$STATE"

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

# overlay2 where the kernel mounts overlayfs on Docker's disk; else vfs, which works everywhere but copies every
# layer and every new container's whole file system (seconds per container start instead of milliseconds).
storage_driver() {
  local probe="$STATE/overlay-probe"
  $sudo mkdir -p "$probe/lower" "$probe/upper" "$probe/work" "$probe/merged"
  if $sudo mount -t overlay overlay -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" 2>/dev/null; then
    $sudo umount "$probe/merged"; $sudo rm -rf "$probe"; echo overlay2
  else
    $sudo rm -rf "$probe"; echo vfs
  fi
}

# Started once per machine and left running, like a system service: detached from this shell, logging under $STATE.
if ! docker info >/dev/null 2>&1; then
  driver=$(storage_driver)
  echo "containers: starting dockerd with the $driver storage driver (log: $STATE/dockerd.log)"
  $sudo setsid nohup dockerd --storage-driver="$driver" --iptables=false --ip6tables=false \
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

build() { # tag, context directory, recipe
  echo "containers: building $1"
  local old; old=$(docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true)
  docker build --network host --build-arg "BASE=$BASE" --label "org.incidentplatform.recipe=$3" -t "$1" "$2" \
    >"$STATE/build.log" 2>&1 ||
    { tail -30 "$STATE/build.log"; echo "containers: building $1 failed (log: $STATE/build.log)" >&2; exit 1; }
  [ -z "$old" ] || docker image rm "$old" >/dev/null 2>&1 || true # the previous build, unless still in use
}
current "$REDIS" "$(recipe containers/redis)" || build "$REDIS" containers/redis "$(recipe containers/redis)"
current "$RABBITMQ" "$(recipe containers/rabbitmq)" || build "$RABBITMQ" containers/rabbitmq "$(recipe containers/rabbitmq)"
built_aspnet=false
if ! current "$ASPNET" "$(recipe containers/aspnet "$runtime")"; then
  built_aspnet=true
  # This machine's .NET: the host, hostfxr and the shared frameworks of its newest ASP.NET Core runtime.
  netcore=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)
  context=$(mktemp -d /tmp/ip-aspnet.XXXXXX)
  cp -r containers/aspnet/. "$context/"
  mkdir -p "$context/dotnet/shared/Microsoft.NETCore.App" "$context/dotnet/shared/Microsoft.AspNetCore.App"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$dotnet_root/host" "$context/dotnet/"
  cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$netcore" "$context/dotnet/shared/Microsoft.NETCore.App/"
  cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$runtime" "$context/dotnet/shared/Microsoft.AspNetCore.App/"
  build "$ASPNET" "$context" "$(recipe containers/aspnet "$runtime")"
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
done_if_ready
echo "containers: not ready" >&2
exit 1
