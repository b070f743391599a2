#!/usr/bin/env bash
# Proves the container image rather than assuming it: builds it from the
# Dockerfile with podman (Debian's packages, as root), then runs it.
#
#   - the image's /data belongs to its non-root user;
#   - facts check and ask work;
#   - against the fake Discord, a fresh named volume gets its SQLite file,
#     podman healthcheck run is healthy, then unhealthy once Discord is gone,
#     and podman stop stops it cleanly;
#   - a root-owned bind mount at /data is refused with the chown to run.
#
# No registry is reachable here, so the build stage's golang image cannot
# be pulled: the script builds the binary with the Dockerfile's command and
# lays out the stage's /rootfs with the same container/rootfs.sh, and hands
# that to the Dockerfile as its "build" stage (--build-context). The runtime
# stage is FROM scratch: nothing to pull.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
	echo "-- installing podman and runc from Debian's packages"
	DEBIAN_FRONTEND=noninteractive apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah runc >/dev/null
fi

work=$(mktemp -d)
image=localhost/ninebridges:check
fake_pid=
cleanup() {
	podman rm -f nb-check >/dev/null 2>&1 || true
	podman volume rm -f nb-check-data >/dev/null 2>&1 || true
	podman rmi -f "$image" >/dev/null 2>&1 || true
	[[ -n $fake_pid ]] && kill "$fake_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "container check FAILED: $*" >&2
	exit 1
}

# crun (podman's default here) cannot set the limits this machine allows,
# and cgroups are in hybrid mode: runc with explicit limits works. A
# CONTAINERS_CONF of our own changes nothing under /etc.
cat >"$work/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$work/containers.conf

echo "-- build"
CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$work/ninebridges" ./cmd/ninebridges
sh container/rootfs.sh "$work/stage/rootfs" "$work/ninebridges"
podman build -q --format docker --build-context build="$work/stage" -t "$image" . >/dev/null

echo "-- /data belongs to the image's user"
mnt=$(podman image mount "$image")
owner=$(stat -c %u:%g "$mnt/data")
podman image unmount "$image" >/dev/null
[[ $owner == 65532:65532 ]] || fail "/data is owned by $owner, want 65532:65532"

echo "-- facts check and ask"
podman run --rm "$image" facts check | grep -q '^ok:' || fail "facts check"
podman run --rm "$image" ask "korea russia trade 2016" | grep -q '13\.4' || fail "ask"

echo "-- a fresh volume, the health check, and a clean stop, against the fake Discord"
go build -o "$work/fakediscord" ./bot/discordtest/fakediscord
"$work/fakediscord" -token test-token >"$work/fake.out" 2>&1 &
fake_pid=$!
for _ in $(seq 50); do
	url=$(head -n1 "$work/fake.out" 2>/dev/null || true)
	[[ $url == http* ]] && break
	sleep 0.1
done
[[ $url == http* ]] || fail "the fake Discord did not start: $(cat "$work/fake.out")"
podman volume create nb-check-data >/dev/null
podman run -d --name nb-check --network host \
	-e DISCORD_TOKEN=test-token -e NINEBRIDGES_DISCORD_URL="$url" -e NINEBRIDGES_HTTP_ADDR=127.0.0.1:18765 \
	-v nb-check-data:/data "$image" >/dev/null
healthy=
for _ in $(seq 40); do
	if podman healthcheck run nb-check >/dev/null 2>&1; then
		healthy=yes
		break
	fi
	sleep 0.5
done
[[ -n $healthy ]] || fail "never healthy: $(podman logs nb-check 2>&1 | tail -5)"
vol=$(podman volume mount nb-check-data)
[[ -f $vol/ninebridges.db ]] || fail "the volume has no ninebridges.db"
podman volume unmount nb-check-data >/dev/null
kill "$fake_pid"
wait "$fake_pid" 2>/dev/null || true
fake_pid=
unhealthy=
for _ in $(seq 40); do
	if ! podman healthcheck run nb-check >/dev/null 2>&1; then
		unhealthy=yes
		break
	fi
	sleep 0.5
done
[[ -n $unhealthy ]] || fail "still healthy with Discord gone"
podman stop -t 15 nb-check >/dev/null
code=$(podman inspect -f '{{.State.ExitCode}}' nb-check)
[[ $code == 0 ]] || fail "podman stop: exit code $code"

echo "-- a root-owned bind mount is refused, saying how to fix it"
mkdir -m 0755 "$work/rootdata"
if out=$(podman run --rm -e DISCORD_TOKEN=test-token -v "$work/rootdata:/data" "$image" run 2>&1); then
	fail "started on a root-owned /data"
fi
grep -q 'chown 65532:65532 /data' <<<"$out" || fail "the refusal does not say what to run: $out"

echo "container check: ok"
