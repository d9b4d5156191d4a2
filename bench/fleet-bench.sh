#!/usr/bin/env bash
# The fleet bench: makes N learner VMs here (testbeds/learner-vm.sh: daemons in network namespaces of their own), leaves
# the page's solutions on each (scripts/learner-state.sh with DOCKER_HOST = the VM), grades the class in the learner
# mode one Maven and JVM per VM (FLEET_JVM=per-vm) and then all in one JVM, prints the figures side by side, checks that
# the two gradebooks are equal, and tears every VM down (also on Ctrl-C or an error). Run as root.
#
#   bench/fleet-bench.sh N [mixed]
#
# The VMs have the page's solutions, stayup as `tail -f /dev/null` (see below). mixed: VM 1 runs its dockerd with
# --iptables=false (Q3 fails), VM 2 has nothing done, VM 3's daemon is stopped (every lab BLOCKED). Last lines, one per way:
#   fleet_vms=N fleet_wall_s=… fleet_cpu_per_vm_s=… way=per-vm|one-jvm
# fleet_wall_s: the grading of the class (forwards, labs, reports; not the build nor the gradebook); fleet_cpu_per_vm_s:
# the CPU-seconds of the graders' JVMs (Maven's included per VM) over N. Env: FLEET_BENCH_WAYS (both, or one-jvm: the
# one JVM alone, no comparison), FLEET_BENCH_PREFIX (h29f), FLEET_JOBS
# (each way's default when unset), LABS_IMAGE_NGINX / LABS_IMAGE_ALPINE (the stand-ins, as learner-vm.sh loads them).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
N=${1:?usage: $0 N [mixed]}
MIXED=${2:-}
PREFIX=${FLEET_BENCH_PREFIX:-h29f}
export LABS_IMAGE_NGINX=${LABS_IMAGE_NGINX:-docker-labs-standin/nginx:debian}
export LABS_IMAGE_ALPINE=${LABS_IMAGE_ALPINE:-docker-labs-standin/alpine:busybox}
export TESTCONTAINERS_RYUK_DISABLED=true FLEET_SSH_OPTS
FLEET_SSH_OPTS=$(testbeds/learner-vm.sh ssh-opts)
OUT=target/fleet-bench
say() { echo "fleet-bench: $*"; }
made=()

teardown() {
  trap '' INT TERM
  local vm
  for vm in "${made[@]}"; do testbeds/learner-vm.sh down "$vm" >/dev/null 2>&1 & done
  wait
  say "${#made[@]} VMs down"
}
trap teardown EXIT
trap 'exit 130' INT TERM

rm -rf "$OUT" && mkdir -p "$OUT"
started=$SECONDS
for i in $(seq 1 "$N"); do
  # stayup-tail, a solution the labs pass too: the page's `sleep 1000` ends within 17 minutes, and making and grading
  # 30 VMs twice on a busy machine took longer (Q5 then fails on the later ones, differently in each way).
  vm=$PREFIX$i args="" variant=stayup-tail
  if [[ $MIXED == mixed ]]; then
    case $i in 1) args=--iptables=false ;; 2) variant=nothing ;; esac
  fi
  made+=("$vm")
  LABVM_DOCKERD_ARGS=$args testbeds/learner-vm.sh up "$vm" >"$OUT/$vm.up" 2>&1 || { cat "$OUT/$vm.up"; exit 2; }
  DOCKER_HOST=unix:///run/labvm/$vm/docker.sock scripts/learner-state.sh up "$variant" || exit 2
  echo "$vm unix:///var/run/docker.sock $(grep -o 'labvm@[0-9.]*' "$OUT/$vm.up" | head -1)" >>"$OUT/class.txt"
done
[[ $MIXED == mixed && $N -ge 3 ]] && testbeds/learner-vm.sh stop-daemon "${PREFIX}3" >/dev/null
say "$N VMs up in $((SECONDS - started)) s"

# One way: grades the class, keeps its gradebook (the same FLEET_DIR for both, so that the paths in it match).
grade() {
  local way=$1 log=$OUT/$1.log
  say "$way: $(uptime)"
  FLEET_JVM=$way FLEET_DIR=$OUT/fleet scripts/grade-fleet.sh "$OUT/class.txt" -Dlabs.mode=learner >"$log" 2>&1
  mkdir -p "$OUT/$way"
  cp target/gradebook.csv target/gradebook-status.csv target/gradebook.md target/gradebook.json "$OUT/$way/"
  local wall cpu
  wall=$(grep -o 'all graded in [0-9]* s' "$log" | grep -o '[0-9]*')
  if [[ $way == one ]]; then
    cpu=$(sed -n 's/one_jvm_cpu_s=//p' "$OUT/fleet/one-jvm-times.txt")
  else
    cpu=$(cat "$OUT"/fleet/*/fleet-times.txt | sed -n 's/.*cpu_s=\([0-9.]*\).*/\1/p' | awk '{ s += $1 } END { printf "%.1f", s }')
  fi
  grep '^grade-fleet: [^ ]*: ' "$log" | sed "s/^grade-fleet:/  $way:/"
  printf 'fleet_vms=%d fleet_wall_s=%s fleet_cpu_per_vm_s=%s way=%s\n' "$N" "$wall" \
    "$(awk -v c="$cpu" -v n="$N" 'BEGIN { printf "%.2f", c / n }')" "$([[ $way == one ]] && echo one-jvm || echo per-vm)" \
    >"$OUT/$way.figures"
}
grade one
if [[ ${FLEET_BENCH_WAYS:-both} == one-jvm ]]; then
  say "load after: $(uptime)"; cat "$OUT/one.figures"; exit 0
fi
grade per-vm
same=yes
for f in gradebook.csv gradebook-status.csv gradebook.md gradebook.json; do
  diff -q "$OUT/per-vm/$f" "$OUT/one/$f" >/dev/null || { same=no; say "the gradebooks differ in $f:"; diff "$OUT/per-vm/$f" "$OUT/one/$f" | head -20; }
done
say "gradebook from one JVM equals the per-VM one: $same"
say "load after: $(uptime)"
cat "$OUT/per-vm.figures" "$OUT/one.figures"
[[ $same == yes ]]
