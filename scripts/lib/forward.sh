# Sourced by scripts/grade-fleet.sh and testbeds/learner-host-vm.sh: a daemon's socket forwarded over ssh.
# shellcheck source=wait.sh
source "$(dirname "${BASH_SOURCE[0]}")/wait.sh"

# ssh_forward SOCK PIDFILE LOG LIMIT SSH_ARGS...   forwards the local unix socket SOCK over `ssh SSH_ARGS` (which end
#   with -L SOCK:REMOTE and the target), in a session of its own: a Ctrl-C at the terminal must not close it before a
#   run has removed its containers through it. Writes ssh's PID to PIDFILE and its messages to LOG. Returns 0 once
#   SOCK is there; 1 when ssh ended first (its last message on stderr) or LIMIT seconds ran out.
ssh_forward() {
  local sock=$1 pidfile=$2 log=$3 limit=$4; shift 4
  rm -f "$sock"
  setsid ssh -nNT -o ExitOnForwardFailure=yes "$@" >/dev/null 2>"$log" </dev/null &
  echo $! >"$pidfile"
  _forward_alive() { kill -0 "$(cat "$pidfile")" 2>/dev/null; }
  local rc=0
  WAIT_ALIVE=_forward_alive WAIT_EVERY=0.1 wait_for "the forwarded socket $sock" "$limit" test -S "$sock" 2>/dev/null || rc=$?
  case $rc in
    0) return 0 ;;
    2) echo "ssh ended: $(grep -v '^Warning' "$log" | tail -1)" >&2; return 1 ;;
    *) echo "not up within ${limit}s" >&2; return 1 ;;
  esac
}
