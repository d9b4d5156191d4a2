#!/usr/bin/env bash
# Builds local stand-ins for alpine and nginx from Debian's busybox-static and
# nginx packages, for machines that cannot pull from a registry.
set -euo pipefail
umask 022  # the nginx workers (user nginx) must be able to read what we stage

ALPINE_IMAGE=docker-labs-standin/alpine:busybox
NGINX_IMAGE=docker-labs-standin/nginx:debian
BUSYBOX=/bin/busybox
NGINX=/usr/sbin/nginx
SRC="$(cd "$(dirname "${BASH_SOURCE[0]}")/standin" && pwd)"

die() { echo "build-standin-images: $*" >&2; exit 1; }

docker info >/dev/null 2>&1 || die "cannot talk to the Docker daemon (is it running, and may you use it?)"
[ -x "$BUSYBOX" ] || die "$BUSYBOX missing: apt-get install busybox-static"
# A dynamically linked busybox (Debian's 'busybox' package) would not run in a scratch image.
! ldd "$BUSYBOX" >/dev/null 2>&1 || die "$BUSYBOX is not static: apt-get install busybox-static"
[ -x "$NGINX" ] && [ -f /etc/nginx/mime.types ] || die "nginx missing: apt-get install nginx"

CTX="$(mktemp -d)"
trap 'rm -rf "$CTX"' EXIT

# Busybox plus a symlink per applet, made here rather than with RUN so the
# build starts no container. perl (Essential in Debian) makes all ~270 links in
# one process; a loop of `ln` costs over a second.
mkdir -p "$CTX/busybox/bin"
cp "$BUSYBOX" "$CTX/busybox/bin/busybox"
"$BUSYBOX" --list | grep -vx busybox |
  (cd "$CTX/busybox/bin" && xargs perl -e 'symlink("busybox", $_) or die "$_: $!\n" for @ARGV')

cp -r "$SRC/alpine" "$CTX/alpine"
cp -a "$CTX/busybox/." "$CTX/alpine/rootfs/"
mkdir -p "$CTX/alpine/rootfs/root" "$CTX/alpine/rootfs/tmp"
chmod 1777 "$CTX/alpine/rootfs/tmp"

cp -r "$SRC/nginx" "$CTX/nginx"
cp -a "$CTX/busybox" "$CTX/nginx/busybox"
# The binary, every library ldd resolves and the dynamic loader, at their host paths.
mkdir -p "$CTX/nginx/libs"
cp --parents "$NGINX" "$CTX/nginx/libs"
ldd "$NGINX" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' |
  while read -r lib; do cp -L --parents "$lib" "$CTX/nginx/libs"; done
cfg="$CTX/nginx/config"
cp /etc/nginx/mime.types "$cfg/etc/nginx/"
mkdir -p "$cfg/var/log/nginx" "$cfg/run" "$cfg/tmp" "$cfg/var/cache/nginx" \
  "$cfg"/var/lib/nginx/{body,fastcgi,proxy,scgi,uwsgi}
chmod 1777 "$cfg/tmp"
# As in the upstream image, so anything writing the default log files reaches `docker logs`.
ln -s /dev/stdout "$cfg/var/log/nginx/access.log"
ln -s /dev/stderr "$cfg/var/log/nginx/error.log"

# The legacy builder: the 20.10 daemon has no BuildKit here and there is no
# buildx plugin. Its deprecation notice is noise, so output is shown only on failure.
build() {
  local log
  log="$(DOCKER_BUILDKIT=0 docker build -q --label org.sysnerd.docker-labs.standin=true \
    -t "$1" "$2" 2>&1)" || { printf '%s\n' "$log" >&2; die "building $1 failed"; }
}
build "$ALPINE_IMAGE" "$CTX/alpine"
build "$NGINX_IMAGE" "$CTX/nginx"

echo "$ALPINE_IMAGE"
echo "$NGINX_IMAGE"
