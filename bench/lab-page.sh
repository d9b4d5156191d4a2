#!/usr/bin/env bash
# The Docker module's lab page, Q1 to Q5: its own solution and verify commands, as a plain shell script
# with the docker CLI and the host's tools. It is the baseline the suite is measured against
# (bench/bench.sh): the same work a learner does by hand, nothing more. Its output is not checked.
#
#   sudo bench/lab-page.sh            run as root (reads /proc/<pid>/ns/net, runs iptables)
#
# Unlike the page it never uses the names web, stayup or gone, nor a fixed host port: each container is
# named labpage-<id>-<lab>-<role>, labelled org.sysnerd.lab-page=<id>, published on a port Docker picks,
# and removed on exit (also on error or interrupt).
# Env: LABS_IMAGE_NGINX (default nginx:1.27.4), LABS_IMAGE_ALPINE (default alpine:3.21.3).
set -eu

NGINX=${LABS_IMAGE_NGINX:-nginx:1.27.4}
ALPINE=${LABS_IMAGE_ALPINE:-alpine:3.21.3}
ID=$$-$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
LABEL=org.sysnerd.lab-page=$ID
MADE=()

cleanup() {
  ((${#MADE[@]})) && docker rm -fv "${MADE[@]}" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# run NAME ARGS...: docker run --name NAME, remembered for the clean-up before it is made
run() {
  local name=$1; shift
  MADE+=("$name")
  docker run --name "$name" --label "$LABEL" "$@"
}
step() { printf '\n## %s\n' "$*"; }
say() { printf '$ %s\n' "$*"; }

# --- Q1 · A container is just a host process --------------------------------------------------------
step "Q1 · A container is just a host process"
web1=labpage-$ID-q1-web
say "docker run -d --name $web1 $NGINX"
run "$web1" -d "$NGINX"
say "docker inspect -f '{{.State.Pid}}' $web1"
pid=$(docker inspect -f '{{.State.Pid}}' "$web1")
echo "$pid"
say "ls -l /proc/$pid/ns/net"
ls -l "/proc/$pid/ns/net"

# --- Q2 · Layers are overlayfs ----------------------------------------------------------------------
step "Q2 · Layers are overlayfs"
say "docker image inspect $NGINX -f '{{.RootFS.Layers}}'"
docker image inspect "$NGINX" -f '{{.RootFS.Layers}}'
say "mount | grep overlay | head"
mount | grep overlay | head

# --- Q3 · Publishing a port is DNAT -----------------------------------------------------------------
step "Q3 · Publishing a port is DNAT"
web3=labpage-$ID-q3-web
say "docker run -d --name $web3 -p 80 $NGINX"
run "$web3" -d -p 80 "$NGINX"
say "docker port $web3 80/tcp"
port=$(docker port "$web3" 80/tcp | head -n 1)
port=${port##*:}
echo "$port"
say "iptables -t nat -S DOCKER | grep 'dport $port '"
iptables -t nat -S DOCKER | grep -- "--dport $port "

# --- Q4 · docker0 is the bridge you built -----------------------------------------------------------
step "Q4 · docker0 is the bridge you built"
say "ip addr show docker0"
ip addr show docker0
say "docker network inspect bridge -f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}'"
docker network inspect bridge -f '{{range .Containers}}{{.Name}} {{.IPv4Address}} {{end}}'

# --- Q5 · Break-and-fix: the instant exit -----------------------------------------------------------
step "Q5 · Break-and-fix: the instant exit"
gone=labpage-$ID-q5-gone
stayup=labpage-$ID-q5-stayup
say "docker run --name $gone $ALPINE        # exits immediately"
run "$gone" "$ALPINE"
docker inspect -f '{{.Name}} {{.State.Status}} exit {{.State.ExitCode}}' "$gone"
say "docker run -d --name $stayup $ALPINE sleep 1000"
run "$stayup" -d "$ALPINE" sleep 1000
say "docker ps --filter name=$stayup"
docker ps --filter "name=$stayup"
