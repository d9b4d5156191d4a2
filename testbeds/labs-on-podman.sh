#!/usr/bin/env bash
# Runs the spec labs against Podman's Docker-compatible API, as root (rootful Podman), on a socket of
# its own: installs Debian's podman if missing, starts `podman system service` (bounded wait), loads the
# stand-in images from Docker, runs `./mvnw test -Dtest='Q*'` with DOCKER_HOST pointed at it, then removes
# the suite's containers and stops the service. Docker Engine and its reports are left as they were:
# Podman's reports (Surefire's XML and labs-report.*) go to target/reports/podman/. Then the learner mode on Podman:
# the page's solutions typed with the docker CLI against Podman's API (scripts/learner-state.sh), graded, reports in
# target/reports/podman-learner/.
# Passes when no lab FAILED in either mode (each lab passed, or was blocked with its reason).
# Extra Maven arguments may be given (default: -o test -Dtest='Q*').
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
WAIT="${PODMAN_WAIT:-30}"
RUN_DIR="${PODMAN_LABS_DIR:-/run/podman-labs}"
SOCK="$RUN_DIR/podman.sock"
LOG="$RUN_DIR/service.log"
NGINX="${LABS_STANDIN_NGINX:-docker-labs-standin/nginx:debian}"
ALPINE="${LABS_STANDIN_ALPINE:-docker-labs-standin/alpine:busybox}"
LABEL=org.sysnerd.docker-labs
(($#)) || set -- -o test -Dtest='Q*' -Dlabs.mode=spec

if ! command -v podman >/dev/null; then
  echo "podman-labs: installing podman"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman >/dev/null
fi
mkdir -p "$RUN_DIR"

# Podman names loaded images localhost/<name>: the overrides name them so.
docker save "$NGINX" "$ALPINE" | podman load -q >/dev/null
export LABS_IMAGE_NGINX="localhost/$NGINX" LABS_IMAGE_ALPINE="localhost/$ALPINE"

rm -f "$SOCK"
service=
status=0
stop() {
  left=$(podman ps -aq --filter "label=$LABEL")
  if [ -n "$left" ]; then
    echo "podman-labs: the suite left containers behind:" >&2
    podman ps -a --filter "label=$LABEL" >&2
    podman rm -f $left >/dev/null
    status=1
  fi
  [ -z "$service" ] || { kill "$service" 2>/dev/null && wait "$service" 2>/dev/null || true; }
  rm -f "$SOCK"
}
trap stop EXIT
remote() { podman --remote --url "unix://$SOCK" "$@"; }
start_service() {
  echo "podman-labs: starting podman system service on unix://$SOCK (log: $LOG)"
  # From its own directory: conmon writes an empty file `oom` into its working directory when the kernel OOM-kills a
  # container (Q6's does, on purpose), and the service's conmons inherit the service's (the checkout, otherwise).
  mkdir -p "$RUN_DIR"
  (cd "$RUN_DIR" && exec podman system service --time=0 "unix://$SOCK") >"$LOG" 2>&1 &
  service=$!
  local rc=0
  WAIT_ALIVE=service_runs wait_for "answer on $SOCK" "$WAIT" remote version 2>/dev/null || rc=$?
  if ((rc == 2)); then echo "podman-labs: the service exited; last lines of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; fi
  if ((rc != 0)); then echo "podman-labs: no answer on $SOCK within ${WAIT}s; last lines of $LOG:" >&2; tail -20 "$LOG" >&2; exit 1; fi
}
service_runs() { kill -0 "$service" 2>/dev/null; }
# shellcheck source=../scripts/lib/wait.sh
source scripts/lib/wait.sh
start_service

# This sandbox only: Podman asks runc for nofile and nproc limits above the hard limits its own process has
# here, which runc may not raise ("error setting rlimit type 7" or "6"). Then give containers the service's
# own limits, through a containers.conf of this run's own (CONTAINERS_CONF), not /etc's, and start again.
if ! err=$(remote run --rm "$LABS_IMAGE_ALPINE" true 2>&1); then
  if [[ "$err" != *"error setting rlimit"* ]]; then
    echo "podman-labs: Podman cannot run a container: $err" >&2; exit 1
  fi
  nofile=$(awk '/^Max open files/ {print $5}' "/proc/$service/limits")
  nproc=$(awk '/^Max processes/ {print $4}' "/proc/$service/limits")
  printf '[containers]\ndefault_ulimits = ["nofile=%s:%s", "nproc=%s:%s"]\n' "$nofile" "$nofile" "$nproc" "$nproc" \
    > "$RUN_DIR/containers.conf"
  export CONTAINERS_CONF="$RUN_DIR/containers.conf"
  echo "podman-labs: containers get nofile=$nofile nproc=$nproc, the service's own hard limits (Podman's defaults are above them)"
  kill "$service"; wait "$service" 2>/dev/null || true
  start_service
  remote run --rm "$LABS_IMAGE_ALPINE" true
fi
echo "podman-labs: Podman $(remote version -f '{{.Server.Version}}') answers and runs containers"

# Docker's reports of the earlier runs stay where they are; Podman's go to target/reports/podman*/ (-Dlabs.report.dir
# moves Surefire's XML there too: see the pom).
# labs DIR [MAVEN ARGS]: runs the labs against Podman, the report in DIR; fails (status=1) when a lab FAILED
labs() {
  local dir=$1 report passed total
  shift
  DOCKER_HOST="unix://$SOCK" ./mvnw "$@" -Dlabs.report.dir="$dir" || true
  report=$dir/labs-report.json
  if [ ! -f "$report" ]; then
    echo "podman-labs: no report in $dir: the labs did not run" >&2; status=1
  elif grep -q '"status" *: *"FAILED"' "$report"; then
    echo "podman-labs: a lab FAILED on Podman (see $dir/labs-report.md)" >&2; status=1
  else
    passed=$(grep -o '"passed" *: *[0-9]*' "$report" | grep -o '[0-9]*$')
    total=$(grep -o '"total" *: *[0-9]*' "$report" | grep -o '[0-9]*$')
    echo "podman-labs: no lab failed on Podman ($dir): $passed/$total passed$( ((passed == total)) || echo ", the others blocked with their reason")"
  fi
}
labs target/reports/podman "$@"
# The learner mode on Podman: the page's solutions typed against Podman's API with the docker CLI.
DOCKER_HOST="unix://$SOCK" scripts/learner-state.sh up
labs target/reports/podman-learner "$@" -Dlabs.mode=learner
DOCKER_HOST="unix://$SOCK" scripts/learner-state.sh down
trap - EXIT
stop
exit "$status"
