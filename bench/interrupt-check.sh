#!/usr/bin/env bash
# Ctrl-C check (issue 12): starts `./mvnw -o test` (or the Maven arguments given after --), sends SIGINT or SIGTERM
# to Maven's JVM (the labs run inside it: forkCount=0) AT seconds after its start, and reports how long the JVM took
# to end after the signal and how many of the suite's containers it left (those whose owner label is this JVM).
# With NEXT_RUN=1, a run left containers, it then runs one lab and checks that its preflight removed them.
#
#   bench/interrupt-check.sh AT [INT|TERM] [-- maven args]      e.g. bench/interrupt-check.sh 30 TERM
#
# Last line: signal=TERM at_s=30 exit_s=0.4 rc=143 started=4 left=0 [left_after_next_run=0], or signal=none
# ended_by_itself_s=5.5 when the run was over before AT.
# (exit_s=hung when the JVM was still alive EXIT_LIMIT seconds after the signal: it is then killed with -9.)
# Env: EXIT_LIMIT (s, default 60), RUN_LIMIT (s a whole run may take before the signal, 600), NEXT_RUN (0).
# The settings of the run are the caller's: e.g. unset TESTCONTAINERS_RYUK_DISABLED for the no-registry case.
set -euo pipefail

die() { echo "interrupt-check: $*" >&2; exit 2; }
AT=${1:-}
SIGNAL=${2:-INT}
[[ $AT =~ ^[0-9]+([.][0-9]+)?$ ]] || die "usage: bench/interrupt-check.sh AT [INT|TERM] [-- maven args]"
[[ $SIGNAL == INT || $SIGNAL == TERM ]] || die "the signal is INT or TERM, not '$SIGNAL'"
shift $(( $# < 2 ? $# : 2 ))
[ "${1:-}" = -- ] && shift
MVN_ARGS=("$@")
((${#MVN_ARGS[@]})) || MVN_ARGS=(-o test -Pspec)
EXIT_LIMIT=${EXIT_LIMIT:-60}
RUN_LIMIT=${RUN_LIMIT:-600}
command -v bc >/dev/null || die "needs bc to time the run (apt-get install -y bc)"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OWNER=org.sysnerd.docker-labs.owner
LOG=$(mktemp /tmp/docker-labs-interrupt.XXXXXX.log)

dk() { timeout 30 docker "$@"; }   # every docker call is bounded
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc | awk '{printf "%.1f", $1}'; }
# The suite's containers whose owner is the JVM with this PID (owner label: host/pid/start ms).
of_jvm() { dk ps -a --filter "label=$OWNER" --format "{{.ID}} {{.Label \"$OWNER\"}}" | awk -v p="/$1/" 'index($2, p) {print $1}'; }

cd "$ROOT"
# Its own session: the signal goes to Maven's JVM only, as the terminal would send it; mvnw and mvn exec into java.
# A background job of a script starts with SIGINT ignored, which the JVM would inherit: restore it first.
setsid env --default-signal=INT ./mvnw "${MVN_ARGS[@]}" >"$LOG" 2>&1 &
jvm=$!
started_at=$(now)
trap 'kill -KILL "$jvm" 2>/dev/null || true' EXIT

# Wait until AT seconds into the run, bounded by the run's own end.
while kill -0 "$jvm" 2>/dev/null && (( $(echo "$(now) - $started_at < $AT" | bc) )); do sleep 0.05; done
if ! kill -0 "$jvm" 2>/dev/null; then
  rc=0; wait "$jvm" || rc=$?
  trap - EXIT
  echo "signal=none at_s=$AT ended_by_itself_s=$(elapsed "$started_at") rc=$rc left=$(of_jvm "$jvm" | wc -l) (log: $LOG)"
  exit 0
fi
started=$(of_jvm "$jvm" | wc -l)
signalled=$(now)
kill "-$SIGNAL" "$jvm"
while kill -0 "$jvm" 2>/dev/null && (( $(echo "$(now) - $signalled < $EXIT_LIMIT" | bc) )); do sleep 0.05; done
if kill -0 "$jvm" 2>/dev/null; then
  exit_s=hung
  kill -KILL "$jvm"
fi
exit_s=${exit_s:-$(elapsed "$signalled")}
rc=0; wait "$jvm" || rc=$?
trap - EXIT
left=$(of_jvm "$jvm" | wc -l)
echo "interrupt-check: log in $LOG; the JVM's last lines:"
{ grep -v '^\s*at ' "$LOG" || true; } | tail -n 5 | sed 's/^/  /'
line="signal=$SIGNAL at_s=$AT exit_s=$exit_s rc=$rc started=$started left=$left"
if [ "${NEXT_RUN:-0}" = 1 ] && ((left > 0)); then
  timeout "$RUN_LIMIT" ./mvnw -o -q test -Dtest='Q5*' -Dlabs.mode=spec >>"$LOG" 2>&1 || true
  line="$line left_after_next_run=$(of_jvm "$jvm" | wc -l)"
fi
echo "$line"
