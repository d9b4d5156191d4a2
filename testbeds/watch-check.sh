#!/usr/bin/env bash
# CI check of the watch (issue 27): in a learner VM of its own (testbeds/learner-vm.sh), the watch runs without a
# terminal (plain lines) while the page's solutions are typed one by one with the docker CLI, then `docker pause web`
# and `docker unpause web`; after each step the board's latest score line must say what the state deserves
# ("0/6 labs passed" ... "All 6 labs passed"), and the pause must show Q1's facts as a regression. Then the watch is
# ended with SIGINT, as Ctrl-C would, and must be gone within 2 s leaving no container of the kit in the VM.
#
#   testbeds/watch-check.sh            run as root; about 1 to 3 minutes (a board each step, the VM's start)
#
# Env: WATCH_CHECK_AS (root, or docker-group: the watch as a learner in the docker group, testbeds/as-docker-group-user.sh),
# WATCH_FIRST_LIMIT (seconds for the first board, a compile included: 180),
# LABS_IMAGE_NGINX, LABS_IMAGE_ALPINE (the VM has the stand-ins), WATCH_CHECK_VM (watchcheck), WATCH_STEP_LIMIT
# (seconds a board may take to show a step, 60), MAVEN_ARGS as for ./mvnw. Exit 0 when every step's board was right.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
VM=${WATCH_CHECK_VM:-watchcheck}
STEP_LIMIT=${WATCH_STEP_LIMIT:-60}
FIRST_LIMIT=${WATCH_FIRST_LIMIT:-180}
AS=${WATCH_CHECK_AS:-root}
[[ $AS =~ ^(root|docker-group)$ ]] || { echo "watch-check: WATCH_CHECK_AS=$AS: root or docker-group" >&2; exit 2; }
NGINX=${LABS_IMAGE_NGINX:-docker-labs-standin/nginx:debian}
ALPINE=${LABS_IMAGE_ALPINE:-docker-labs-standin/alpine:busybox}
export LABS_IMAGE_NGINX=$NGINX LABS_IMAGE_ALPINE=$ALPINE
OUT=${LABS_REPORT_DIR:-target/reports}/watch-check-$AS
mkdir -p "$OUT"
LOG=$OUT/watch.log
status=0
pid=

say() { echo "watch-check: $*"; }
finish() {
  [[ -n $pid ]] && kill -KILL -- "-$pid" 2>/dev/null
  testbeds/learner-vm.sh down "$VM" >/dev/null 2>&1
}
trap finish EXIT

testbeds/learner-vm.sh up "$VM" >"$OUT/vm.log" 2>&1 || { say "no learner VM: $(tail -n 1 "$OUT/vm.log")"; exit 2; }
export DOCKER_HOST=unix:///run/labvm/$VM/docker.sock
dk() { timeout 60 docker "$@" >/dev/null; }

# The latest board's score line.
score() { grep -E '^(All [0-9]+ labs passed|[0-9]+/[0-9]+ labs passed) ·' "$LOG" | tail -n 1; }
# expect STEP PATTERN: waits until the latest board's score line matches PATTERN.
expect() {
  local step=$1 pattern=$2 deadline=$((SECONDS + STEP_LIMIT))
  until score | grep -qE "$pattern"; do
    if ((SECONDS >= deadline)) || ! kill -0 "$pid" 2>/dev/null; then
      say "FAILED after '$step': expected /$pattern/, the board says '$(score)'"; status=1; return 1
    fi
    sleep 0.2
  done
  say "ok after '$step': $(score)"
}

# Job control on: a background job of a script would otherwise ignore SIGINT, and so would the JVM.
set -m
if [[ $AS == docker-group ]]; then
  # As a learner in the docker group (not root): the host read through the daemon, the project in the user's copy.
  testbeds/as-docker-group-user.sh --run scripts/watch.sh </dev/null >"$LOG" 2>&1 &
else
  scripts/watch.sh -Dlabs.report.dir="$OUT" </dev/null >"$LOG" 2>&1 &
fi
pid=$!
set +m
# The first board comes after a compile (a whole one in the docker-group user's fresh copy).
STEP_LIMIT=$FIRST_LIMIT expect "nothing done" '^0/6 labs passed'
dk run -d --name web "$NGINX";                           expect "docker run -d --name web nginx" '^3/6 labs passed'
dk run -d -p 8080:80 "$NGINX";                           expect "docker run -d -p 8080:80 nginx" '^4/6 labs passed'
dk run --name gone "$ALPINE"; dk run -d --name stayup "$ALPINE" sleep 1000
expect "docker run --name gone alpine; docker run -d --name stayup alpine sleep 1000" '^5/6 labs passed'
dk run -d --name limited --memory 64m --cpus 0.5 "$NGINX"; expect "docker run -d --name limited ..." '^All 6 labs passed'
dk pause web;                                            expect "docker pause web" '^3/6 labs passed'
if tail -n 80 "$LOG" | grep -q 'REGRESSION'; then say "ok: the pause shows as a regression"; else
  say "FAILED: no fact marked as a regression after docker pause web"; status=1; fi
dk unpause web;                                          expect "docker unpause web" '^All 6 labs passed'

# Ctrl-C: the watch (the java that scripts/watch.sh became) must end within 2 s, leaving none of the kit's containers.
sig=INT
# A job started in the background of a shell without job control has SIGINT ignored, and keeps it so (the JVM too):
# then SIGTERM, which the JVM takes as it does SIGINT (the same shutdown hooks).
if (( 0x$(awk '/^SigIgn/ {print $2}' "/proc/$pid/status") & 2 )); then
  say "SIGINT is ignored in the watch's process (started in the background without job control): SIGTERM instead"; sig=TERM
fi
kill -"$sig" -- "-$pid"  # the job's whole process group: the JVM, and any wrapper before it
sent=$(date +%s%N)
while kill -0 "$pid" 2>/dev/null && (($(date +%s%N) - sent < 2000000000)); do sleep 0.05; done
if kill -0 "$pid" 2>/dev/null; then say "FAILED: the watch still runs 2 s after SIG$sig"; status=1; else
  say "ok: ended $(( ($(date +%s%N) - sent) / 1000000 )) ms after SIG$sig"; pid=; fi
left=$(timeout 60 docker ps -aq --filter label=org.sysnerd.docker-labs | wc -l)
if ((left > 0)); then say "FAILED: $left container(s) of the kit left in the VM"; status=1; else say "ok: no container of the kit left"; fi
((status == 0)) && say "passed" || say "failed: the board is in $LOG"
exit $status
