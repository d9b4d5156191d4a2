#!/usr/bin/env bash
# Grades a class of VMs: runs the labs against each VM's Docker daemon, a few at a time, each within a time
# limit, keeps each VM's reports apart (target/fleet/<name>/), then writes the gradebook (target/gradebook.csv,
# .md, .json, .html; the Markdown also to $GITHUB_STEP_SUMMARY).
#
#   scripts/grade-fleet.sh VMS [-Dlabs.mode=learner ...]
#
# VMS: one VM a line, `NAME DOCKER_HOST [SSH_TARGET]`; `#` starts a comment. Without SSH_TARGET, DOCKER_HOST is
# used as it is (unix:///…, tcp://…). With it, DOCKER_HOST is the daemon's address on the VM (usually
# unix:///var/run/docker.sock) and the socket is forwarded over ssh to /tmp/fleet-NAME.sock first:
#   ssh -nNT -o BatchMode=yes -o ExitOnForwardFailure=yes -L /tmp/fleet-NAME.sock:/var/run/docker.sock TARGET
# The -D settings go to every VM's run (e.g. -Dlabs.mode=learner).
#
# The learner mode grades every VM in one JVM (the script opens the forwards, FLEET_JOBS coming up at once, then
# FleetGrader runs the labs against each socket through the JUnit Platform Launcher, FLEET_JOBS at once, each run with
# its own daemon and report dir; the JVM's console is FLEET_DIR/one-jvm.log, one-jvm-shard-I.log with FLEET_SHARD). The
# spec mode, and FLEET_JVM=per-vm, run one Maven and JVM per VM: Testcontainers' client, which starts the spec
# mode's containers, is one per JVM.
#
# Env: FLEET_JOBS (VMs graded at once, 2; 4 in one JVM), FLEET_TIMEOUT (seconds a VM may take, 300), FLEET_JVM (one |
# per-vm), FLEET_SHARD (i/n: grade the i-th of n slices, see scripts/fleet-plan.sh), FLEET_CLASS_TIMEOUT (seconds the
# whole class may take, 3600), FLEET_SSH_OPTS (more ssh
# options, e.g. -i KEY -o UserKnownHostsFile=FILE), FLEET_FORWARD_WAIT (seconds for a forward, 15),
# FLEET_DIR (target/fleet), FLEET_OFFLINE (-o; empty for online Maven). TESTCONTAINERS_*, LABS_* pass through
# (TESTCONTAINERS_RYUK_DISABLED defaults to true here).
# Exit: 0 when every VM passed every lab, 1 when not, 2 when the fleet could not be graded at all.
# Ctrl-C (or TERM) stops every VM's run within seconds: each run removes its own containers (the suite's shutdown
# hook, while its ssh forward is still open), then the forwards are closed.
set -uo pipefail
if (($# >= 1)) && [[ $1 != /* ]]; then set -- "$PWD/$1" "${@:2}"; fi  # the VM list, from where it was named
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ROOT=$PWD

WAY=${FLEET_JVM:-one}
LIMIT=${FLEET_TIMEOUT:-300}
CLASS_LIMIT=${FLEET_CLASS_TIMEOUT:-3600}
FORWARD_WAIT=${FLEET_FORWARD_WAIT:-15}
FLEET=${FLEET_DIR:-$ROOT/target/fleet}
OFFLINE=${FLEET_OFFLINE--o}
STOP_WAIT=20
# Ryuk, Testcontainers' reaper, cannot serve a VM: it would run on the VM, mount the grader's socket path there
# and be dialled at the grader's localhost. The suite removes its own containers (and the next run, any left).
export TESTCONTAINERS_RYUK_DISABLED=${TESTCONTAINERS_RYUK_DISABLED:-true}

die() { echo "grade-fleet: $*" >&2; exit 2; }
say() { echo "grade-fleet: $*"; }

(($# >= 1)) || die "usage: $0 VMS [-D...]   (VMS: lines of NAME DOCKER_HOST [SSH_TARGET])"
VMS_FILE=$1; shift
[[ -r $VMS_FILE ]] || die "cannot read $VMS_FILE"
mode=${LABS_MODE:-learner}
for arg in "$@"; do
  [[ $arg == -D* ]] || die "only -D settings may follow the VM list, not: $arg"
  [[ $arg == -Dlabs.mode=* ]] && mode=${arg#-Dlabs.mode=}
done
[[ $WAY == one || $WAY == per-vm ]] || die "FLEET_JVM: one or per-vm, not $WAY"
if [[ $WAY == one && $mode != learner ]]; then
  say "the $mode mode is graded one JVM per VM (Testcontainers' client is one per JVM)"; WAY=per-vm
fi
# 4 in one JVM: the labs' execs on the VMs' daemons, not the JVM, fill a 2-core grader; 8 at once took no less wall
# time for 30 VMs and made the execs' latency reach their 10 s limit (labs BLOCKED), see docs/grading-a-class.md.
if [[ $WAY == one ]]; then JOBS=${FLEET_JOBS:-4}; else JOBS=${FLEET_JOBS:-2}; fi
[[ $FLEET == /* ]] || FLEET=$ROOT/$FLEET
# The class-level files of one JVM (its log, its CPU time, the list of sockets) are named after the shard, if any:
# the workflow merges every shard's target/fleet into one directory, where files of the same path would be one.
SHARD_TAG=""
if [[ -n ${FLEET_SHARD:-} ]]; then
  SHARD_TAG=-shard-${FLEET_SHARD%%/*}
  shard_file=$(mktemp /tmp/fleet-shard.XXXXXX)
  scripts/fleet-plan.sh slice "$VMS_FILE" "$FLEET_SHARD" >"$shard_file" || { rm -f "$shard_file"; die "FLEET_SHARD=$FLEET_SHARD"; }
  VMS_FILE=$shard_file
  trap 'rm -f "$shard_file"' EXIT
fi

names=() hosts=() targets=()
while read -r name host target _; do
  [[ -z $name || $name == \#* ]] && continue
  [[ $target == \#* ]] && target=""
  [[ $name =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$ ]] || die "$VMS_FILE: bad VM name '$name'"
  [[ -n $host ]] || die "$VMS_FILE: $name has no DOCKER_HOST"
  [[ " ${names[*]} " != *" $name "* ]] || die "$VMS_FILE: $name is listed twice"
  names+=("$name") hosts+=("$host") targets+=("$target")
done < <(sed 's/[[:space:]]#.*//' "$VMS_FILE")
((${#names[@]})) || { [[ -n ${FLEET_SHARD:-} ]] && { say "shard $FLEET_SHARD is empty"; exit 0; }; die "$VMS_FILE lists no VM"; }

# One build for all: each VM's run gets a copy of the compiled classes in a build directory of its own.
say "compiling once (./mvnw $OFFLINE -q test-compile)"
./mvnw $OFFLINE -q test-compile dependency:build-classpath -Dmdep.outputFile="$ROOT/target/gradebook.classpath" \
  -Dmdep.includeScope=runtime || die "the build failed"
mkdir -p "$FLEET"

# shellcheck source=lib/forward.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/forward.sh"
# Forwards the VM's socket over ssh (lib/forward.sh); prints the local DOCKER_HOST.
forward() {
  local name=$1 host=$2 target=$3 dir=$4 sock=/tmp/fleet-$1.sock remote
  case $host in
    unix://*) remote=${host#unix://} ;;
    tcp://*) remote=${host#tcp://}; remote=${remote%/} ;;
    *) echo "DOCKER_HOST $host: neither unix:// nor tcp://" >"$dir/fleet-status.txt"; return 1 ;;
  esac
  local why
  # shellcheck disable=SC2086
  why=$(ssh_forward "$sock" "$dir/.ssh.pid" "$dir/ssh.log" "$FORWARD_WAIT" -o BatchMode=yes -o ConnectTimeout=10 \
    -o ServerAliveInterval=5 -o ServerAliveCountMax=3 -o StreamLocalBindUnlink=yes $FLEET_SSH_OPTS_ \
    -L "$sock:$remote" "$target" 2>&1) || { echo "ssh forward to $target failed: $why" >"$dir/fleet-status.txt"; return 1; }
  echo "unix://$sock"
}

close_forward() {
  local dir=$1 name=$2
  if [[ -f $dir/.ssh.pid ]]; then kill "$(cat "$dir/.ssh.pid")" 2>/dev/null; rm -f "$dir/.ssh.pid"; fi
  rm -f "/tmp/fleet-$name.sock"
}

# One VM: its own build dir and report dir, its socket, Maven within the time limit.
grade_vm() {
  local name=$1 host=$2 target=$3; shift 3
  local dir=$FLEET/$name docker_host=$host started=$SECONDS t0=$EPOCHREALTIME rc
  rm -rf "$dir" && mkdir -p "$dir/build"
  cp -a "$ROOT"/target/{classes,test-classes,maven-status} "$dir/build/" 2>/dev/null
  if [[ -n $target ]]; then
    docker_host=$(forward "$name" "$host" "$target" "$dir") || { close_forward "$dir" "$name"; say "$name: $(cat "$dir/fleet-status.txt")"; return; }
  fi
  if [[ -f $dir/.stopped ]]; then close_forward "$dir" "$name"; return; fi  # Ctrl-C while the forward came up
  DOCKER_HOST=$docker_host timeout -k 10 "$LIMIT" ./mvnw $OFFLINE -B test -Dtest='Q*' \
    -Dlabs.report.dir="$dir" -Dlabs.build.dir="$dir/build" "$@" >"$dir/maven.log" 2>&1 </dev/null &
  echo $! >"$dir/.maven.pid"
  wait $!; rc=$?
  if [[ -f $dir/.stopped ]]; then
    echo "stopped by the fleet (Ctrl-C) after $((SECONDS - started)) s" >"$dir/fleet-status.txt"
  elif ((rc == 124 || rc == 137)); then
    echo "timed out after ${LIMIT} s (FLEET_TIMEOUT): the VM was slow or hung" >"$dir/fleet-status.txt"
  elif [[ ! -f $dir/labs-report.json ]]; then
    echo "Maven exited $rc without a report: see $dir/maven.log" >"$dir/fleet-status.txt"
  fi
  rm -f "$dir/.maven.pid"
  close_forward "$dir" "$name"
  # CPU-seconds of what this VM's run waited for (Maven's JVM, the labs in it): the children's line of `times`.
  times >"$dir/.times"
  local cpu wall
  cpu=$(tail -1 "$dir/.times" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.1f", u[1]*60+u[2]+s[1]*60+s[2] }')
  wall=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  rm -f "$dir/.times"
  echo "$name wall_s=$wall cpu_s=$cpu maven_exit=$rc" >"$dir/fleet-times.txt"
  say "$name: $(grep -ho '[0-9]*/[0-9]* labs passed' "$dir/maven.log" | tail -1 || true) $(cat "$dir/fleet-status.txt" 2>/dev/null) ($(cut -d' ' -f2- "$dir/fleet-times.txt"))"
}

FLEET_SSH_OPTS_=${FLEET_SSH_OPTS:-}

JVM_LOG=$FLEET/one-jvm$SHARD_TAG.log JVM_TIMES=$FLEET/one-jvm-times$SHARD_TAG.txt SOCKETS=$FLEET/.sockets$SHARD_TAG
JVM_PID=$FLEET/.jvm$SHARD_TAG.pid CLASS_STOPPED=$FLEET/.stopped$SHARD_TAG

# The whole class in one JVM: every forward first ($JOBS coming up at once: a class behind one jump host must stay
# under sshd's MaxStartups), then FleetGrader over the sockets, then the forwards close.
grade_in_one_jvm() {
  local i name sockets=$SOCKETS
  : >"$sockets"
  for i in "${!names[@]}"; do
    name=${names[$i]}
    rm -rf "${FLEET:?}/$name" && mkdir -p "$FLEET/$name"
    if [[ -z ${targets[$i]} ]]; then echo "${hosts[$i]}" >"$FLEET/$name/.host"; continue; fi
    while (( $(jobs -rp | wc -l) >= JOBS )); do wait -n; done
    { forward "$name" "${hosts[$i]}" "${targets[$i]}" "$FLEET/$name" >"$FLEET/$name/.host" \
        || { close_forward "$FLEET/$name" "$name"; rm -f "$FLEET/$name/.host"; say "$name: $(cat "$FLEET/$name/fleet-status.txt")"; }; } &
  done
  wait
  for name in "${names[@]}"; do
    [[ -s $FLEET/$name/.host ]] && echo "$name $(cat "$FLEET/$name/.host")" >>"$sockets"
    rm -f "$FLEET/$name/.host"
  done
  local -a props=()
  for arg in "$@"; do props+=("$arg"); done
  (
    # shellcheck disable=SC2086
    timeout -k 10 "$CLASS_LIMIT" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dfile.encoding=UTF-8 \
      -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dlabs.mode=learner "${props[@]}" \
      -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/gradebook.classpath")" \
      org.sysnerd.dockerlabs.fleet.FleetGrader "$FLEET" "$sockets" "$JOBS" "$LIMIT" >"$JVM_LOG" 2>&1 </dev/null &
    echo $! >"$JVM_PID"
    wait $!; rc=$?
    times >"$JVM_PID.times"
    exit $rc
  ) &
  wait $!; local rc=$?
  grep '^grade-fleet: ' "$JVM_LOG"
  awk 'NR==2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "one_jvm_cpu_s=%.1f\n", u[1]*60+u[2]+s[1]*60+s[2] }' \
    "$JVM_PID.times" >"$JVM_TIMES" 2>/dev/null
  rm -f "$JVM_PID.times" "$JVM_PID"
  for name in "${names[@]}"; do
    close_forward "$FLEET/$name" "$name"
    if [[ ! -f $FLEET/$name/labs-report.json && ! -f $FLEET/$name/fleet-status.txt ]]; then
      if [[ -f $CLASS_STOPPED ]]; then echo "stopped by the fleet (Ctrl-C)" >"$FLEET/$name/fleet-status.txt"
      elif ((rc == 124 || rc == 137)); then echo "not graded within the class's ${CLASS_LIMIT} s (FLEET_CLASS_TIMEOUT)" >"$FLEET/$name/fleet-status.txt"
      else echo "the grader's JVM exited $rc without a report for this VM: see $JVM_LOG" >"$FLEET/$name/fleet-status.txt"; fi
    fi
  done
  rm -f "$CLASS_STOPPED" "$sockets"
}

stop_all() {
  trap '' INT TERM
  say "stopping: each VM's run removes its containers, then its forward closes (at most ${STOP_WAIT}s)"
  local name pid
  # One JVM: TERM runs each VM's run's clean-up (its shutdown hook) while the forwards are still open.
  if [[ -f $JVM_PID ]]; then touch "$CLASS_STOPPED"; kill -TERM "$(cat "$JVM_PID")" 2>/dev/null; fi
  for name in "${names[@]}"; do
    touch "$FLEET/$name/.stopped" 2>/dev/null
    [[ -f $FLEET/$name/.maven.pid ]] && kill -TERM "$(cat "$FLEET/$name/.maven.pid")" 2>/dev/null
  done
  local deadline=$((SECONDS + STOP_WAIT))
  while (( SECONDS < deadline )) && [[ -n $(jobs -rp) ]]; do sleep 0.2; done
  [[ -f $JVM_PID ]] && kill -KILL "$(cat "$JVM_PID")" 2>/dev/null
  for name in "${names[@]}"; do
    if [[ -f $FLEET/$name/.maven.pid ]]; then kill -KILL -- "-$(cat "$FLEET/$name/.maven.pid")" 2>/dev/null; fi
    close_forward "$FLEET/$name" "$name"
  done
  rm -f "$JVM_PID" "$CLASS_STOPPED" "$SOCKETS"
  for pid in $(jobs -p); do kill "$pid" 2>/dev/null; done
  wait
  rm -f "$JVM_PID.times"  # written by the JVM's subshell once the JVM has ended
  say "stopped"
  exit 130
}
trap stop_all INT TERM

say "grading ${#names[@]} VMs ($WAY JVM), $JOBS at a time, at most ${LIMIT}s each: ${names[*]}"
fleet_started=$SECONDS
if [[ $WAY == one ]]; then
  grade_in_one_jvm "$@"
else
  for i in "${!names[@]}"; do
    while (( $(jobs -rp | wc -l) >= JOBS )); do wait -n; done
    grade_vm "${names[$i]}" "${hosts[$i]}" "${targets[$i]}" "$@" &
  done
  while [[ -n $(jobs -rp) ]]; do wait -n; done
fi
trap - INT TERM
say "all graded in $((SECONDS - fleet_started)) s"

scripts/gradebook.sh "$FLEET" "${names[@]}"
status=$?
say "gradebook: target/gradebook.csv (points, for an LMS), target/gradebook-status.csv, target/gradebook.md, target/gradebook.json, target/gradebook.html"
exit "$status"
