#!/usr/bin/env bash
# Reliability check (issue 4): with a learner's state in place (`web` on 8080, `stayup`, `gone`),
# runs the suite N times in a row, twice at once, kills one run's test JVM mid-way and checks that
# the next run removes what it left, then checks that the learner's containers and the daemon's
# lists are as before. Prints one last line: runs=R passed=P leftovers=K learner_state=untouched|changed
#
#   scripts/reliability.sh [N]        N runs in a row, default 5; takes about 20 s per run
#
# Env: LABS_IMAGE_NGINX, LABS_IMAGE_ALPINE (default: the local stand-ins), MVN_LIMIT (s per run, 300),
# TESTCONTAINERS_RYUK_DISABLED (default true: the air-gapped path, where the suite cleans up alone).
# It refuses to run if containers named web, stayup or gone exist that it did not make.
set -euo pipefail

started=$SECONDS
die() { echo "reliability: $*" >&2; exit 2; }
say() { echo "reliability: $*"; }

N=${1:-5}
[[ $N =~ ^[1-9][0-9]*$ ]] || die "usage: scripts/reliability.sh [N]   (N: runs in a row, a positive integer)"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export LABS_IMAGE_NGINX=${LABS_IMAGE_NGINX:-docker-labs-standin/nginx:debian}
export LABS_IMAGE_ALPINE=${LABS_IMAGE_ALPINE:-docker-labs-standin/alpine:busybox}
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
MVN_LIMIT=${MVN_LIMIT:-300}
SUITE=org.sysnerd.docker-labs
MINE=$SUITE.reliability=learner   # marks the learner stand-ins this script makes (not the suite's label)
LEARNER=(web stayup gone)

dk() { timeout 60 docker "$@"; }   # every docker call is bounded

exec 9>/tmp/docker-labs-reliability.lock
flock -n 9 || die "another scripts/reliability.sh is running on this machine"
dk info >/dev/null 2>&1 || die "cannot talk to the Docker daemon"

# The learner's names: refuse if one exists that this script did not make.
for name in "${LEARNER[@]}"; do
  label=$(dk inspect --type container -f "{{index .Config.Labels \"${MINE%=*}\"}}" "$name" 2>/dev/null) || continue
  [ "$label" = learner ] || die "a container named '$name' exists and this script did not make it (a learner's?): refusing to run"
  say "removing '$name', left by an earlier run of this script"
  dk rm -fv "$name" >/dev/null
done
WORK=$(mktemp -d /tmp/docker-labs-reliability.XXXXXX)
BG=()            # background suite runs (timeout's pid), to stop if we are interrupted
KILLED=()        # containers the killed run left behind
declare -A LEFT=()  # containers a finished run left behind: id -> description
failed=0

cleanup() {
  local rc=$? pid id name
  for pid in "${BG[@]}"; do kill "$pid" 2>/dev/null || true; done
  for id in "${KILLED[@]}" "${!LEFT[@]}"; do dk rm -fv "$id" >/dev/null 2>&1 || true; done
  for name in "${LEARNER[@]}"; do
    [ "$(dk inspect --type container -f "{{index .Config.Labels \"${MINE%=*}\"}}" "$name" 2>/dev/null)" = learner ] &&
      dk rm -fv "$name" >/dev/null 2>&1 || true
  done
  if ((rc == 0 && failed == 0)); then rm -rf "$WORK"; elif [ -z "${summary:-}" ]; then echo "reliability: logs kept in $WORK" >&2; fi
}
trap cleanup EXIT
trap 'echo "reliability: aborted at line $LINENO" >&2' ERR

# --- the learner's state ------------------------------------------------------------------------
say "setting up the learner's state: web on 8080 ($LABS_IMAGE_NGINX), stayup, gone ($LABS_IMAGE_ALPINE)"
dk run -d --name web -p 8080:80 --label "$MINE" "$LABS_IMAGE_NGINX" >/dev/null
dk run -d --name stayup --label "$MINE" "$LABS_IMAGE_ALPINE" sleep 1000 >/dev/null
dk run --name gone --label "$MINE" "$LABS_IMAGE_ALPINE" </dev/null >/dev/null

learner_state() {
  dk inspect -f '{{.Name}} {{.Id}} {{.State.Status}} exit={{.State.ExitCode}} started={{.State.StartedAt}} finished={{.State.FinishedAt}} restarts={{.RestartCount}} ports={{json .NetworkSettings.Ports}}' "${LEARNER[@]}"
  echo "http://127.0.0.1:8080/ -> $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://127.0.0.1:8080/ || true)"
}
daemon_lists() {
  # single labels, not {{.Labels}}: that prints a map in random order
  dk ps -a --no-trunc --format "container {{.ID}} {{.Names}} {{.State}} suite={{.Label \"$SUITE\"}}" | sort
  dk network ls --no-trunc --format "network {{.ID}} {{.Name}} suite={{.Label \"$SUITE\"}} tc={{.Label \"org.testcontainers\"}}" | sort
  dk volume ls --format "volume {{.Name}} suite={{.Label \"$SUITE\"}} tc={{.Label \"org.testcontainers\"}}" | sort
}
learner_state >"$WORK/learner.before"
daemon_lists >"$WORK/daemon.before"
cat "$WORK/learner.before"

# --- helpers ------------------------------------------------------------------------------------
# A copy of the project per concurrent run: two Maven builds in one directory share target/ (classes,
# surefire's files, the report), and -Dproject.build.directory does not move what plugins read from
# the model. Copies also keep these runs off the target/ of whoever builds in the working tree.
copy_project() {
  local dir=$WORK/$1
  mkdir "$dir"
  tar -C "$ROOT" --exclude=./target --exclude=./.git -cf - . | tar -C "$dir" -xf -
}
copy_project a
copy_project b

runs=0 passed=0
start_suite() { # dir log: one bounded run, in the background; its pid (timeout's) goes to BG
  (cd "$WORK/$1" && exec timeout -k 10 "$MVN_LIMIT" ./mvnw -o -q test) >"$WORK/$2.log" 2>&1 &
  BG+=($!)
  T0[$2]=$SECONDS
}
declare -A T0=()
record() { # name rc
  runs=$((runs + 1))
  local took="$((SECONDS - T0[$1])) s"
  if (($2 == 0)); then passed=$((passed + 1)); say "$1: passed ($took)"
  else
    failed=1
    (($2 == 124 || $2 == 137)) && say "$1: FAILED (timed out after $MVN_LIMIT s)" || say "$1: FAILED (exit $2, $took)"
    grep -E 'ERROR|FAIL|Exception' "$WORK/$1.log" | head -15 | sed 's/^/    /' || true
  fi
}

start_ms() { # pid -> its start, epoch ms, as the JVM computes it (boot time + start ticks)
  local ticks
  ticks=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}') || return 1
  [ -n "$ticks" ] || return 1
  echo $(( $(awk '/^btime/{print $2}' /proc/stat) * 1000 + ticks * 1000 / $(getconf CLK_TCK) ))
}
owner_alive() { # host/pid/startMillis
  local pid=${1#*/} start=${1##*/} now
  pid=${pid%%/*}
  [[ $pid =~ ^[0-9]+$ && $start =~ ^[0-9]+$ ]] || return 1
  now=$(start_ms "$pid") || return 1
  ((now - start < 2000 && start - now < 2000))
}
suite_containers() { # id owner run name, every container of the suite
  dk ps -a --no-trunc --filter "label=$SUITE=true" \
    --format "{{.ID}} {{.Label \"$SUITE.owner\"}} {{.Label \"$SUITE.run\"}} {{.Names}}"
}
check_leftovers() { # after a finished run: containers of the suite, new since the start, whose owner is dead
  local id owner run name found=0
  while read -r id owner run name; do
    grep -q "container $id " "$WORK/daemon.before" && continue
    [[ " ${KILLED[*]} " == *" $id "* ]] && continue
    owner_alive "$owner" && continue
    [ -n "${LEFT[$id]:-}" ] || { LEFT[$id]="$name (owner $owner)"; found=1; say "  left behind: $name (owner $owner)"; }
  done < <(suite_containers)
  ((found == 0)) || failed=1
}
descends_from() { # pid ancestor
  local pid=$1 i
  for ((i = 0; i < 40; i++)); do
    [ "$pid" = "$2" ] && return 0
    pid=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $2}') || return 1
    [[ -n $pid && $pid != 0 && $pid != 1 ]] || return 1
  done
  return 1
}

# --- N runs in a row ----------------------------------------------------------------------------
for ((i = 1; i <= N; i++)); do
  start_suite a "run$i"
  rc=0; wait "${BG[0]}" || rc=$?; BG=()
  record "run$i" "$rc"; check_leftovers
done

# --- two at once --------------------------------------------------------------------------------
say "two runs at once (copies a and b)"
start_suite a concurrent1
start_suite b concurrent2
rc1=0; wait "${BG[0]}" || rc1=$?
rc2=0; wait "${BG[1]}" || rc2=$?
BG=()
record concurrent1 "$rc1"; record concurrent2 "$rc2"; check_leftovers

# --- kill -9 of the test JVM mid-way, then the next run must remove what it left -----------------
for attempt in 1 2 3; do
  start_suite a "killed$attempt"
  jvm= t=0
  while [ -z "$jvm" ] && ((t++ < 480)); do   # up to 240 s for the first container of this run
    sleep 0.5
    while read -r id owner run name; do
      pid=${owner#*/}; pid=${pid%%/*}
      if [[ $pid =~ ^[0-9]+$ ]] && descends_from "$pid" "${BG[0]}"; then jvm=$pid killed_run=$run; break; fi
    done < <(suite_containers)
    kill -0 "${BG[0]}" 2>/dev/null || break
  done
  [ -n "$jvm" ] || { wait "${BG[0]}" || true; BG=(); die "the run to kill made no container in 240 s (see $WORK/killed$attempt.log)"; }
  say "kill -9 of the test JVM $jvm (run $killed_run) after $((SECONDS - T0[killed$attempt])) s"
  kill -9 "$jvm"
  wait "${BG[0]}" || true
  BG=()
  while read -r id owner run name; do   # all of the run's: some have another owner (SweeperTest's dead one)
    if [ "$run" = "$killed_run" ]; then KILLED+=("$id"); say "  left by the killed run: $name (owner $owner)"; fi
  done < <(suite_containers)
  if ((${#KILLED[@]})); then break; fi
  say "the kill landed between containers; trying again"
done
((${#KILLED[@]})) || die "three killed runs left no container behind: cannot check the clean-up"

present() { # ids -> those that still exist, one a line: "id name"
  local id
  for id in "$@"; do   # (inspect -f prints an empty line for a missing container)
    dk inspect --type container -f '{{.Id}} {{.Name}}' "$id" 2>/dev/null | grep . || true
  done
}
mapfile -t waiting < <(present "${KILLED[@]}")
if ((${#waiting[@]} < ${#KILLED[@]})); then
  say "  note: $((${#KILLED[@]} - ${#waiting[@]})) of them were removed before the next run started (another user of this daemon sweeping?)"
fi
((${#waiting[@]})) || { failed=1; say "cannot check that the next run removes them: none is left"; }
start_suite a after-kill
rc=0; wait "${BG[0]}" || rc=$?; BG=()
record after-kill "$rc"
mapfile -t remaining < <(present "${KILLED[@]}")
if ((${#remaining[@]})); then
  failed=1
  say "the run after the kill did not remove ${#remaining[@]} of the ${#waiting[@]} containers the killed run left (does the suite call Sweeper.removeOrphans at start?):"
  printf '    %s\n' "${remaining[@]#* /}"
else
  say "the run after the kill removed the ${#waiting[@]} containers the killed run left"
fi
check_leftovers

# --- before and after ---------------------------------------------------------------------------
learner_state >"$WORK/learner.after"
daemon_lists >"$WORK/daemon.after"
learner=untouched
if ! diff "$WORK/learner.before" "$WORK/learner.after" >"$WORK/learner.diff"; then
  learner=changed; failed=1
  say "the learner's containers changed:"; sed 's/^/    /' "$WORK/learner.diff"
fi
# Lines gone or changed: the suite only removes its own (labelled) containers, so anything else is
# another user of this daemon; lines new: the suite's (labelled) ones are leftovers, others are noted.
extra_left=0
while read -r line; do
  case $line in
    container*suite=true*) ;;   # the suite's own, judged by check_leftovers (owner dead or alive)
    network*=true*|volume*=true*) say "  left behind: $line"; extra_left=$((extra_left + 1)) ;;
    *) say "  note: appeared meanwhile, not the suite's: $line" ;;
  esac
done < <(comm -13 "$WORK/daemon.before" "$WORK/daemon.after")
while read -r line; do
  case $line in
    container*suite=true*) say "  note: a container of the suite that was here before is gone (an orphan swept?): $line" ;;
    *) say "  note: gone or changed meanwhile (not the suite's: another user of this daemon?): $line" ;;
  esac
done < <(comm -23 "$WORK/daemon.before" "$WORK/daemon.after")

leftovers=$(( ${#remaining[@]} + ${#LEFT[@]} + extra_left ))
((leftovers == 0)) || failed=1
((failed == 0)) || say "logs kept in $WORK"
say "took $((SECONDS - started)) s (N=$N: $runs runs that must pass, plus the killed one)"
summary=printed
echo "runs=$runs passed=$passed leftovers=$leftovers learner_state=$learner"
((failed == 0)) || exit 1
