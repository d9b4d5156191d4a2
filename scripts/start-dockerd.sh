#!/usr/bin/env bash
# Starts a Docker daemon on a machine without systemd (CI, this sandbox) and waits for its
# socket, at most DOCKERD_WAIT seconds. Does nothing when a daemon already answers.
# Extra dockerd flags may be given as arguments (e.g. --iptables=false, to watch Q3 fail).
set -euo pipefail
WAIT="${DOCKERD_WAIT:-60}"
LOG="${DOCKERD_LOG:-/tmp/docker-labs-dockerd.log}"

if docker version >/dev/null 2>&1; then
  echo "start-dockerd: a Docker daemon already answers"; exit 0
fi
command -v dockerd >/dev/null || { echo "start-dockerd: no dockerd: apt-get install -y docker.io" >&2; exit 1; }
# A daemon killed with its session leaves its pid file, and dockerd refuses to start while the file
# names a live process, whatever that process now is.
pidfile=/var/run/docker.pid
if [ -f "$pidfile" ] && ! grep -qx dockerd "/proc/$(cat "$pidfile")/comm" 2>/dev/null; then
  echo "start-dockerd: removing the stale $pidfile"; rm -f "$pidfile"
fi
echo "start-dockerd: starting dockerd $* (log: $LOG)"
nohup dockerd "$@" >"$LOG" 2>&1 &
echo $! > /tmp/docker-labs-dockerd.pid
# shellcheck source=lib/wait.sh
source "$(dirname "$0")/lib/wait.sh"
dockerd_runs() { kill -0 "$(cat /tmp/docker-labs-dockerd.pid)" 2>/dev/null; }
rc=0
WAIT_ALIVE=dockerd_runs wait_for "answer from dockerd" "$WAIT" docker version 2>/dev/null || rc=$?
if ((rc == 2)); then echo "start-dockerd: dockerd exited; last lines of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; fi
if ((rc != 0)); then echo "start-dockerd: no answer from dockerd within ${WAIT}s; last lines of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; fi
echo "start-dockerd: Docker $(docker version -f '{{.Server.Version}}') answers after $((SECONDS))s"
