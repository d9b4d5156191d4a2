# Sourced by the scripts (scripts/, testbeds/, bench/): the one bounded wait they share.
#
# wait_for WHAT LIMIT COMMAND...   runs COMMAND (quietly) until it succeeds, at most LIMIT seconds.
#   WAIT_EVERY (seconds, 0.2) spaces the tries. Returns 0 once it succeeded; 1 when LIMIT ran out ("no WHAT
#   within LIMIT s" on stderr); 2 at once when the function named in WAIT_ALIVE (if set) fails, since waiting is
#   pointless then ("gave up waiting for WHAT").
wait_for() {
  local what=$1 limit=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [[ -n ${WAIT_ALIVE:-} ]] && ! "$WAIT_ALIVE"; then
      echo "gave up waiting for $what: $WAIT_ALIVE failed" >&2; return 2
    fi
    if ((SECONDS >= deadline)); then
      echo "no $what within ${limit} s" >&2; return 1
    fi
    sleep "${WAIT_EVERY:-0.2}"
  done
}
