#!/usr/bin/env bash
# Checks the class-data sharing of ./mvnw (.mvn/class-data-sharing.sh) in a cache of its own, with `./mvnw -o -q
# validate` (no Docker, ~1-3 s a run): the first run writes an archive at its exit, the next one tries it and uses
# it; an archive cut short (as a full disk or a run killed while writing leaves it) is thrown away, not given to a
# JVM (JDK 17 dies of SIGBUS on one); a run writing one is left alone by a run beside it; LABS_CDS=0 uses none.
#
#   scripts/cds-check.sh          exit 0 when all hold, 1 with what did not
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
CACHE=$(mktemp -d /tmp/docker-labs-cds-check.XXXXXX)
trap 'rm -rf "$CACHE"' EXIT
export XDG_CACHE_HOME=$CACHE
DIR=$CACHE/docker-labs/cds
failed=0

fail() { echo "cds-check: FAILED: $*" >&2; failed=1; }
files() { (cd "$DIR" 2>/dev/null && ls | sed 's/^[0-9]*-[0-9]*//' | sort | tr '\n' ' '); }
run() {
  timeout 120 ./mvnw -o -q validate >"$CACHE/out" 2>&1 || fail "$1: ./mvnw -o -q validate exited $?: $(tail -n 5 "$CACHE/out")"
  if ls hs_err_pid*.log >/dev/null 2>&1; then
    fail "$1: a JVM died: $(ls hs_err_pid*.log)"
  fi
}
expect() { # STEP FILES: what the cache holds, by suffix
  local seen
  seen=$(files)
  [[ "$seen" == "$2" ]] && echo "cds-check: $1: $seen" || fail "$1: expected the cache to hold '$2', saw '$seen'"
}

LABS_CDS=0 run "off"
expect "LABS_CDS=0" ""
run "first run"
expect "first run (writes at its exit)" ".jsa.new .jsa.writer "
run "second run"
expect "second run (a JVM mapped it whole: it is used)" ".jsa "

archive=$(ls "$DIR"/*.jsa)
chmod u+w "$archive"
head -c 1000000 "$archive" >"$archive.new"
rm -f "$archive"
run "cut short"
expect "an archive cut short (thrown away, a new one written)" ".jsa.new .jsa.writer "
run "after it"
expect "the run after it" ".jsa "

rm -f "$DIR"/*
timeout 120 ./mvnw -o -q validate >"$CACHE/out.a" 2>&1 &
first=$!
for _ in $(seq 100); do [[ -n $(files) ]] && break; sleep 0.05; done
run "beside a writer"
wait "$first" || fail "the writing run exited $?"
expect "two at once (one writes)" ".jsa.new .jsa.writer "

if ((failed)); then
  echo "cds-check: FAILED" >&2
  exit 1
fi
echo "cds-check: all held"
