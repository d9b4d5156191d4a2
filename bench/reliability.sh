#!/usr/bin/env bash
# Reliability check (issues 4, 19): with the page's finished learner state in place (scripts/learner-state.sh up:
# web, a publisher on 8080, gone, stayup, limited), runs
#   - the whole suite (./mvnw -o -q test) N times in a row,
#   - two whole runs at once (two copies of the project),
#   - runs killed with kill -9 at five moments, each caught as the daemon reports it (docker events), each followed
#     by a rerun that must pass and must remove everything the killed run left:
#       kit-test        SweeperTest has just created its container (the kit's own tests)
#       creation        the first lab container has just been created (the others are being created)
#       lab             a lab has just run docker exec in its container (mid-lab)
#       learner-helper  the learner mode's probe helper has just been created
#       learner-lab     the learner mode has just run docker exec in the learner's web (mid-lab, learner's container)
# then checks that the learner's containers are as they were (docker inspect, and an answer on 8080).
# A run that fails is run once more, the same code: passing then, it counts as a flake, failing again, as a failure.
# Last line:
#   runs=R passed=P flakes=F failed=X killed=K leftovers=L learner_state=untouched|changed
# (runs: the runs that must pass, N + 2 + one rerun per kill; passed: those that passed at once; leftovers: containers
# of this script's runs still there after the run that should have removed them).
#
#   bench/reliability.sh [N]        N runs in a row, default 5; 10-20 s a run on 2 cores
#
# It holds /tmp/docker-labs-shared.lock for the whole check (the learner's names and port 8080 are shared), taking
# it itself unless its caller holds it (flock /tmp/docker-labs-shared.lock bench/reliability.sh 20).
# Env: LABS_IMAGE_NGINX, LABS_IMAGE_ALPINE (default: the local stand-ins), MVN_LIMIT (s per run, 300),
# TESTCONTAINERS_RYUK_DISABLED (default true: the air-gapped path, where the suite cleans up alone).
set -euo pipefail

started=$SECONDS
die() { echo "reliability: $*" >&2; exit 2; }
say() { echo "reliability: $*"; }

N=${1:-5}
[[ $N =~ ^[1-9][0-9]*$ ]] || die "usage: bench/reliability.sh [N]   (N: runs in a row, a positive integer)"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export LABS_IMAGE_NGINX=${LABS_IMAGE_NGINX:-docker-labs-standin/nginx:debian}
export LABS_IMAGE_ALPINE=${LABS_IMAGE_ALPINE:-docker-labs-standin/alpine:busybox}
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}
MVN_LIMIT=${MVN_LIMIT:-300}
SUITE=org.sysnerd.docker-labs
LEARNER_LABEL=org.sysnerd.learner-state
SHARED_LOCK=/tmp/docker-labs-shared.lock

dk() { timeout 60 docker "$@"; }   # every docker call is bounded

# The shared lock: held by the caller (flock passes its descriptor on), or taken here for the whole check.
held=no
for fd in /proc/$$/fd/*; do [ "$(readlink "$fd" 2>/dev/null)" = "$SHARED_LOCK" ] && held=yes; done
if [ "$held" = no ]; then
  exec 8>>"$SHARED_LOCK"
  flock -n 8 || { say "waiting for $SHARED_LOCK (another user of the learner's state)"; flock 8; }
fi
dk info >/dev/null 2>&1 || die "cannot talk to the Docker daemon"

WORK=$(mktemp -d /tmp/docker-labs-reliability.XXXXXX)
BG=()               # background suite runs (timeout's pid), to stop if we are interrupted
JVMS=()             # every JVM this script started: the owners of the containers it must see gone
RUNS=()             # the run ids of those JVMs (a container may name another owner: the old SweeperTest's did)
KILLED=()           # containers a killed run left, still to be removed by the rerun
declare -A LEFT=()  # containers of this script's runs left behind: id -> description
failed=0 learner_up=0

cleanup() {
  local rc=$? pid id
  for pid in "${BG[@]}"; do kill "$pid" 2>/dev/null || true; done
  for id in "${KILLED[@]}" "${!LEFT[@]}"; do dk rm -fv "$id" >/dev/null 2>&1 || true; done
  ((learner_up == 0)) || "$ROOT/scripts/learner-state.sh" down || true
  if ((rc == 0 && failed == 0)); then rm -rf "$WORK"; elif [ -z "${summary:-}" ]; then echo "reliability: logs kept in $WORK" >&2; fi
}
trap cleanup EXIT
trap 'echo "reliability: aborted at line $LINENO" >&2' ERR

# --- the learner's state: the page's solutions, as CI makes them (refuses a web, gone, stayup or limited it did not make)
say "setting up the learner's state (scripts/learner-state.sh up: $LABS_IMAGE_NGINX, $LABS_IMAGE_ALPINE)"
learner_up=1
"$ROOT/scripts/learner-state.sh" up || die "could not make the learner's state"

learner_state() {
  dk inspect -f '{{.Name}} {{.Id}} {{.Config.Image}} {{.State.Status}} exit={{.State.ExitCode}} started={{.State.StartedAt}} finished={{.State.FinishedAt}} restarts={{.RestartCount}} ports={{json .NetworkSettings.Ports}}' \
    $(dk ps -aq --filter "label=$LEARNER_LABEL") | sort
  echo "http://127.0.0.1:8080/ -> $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://127.0.0.1:8080/ || true)"
}
daemon_lists() {
  # single labels, not {{.Labels}}: that prints a map in random order
  dk network ls --no-trunc --format "network {{.ID}} {{.Name}} suite={{.Label \"$SUITE\"}} tc={{.Label \"org.testcontainers\"}}" | sort
  dk volume ls --format "volume {{.Name}} suite={{.Label \"$SUITE\"}} tc={{.Label \"org.testcontainers\"}}" | sort
}
learner_state >"$WORK/learner.before"
daemon_lists >"$WORK/daemon.before"
cat "$WORK/learner.before"

# --- helpers ------------------------------------------------------------------------------------
# A copy of the project per concurrent run: two Maven builds in one directory share target/ (classes,
# surefire's files, the report). Copies also keep these runs off the target/ of whoever builds in the working tree.
copy_project() {
  local dir=$WORK/$1
  mkdir "$dir"
  tar -C "$ROOT" --exclude=./target --exclude=./.git -cf - . | tar -C "$dir" -xf -
}
copy_project a
copy_project b

runs=0 passed=0 flakes=0 failures=0 killed=0
declare -A T0=() ARGS=() DIR=()
start_suite() { # dir name [maven args]: one bounded run, in the background; its pid (timeout's) goes to BG
  local dir=$1 name=$2 jvm= t
  shift 2
  ((${#@})) || set -- test -Pspec
  ARGS[$name]="$*" DIR[$name]=$dir T0[$name]=$SECONDS
  (cd "$WORK/$dir" && exec timeout -k 10 "$MVN_LIMIT" ./mvnw -o -q "$@") >"$WORK/$name.log" 2>&1 &
  local bg=$!
  BG+=("$bg")
  # timeout's one child is mvnw, which execs into Maven's JVM (the labs run in it: forkCount=0)
  for ((t = 0; t < 100; t++)); do jvm=$(pgrep -P "$bg" || true); [ -z "$jvm" ] || break; sleep 0.05; done
  [ -n "$jvm" ] && JVMS+=("$jvm")
  JVM[$name]=$jvm
}
declare -A JVM=()
failure_lines() { grep -E 'ERROR|FAIL|Exception' "$WORK/$1.log" | grep -v '^\s*at ' | head -12 | sed 's/^/    /' || true; }
record() { # name rc: a run that must pass; a failure is run once more, the same code, to tell a flake from a failure
  local name=$1 rc=$2 took="$((SECONDS - T0[$1])) s" again=0
  runs=$((runs + 1))
  learn_run "$name"
  if ((rc == 0)); then passed=$((passed + 1)); say "$name: passed ($took)"; return; fi
  ((rc == 124 || rc == 137)) && say "$name: FAILED (timed out after $MVN_LIMIT s)" || say "$name: FAILED (exit $rc, $took)"
  failure_lines "$name"
  check_leftovers
  local args=()
  read -ra args <<<"${ARGS[$name]}"   # (read -a splits without globbing: -Dtest=Q* stays as it is)
  start_suite "${DIR[$name]}" "$name-again" "${args[@]}"
  wait "${BG[-1]}" || again=$?
  unset 'BG[-1]'
  learn_run "$name-again"
  if ((again == 0)); then flakes=$((flakes + 1)); say "$name: FLAKE (passed when run again: $WORK/$name.log)"
  else failures=$((failures + 1)); failed=1; say "$name: failed again (exit $again): $WORK/$name-again.log"; failure_lines "$name-again"; fi
  ((flakes == 0)) || failed=1
}

ours() { # the suite's containers (any label value) of this script's JVMs or runs: "id owner run name", one a line
  local id owner run name pid
  while read -r id owner run name; do
    pid=${owner#*/}; pid=${pid%%/*}
    if [[ " ${JVMS[*]} " == *" $pid "* || " ${RUNS[*]} " == *" $run "* ]]; then echo "$id $owner $run $name"; fi
  done < <(dk ps -a --no-trunc --filter "label=$SUITE" \
    --format "{{.ID}} {{.Label \"$SUITE.owner\"}} {{.Label \"$SUITE.run\"}} {{.Names}}")
  return 0
}
learn_run() { # name: the run id in the report the run wrote (a killed run's is an earlier one's: ours too)
  local report=$WORK/${DIR[$1]}/target/labs-report.json id
  id=$(grep -o '"runId" *: *"[0-9a-f]*"' "$report" 2>/dev/null | grep -o '[0-9a-f]*"$' | tr -d '"') || true
  [ -z "$id" ] || RUNS+=("$id")
}
start_ms() { # pid -> its start, epoch ms, as the JVM computes it (boot time + start ticks)
  local ticks
  ticks=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}') || return 1
  [ -n "$ticks" ] || return 1
  echo $(( $(awk '/^btime/{print $2}' /proc/stat) * 1000 + ticks * 1000 / $(getconf CLK_TCK) ))
}
owner_alive() { # host/pid/startMillis: that process still runs (same PID, same start)
  local pid=${1#*/} start=${1##*/} now
  pid=${pid%%/*}
  [[ $pid =~ ^[0-9]+$ && $start =~ ^[0-9]+$ ]] || return 1
  now=$(start_ms "$pid") || return 1
  ((now - start < 2000 && start - now < 2000))
}
check_leftovers() { # after a run ended: this script's containers whose owner is gone, other than the killed run's
  local id owner run name found=0
  while read -r id owner run name; do
    [[ " ${KILLED[*]} " == *" $id "* ]] && continue
    owner_alive "$owner" && continue
    [ -n "${LEFT[$id]:-}" ] || { LEFT[$id]="$name (owner $owner)"; found=1; say "  left behind: $name (owner $owner)"; }
  done < <(ours)
  ((found == 0)) || failed=1
}
present() { # ids -> those that still exist, one a line: "id name"
  local id
  for id in "$@"; do dk inspect --type container -f '{{.Id}} {{.Name}}' "$id" 2>/dev/null | grep . || true; done
}

# kill_at MOMENT [maven args]: a run killed with kill -9 at MOMENT (the first docker event that marks it, from this
# run's JVM), then a rerun with the same arguments that must pass and remove all the killed run left.
kill_at() {
  local moment=$1 filters since ev_pid action owner lab run name jvm hit= rc killed_run=
  shift
  case $moment in
    kit-test) filters=(--filter "label=$SUITE.lab=sweeper" --filter event=create) ;;
    creation) filters=(--filter "label=$SUITE=true" --filter event=create) ;;
    lab) filters=(--filter "label=$SUITE=true" --filter event=exec_start) ;;
    learner-helper) filters=(--filter "label=$SUITE.lab=probe" --filter event=create) ;;
    learner-lab) filters=(--filter container=web --filter event=exec_start) ;;
  esac
  since=$(date +%s.%N)   # events from here on, replayed: none is lost to the subscription's start
  exec 7< <(exec timeout "$MVN_LIMIT" docker events --since "$since" "${filters[@]}" --format \
    "{{.Action}}|{{index .Actor.Attributes \"$SUITE.owner\"}}|{{index .Actor.Attributes \"$SUITE.lab\"}}|{{index .Actor.Attributes \"$SUITE.run\"}}|{{index .Actor.Attributes \"name\"}}")
  ev_pid=$!
  start_suite a "killed-$moment" "$@"
  jvm=${JVM[killed-$moment]}
  while kill -0 "$jvm" 2>/dev/null; do
    IFS='|' read -r -t 1 action owner lab run name <&7 || { (($? > 128)) || sleep 0.5; continue; }   # >128: no event yet
    echo "$action|$owner|$lab|$run|$name" >>"$WORK/events-$moment.txt"
    case $moment in   # ours only: the owner label names this run's JVM (the learner's web has none: the lock is ours)
      learner-lab) ;;
      creation|lab) [[ $lab == Q* ]] || continue ;&
      *) pid=${owner#*/}; [ "${pid%%/*}" = "$jvm" ] || continue ;;
    esac
    kill -9 "$jvm" && hit="$action $name" killed_run=$run
    break
  done
  kill "$ev_pid" 2>/dev/null || true
  exec 7<&-
  wait "${BG[0]}" 2>/dev/null || true   # (bash would print the killed job's "Killed")
  BG=()
  if [ -z "$hit" ]; then
    failed=1; say "killed-$moment: the run ended before the moment came ($WORK/killed-$moment.log)"; return
  fi
  killed=$((killed + 1))
  say "killed-$moment: kill -9 of the JVM $jvm at '$hit', $((SECONDS - T0[killed-$moment])) s in"
  local left=()
  [ -z "$killed_run" ] || RUNS+=("$killed_run")
  mapfile -t left < <(ours | awk -v p="/$jvm/" -v r="$killed_run" 'index($2, p) || (r != "" && $3 == r)')
  for line in "${left[@]}"; do KILLED+=("${line%% *}"); say "  left by the killed run: ${line##* } (${line:0:12})"; done
  start_suite a "after-$moment" "$@"
  rc=0; wait "${BG[0]}" || rc=$?; BG=()
  record "after-$moment" "$rc"
  local remaining=()
  mapfile -t remaining < <(present "${KILLED[@]}")
  if ((${#remaining[@]})); then
    failed=1
    say "after-$moment: ${#remaining[@]} of the ${#KILLED[@]} containers the killed run left are still there:"
    printf '    %s\n' "${remaining[@]#* /}"
    for line in "${remaining[@]}"; do LEFT[${line%% *}]="${line#* /} (left by killed-$moment)"; done
  else
    say "after-$moment: all ${#KILLED[@]} container(s) the killed run left are gone"
  fi
  KILLED=()
  check_leftovers
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

# --- kill -9 at each moment, then a rerun -------------------------------------------------------
kill_at kit-test test -Pspec
kill_at creation test -Pspec
kill_at lab test -Pspec
kill_at learner-helper test -Dtest='Q*' -Dlabs.mode=learner
kill_at learner-lab test -Dtest='Q*' -Dlabs.mode=learner

# --- before and after ---------------------------------------------------------------------------
learner_state >"$WORK/learner.after"
daemon_lists >"$WORK/daemon.after"
learner=untouched
if ! diff "$WORK/learner.before" "$WORK/learner.after" >"$WORK/learner.diff"; then
  learner=changed; failed=1
  say "the learner's containers changed:"; sed 's/^/    /' "$WORK/learner.diff"
fi
extra_left=0
while read -r line; do
  case $line in
    *suite=true*) say "  left behind: $line"; extra_left=$((extra_left + 1)) ;;
    *) say "  note: appeared meanwhile, not the suite's: $line" ;;
  esac
done < <(comm -13 "$WORK/daemon.before" "$WORK/daemon.after")

leftovers=$(( ${#LEFT[@]} + extra_left ))
((leftovers == 0)) || failed=1
((failed == 0)) || say "logs kept in $WORK"
say "took $((SECONDS - started)) s (N=$N: $runs runs that must pass, plus $killed killed ones)"
summary=printed
echo "runs=$runs passed=$passed flakes=$flakes failed=$failures killed=$killed leftovers=$leftovers learner_state=$learner"
((failed == 0)) || exit 1
