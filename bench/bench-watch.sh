#!/usr/bin/env bash
# Benchmark of the watch (issue 27): Q1's container is paused and unpaused CHANGES times (each flips Q1, Q2 and Q4),
# either on this machine's daemon under a name of its own (BENCH_WATCH_WHERE=main, the default: the course setting
# LABS_LEARNER_WEB renames the page's `web`, so no page name is used there; as root the host is read directly), or
# as `web` in a learner VM of its own (BENCH_WATCH_WHERE=vm, testbeds/learner-vm.sh: read through the probe's helper
# container, kept for the watch's life). The watch (scripts/watch.sh, plain lines)
# writes, for each board it drew after Docker events, the time from the last of those events (as the watch received
# it) to the board drawn (-Dlabs.watch.timings). Then nothing happens for IDLE seconds and the watch JVM's own CPU
# (user+sys, from /proc/<pid>/stat) is read; its timer still re-checks every 2 s then. Prints one line:
#   watch_recheck_s=X.XX (median) watch_recheck_max_s=X.XX watch_pause_s=X.XX watch_unpause_s=X.XX (each kind's median:
#   a paused web fails fast, an unpaused one is every fact read) watch_changes=N watch_idle_cpu_s=X.XX watch_idle_s=60
#   watch_idle_cpu_pct=X.X
#
#   bench/bench-watch.sh [CHANGES]      CHANGES >= 10, default 10; run as root; IDLE from BENCH_WATCH_IDLE (60)
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
CHANGES=${1:-10}
IDLE=${BENCH_WATCH_IDLE:-60}
VM=${BENCH_WATCH_VM:-benchwatch}
NGINX=${LABS_IMAGE_NGINX:-docker-labs-standin/nginx:debian}
export LABS_IMAGE_NGINX=$NGINX LABS_IMAGE_ALPINE=${LABS_IMAGE_ALPINE:-docker-labs-standin/alpine:busybox}
WORK=$(mktemp -d /tmp/docker-labs-bench-watch.XXXXXX)
LOG=$WORK/watch.log
pid=

die() { echo "bench-watch: $*" >&2; exit 2; }
finish() {
  # The whole job (its own process group): Maven still compiling, or the watch's JVM, which cleans up on SIGINT as on
  # Ctrl-C; then SIGTERM, which it cleans up on too (a bench started in the background of a shell without job control
  # inherits SIGINT ignored, and so does its JVM); whatever still runs 10 s later is killed (as in
  # testbeds/watch-check.sh), so that no JVM outlives the bench.
  if [[ -n $pid ]]; then
    local signal
    for signal in INT TERM; do
      kill -"$signal" -- "-$pid" 2>/dev/null || break
      for _ in $(seq 50); do kill -0 -- "-$pid" 2>/dev/null || break 2; sleep 0.1; done
    done
    kill -KILL -- "-$pid" 2>/dev/null
  fi
  if [[ ${WHERE:-} == vm ]]; then testbeds/learner-vm.sh down "$VM" >/dev/null 2>&1
  elif [[ -n ${WEB:-} ]]; then
    # Unpaused first: Docker 20.10's rm -f of a paused container with an exec under way hung here until thawed.
    timeout 20 docker unpause "$WEB" >/dev/null 2>&1
    timeout 60 docker rm -f "$WEB" >/dev/null 2>&1
  fi
  [[ ${BENCH_KEEP:-} == 1 ]] && echo "bench-watch: logs kept in $WORK" >&2 || rm -rf "$WORK"
}
trap finish EXIT
trap 'exit 130' INT

WHERE=${BENCH_WATCH_WHERE:-main}
if [[ $WHERE == vm ]]; then
  testbeds/learner-vm.sh up "$VM" >"$WORK/vm.log" 2>&1 || die "no learner VM: $(tail -n 1 "$WORK/vm.log")"
  export DOCKER_HOST=unix:///run/labvm/$VM/docker.sock
  WEB=web
else
  # A name no page and no other run uses; the watch grades it as the page's web (LABS_LEARNER_WEB).
  WEB=docker-labs-bench-watch-web-$$
  export LABS_LEARNER_WEB=$WEB
fi
timeout 60 docker run -d --name "$WEB" --label org.sysnerd.bench-watch=1 "$NGINX" >/dev/null || die "cannot start $WEB"

set -m
scripts/watch.sh -Dlabs.report.dir="$WORK" -Dlabs.watch.timings="$WORK/timings.txt" </dev/null >"$LOG" 2>&1 &
pid=$!
set +m
# q1 STATUS [LIMIT]: waits (at most LIMIT s, 60) until the latest board shows Q1 with that status.
q1() {
  local deadline=$((SECONDS + ${2:-60}))
  until grep -E '^Q1 ' "$LOG" | tail -n 1 | grep -q " $1 "; do
    ((SECONDS < deadline)) || die "the board did not show Q1 $1 within ${2:-60} s"
    sleep 0.1
  done
}
q1 PASSED 600   # the first board comes after Maven's compile and the first check
for ((i = 1; i <= CHANGES; i++)); do
  if ((i % 2)); then timeout 60 docker pause "$WEB" >/dev/null; q1 FAILED; else timeout 60 docker unpause "$WEB" >/dev/null; q1 PASSED; fi
  # Let the burst's checks end before the next change, so that each change is measured on its own.
  sleep 3
done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks)
sleep "$IDLE"
after=$(ticks)
python3 - "$WORK/timings.txt" "$CHANGES" "$((after - before))" "$(getconf CLK_TCK)" "$IDLE" "$WHERE" <<'PY'
import statistics, sys
times = [float(l.split("=")[1]) for l in open(sys.argv[1]) if l.startswith("event_to_board_s=")]
cpu = int(sys.argv[3]) / int(sys.argv[4]); idle = float(sys.argv[5])
# The changes alternate pause (odd) and unpause (even): each kind's median too, when there was one board per change.
kinds = ""
if len(times) == int(sys.argv[2]):
    kinds = (f"watch_pause_s={statistics.median(times[0::2]):.2f} watch_unpause_s={statistics.median(times[1::2]):.2f} ")
print(f"watch_where={sys.argv[6]} watch_recheck_s={statistics.median(times):.2f} watch_recheck_max_s={max(times):.2f} {kinds}"
      f"watch_changes={sys.argv[2]} watch_boards={len(times)} watch_idle_cpu_s={cpu:.2f} watch_idle_s={idle:.0f} "
      f"watch_idle_cpu_pct={100 * cpu / idle:.1f}")
PY
