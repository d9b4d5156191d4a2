#!/usr/bin/env bash
# A "learner VM" on this machine, for testing the fleet grader: a network namespace with its own dockerd
# (own docker0, nat table, data root), reached from the root namespace through a veth pair and an sshd
# that listens on the VM's address only (key-only, user $LABVM_USER in group docker). Inside sshd's own
# mount namespace the VM's socket is bind-mounted at /var/run/docker.sock, so a grader forwards it as it
# would a real VM's: ssh -L /tmp/vm.sock:/var/run/docker.sock labvm@10.211.N.2. Run as root.
#
#   testbeds/learner-vm.sh up NAME [bookworm|trixie|sid]   bookworm: the installed docker.io (20.10);
#                                                          trixie: 26.1.5; sid: 28.5.2 with the containerd image store
#   testbeds/learner-vm.sh down NAME                       removes all of it (containers, daemon, sshd, netns, dirs)
#   testbeds/learner-vm.sh stop-daemon NAME                stops the VM's dockerd only (a VM whose daemon is down)
#   testbeds/learner-vm.sh docker NAME ARGS...             the docker CLI against the VM's daemon
#   testbeds/learner-vm.sh ssh-opts                        the ssh options a grader needs (key, known hosts)
#
# Addresses: VM N (1..250, the first free) is $LABVM_NET.N.0/30: 10.211.N.1 on this side, 10.211.N.2 in the VM;
# only these are ever contacted. trixie's and sid's packages are fetched once with apt-get download into
# /var/cache/labvm/<suite> and unpacked there with dpkg -x (their runc needs glibc 2.38: the installed runc serves).
# Env: LABVM_NET (10.211), LABVM_USER (labvm), LABVM_WAIT (seconds for each start, 60), LABVM_DOCKERD_ARGS (more
# dockerd flags for `up`, e.g. --iptables=false for a VM whose Q3 must fail).
set -euo pipefail
export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

NET=${LABVM_NET:-10.211}
VM_USER=${LABVM_USER:-labvm}
WAIT=${LABVM_WAIT:-60}
CACHE=/var/cache/labvm
RUN=/run/labvm
DATA=/var/lib/labvm
IMAGES=(docker-labs-standin/nginx:debian docker-labs-standin/alpine:busybox)

die() { echo "learner-vm: $*" >&2; exit 1; }
say() { echo "learner-vm: $*"; }
[[ $(id -u) -eq 0 ]] || die "run me as root"

# shellcheck source=../scripts/lib/wait.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/wait.sh"

vm_docker() { local name=$1; shift; timeout 120 docker -H "unix://$RUN/$name/docker.sock" "$@"; }

# The engine's directory: the installed one for bookworm, else the suite's packages unpacked once.
engine_root() {
  local engine=$1
  case $engine in
    bookworm) echo / ;;
    trixie | sid)
      local dir=$CACHE/$engine
      if [[ ! -x $dir/root/usr/sbin/dockerd ]]; then
        say "fetching docker.io, containerd, tini from Debian $engine into $dir" >&2
        mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/debs"
        echo "deb http://deb.debian.org/debian $engine main" >"$dir/sources.list"
        local opts=(-o Dir::Etc::sourcelist="$dir/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$dir/lists"
                    -o Dir::Cache="$dir/cache" -o APT::Sandbox::User=root)
        timeout 300 apt-get "${opts[@]}" -qq update >&2
        (cd "$dir/debs" && timeout 300 apt-get "${opts[@]}" -qq download docker.io containerd tini >&2)
        rm -rf "$dir/root.tmp" && mkdir -p "$dir/root.tmp"
        for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root.tmp"; done
        rm -f "$dir"/root.tmp/usr/sbin/runc "$dir"/root.tmp/usr/bin/runc  # needs glibc 2.38: the installed runc serves
        mv "$dir/root.tmp" "$dir/root"
      fi
      echo "$dir/root" ;;
    *) die "unknown engine $engine: bookworm, trixie or sid" ;;
  esac
}

# The first free VM number, 1..250 (each VM has its own /30).
free_index() {
  local n
  for n in $(seq 1 250); do
    grep -qsx "$n" "$RUN"/*/index || { echo "$n"; return; }
  done
  die "no free VM number"
}

# The key a grader logs in with and the VMs' one host key, made once (cache); known_hosts covers every VM address.
keys() {
  mkdir -p "$CACHE/ssh" && chmod 700 "$CACHE/ssh"
  [[ -f $CACHE/ssh/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C labvm-grader -f "$CACHE/ssh/id_ed25519"
  [[ -f $CACHE/ssh/host_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C labvm-host -f "$CACHE/ssh/host_ed25519"
  echo "$NET.*.2 $(cut -d' ' -f1,2 "$CACHE/ssh/host_ed25519.pub")" >"$CACHE/ssh/known_hosts"
}

ssh_opts() {
  echo "-i $CACHE/ssh/id_ed25519 -o UserKnownHostsFile=$CACHE/ssh/known_hosts -o StrictHostKeyChecking=yes"
}

# The learner: in group docker, nothing else; '*' so that sshd takes a key for an account without a password.
learner_user() {
  getent group docker >/dev/null || groupadd docker
  if ! id "$VM_USER" >/dev/null 2>&1; then
    useradd -m -s /bin/bash -G docker "$VM_USER" && echo "$VM_USER" >"$CACHE/user-made"
  fi
  usermod -p '*' "$VM_USER"
  mkdir -p /run/sshd && chmod 755 /run/sshd
}

start_dockerd() {
  local name=$1 engine=$2 dir=$RUN/$1 root
  root=$(engine_root "$engine")
  local config='{}'
  [[ $engine == sid ]] && config='{"features":{"containerd-snapshotter":true}}'
  echo "$config" >"$dir/daemon.json"
  mkdir -p "$DATA/$name" "$dir/exec"
  local path=$PATH
  [[ $root == / ]] || path="$root/usr/sbin:$root/usr/bin:$PATH"
  # nsenter, not ip netns exec: that remounts /sys, the cgroup mounts vanish and dockerd refuses to start.
  setsid env PATH="$path" nsenter --net="/var/run/netns/labvm-$name" dockerd --config-file "$dir/daemon.json" \
    --data-root "$DATA/$name" --exec-root "$dir/exec" --pidfile "$dir/dockerd.pid" -H "unix://$dir/docker.sock" \
    -G docker ${LABVM_DOCKERD_ARGS:-} >"$dir/dockerd.log" 2>&1 </dev/null &
  local launcher=$! deadline=$((SECONDS + WAIT))
  until vm_docker "$name" version >/dev/null 2>&1; do
    if ! kill -0 "$launcher" 2>/dev/null || ((SECONDS >= deadline)); then
      echo "learner-vm: no answer from $name's dockerd within ${WAIT}s, or it exited; its log ends:" >&2
      tail -5 "$dir/dockerd.log" >&2; return 1
    fi
    sleep 0.2
  done
}

# shellcheck source=../scripts/lib/images.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/images.sh"
load_images() {
  local name=$1 tar
  tar=$(images_tar "$CACHE" "${IMAGES[@]}") || die "no stand-in images to load"
  vm_docker "$name" load -q -i "$tar" >/dev/null
}

start_sshd() {
  local name=$1 dir=$RUN/$1 addr=$2
  cat >"$dir/sshd_config" <<EOF
ListenAddress $addr
HostKey $CACHE/ssh/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AllowUsers $VM_USER
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AllowTcpForwarding local
AllowStreamLocalForwarding local
PermitTTY yes
X11Forwarding no
EOF
  cp "$CACHE/ssh/id_ed25519.pub" "$dir/authorized_keys"
  chmod 644 "$dir/authorized_keys"
  # Its own mount namespace: the VM's socket at the usual path, as on a real VM (the machine's stays untouched).
  nsenter --net="/var/run/netns/labvm-$name" unshare --mount --propagation private sh -ec \
    'mount --bind "$1" /var/run/docker.sock; exec /usr/sbin/sshd -f "$2" -E "$3"' _ \
    "$dir/docker.sock" "$dir/sshd_config" "$dir/sshd.log" </dev/null
  wait_for "sshd on $addr:22" "$WAIT" bash -c "exec 3<>/dev/tcp/$addr/22"
}

up() {
  local name=$1 engine=${2:-bookworm}
  [[ $name =~ ^[a-z0-9][a-z0-9-]{0,19}$ ]] || die "NAME: lower-case letters, digits and dashes, at most 20"
  [[ ! -e $RUN/$name ]] || die "$name is up already (testbeds/learner-vm.sh down $name)"
  engine_root "$engine" >/dev/null
  mkdir -p "$RUN"
  local n dir=$RUN/$name
  n=$(free_index)
  mkdir -p "$dir" && chmod 755 "$dir"
  echo "$n" >"$dir/index"
  echo "$engine" >"$dir/engine"
  trap 'echo "learner-vm: up $name failed: taking it down" >&2; down "$name"' ERR
  local host_if=lvh$n vm_if=lvv$n host_addr=$NET.$n.1 vm_addr=$NET.$n.2
  ip netns add "labvm-$name"
  ip link add "$host_if" type veth peer name "$vm_if"
  ip link set "$vm_if" netns "labvm-$name"
  ip addr add "$host_addr/30" dev "$host_if" && ip link set "$host_if" up
  ip -n "labvm-$name" addr add "$vm_addr/30" dev "$vm_if"
  ip -n "labvm-$name" link set "$vm_if" up
  ip -n "labvm-$name" link set lo up
  keys
  learner_user
  start_dockerd "$name" "$engine"
  load_images "$name"
  start_sshd "$name" "$vm_addr"
  trap - ERR
  say "$name is up: Docker $(vm_docker "$name" version -f '{{.Server.Version}}') ($engine,$(vm_docker "$name" info -f ' {{.Driver}}')) in netns labvm-$name"
  say "  fleet line: $name unix:///var/run/docker.sock $VM_USER@$vm_addr"
  say "  FLEET_SSH_OPTS='$(ssh_opts)'"
}

# Kills a process by its pid file, if it is still the named program; waits for it, then KILLs it.
stop_pid() {
  local file=$1 comm=$2 limit=$3 pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  grep -qx "$comm" "/proc/$pid/comm" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + limit))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

stop_daemon() {
  local name=$1 dir=$RUN/$1
  stop_pid "$dir/dockerd.pid" dockerd 20
  # What a killed dockerd may leave: its containerd and the shims started for this VM, by their own -address.
  local pid
  for pid in $(pgrep -f -- "$dir/exec/" || true); do kill -9 "$pid" 2>/dev/null || true; done
}

down() {
  local name=$1 dir=$RUN/$1
  [[ -d $dir ]] || { say "$name is not up"; return 0; }
  if [[ -S $dir/docker.sock ]] && vm_docker "$name" version >/dev/null 2>&1; then
    local all; all=$(vm_docker "$name" ps -aq)
    [[ -z $all ]] || vm_docker "$name" rm -f $all >/dev/null || true
  fi
  stop_pid "$dir/sshd.pid" sshd 5
  stop_daemon "$name"
  # Mounts the daemon left (overlays, shm, netns files), deepest first.
  local mounts
  mounts=$(awk -v d="$DATA/$name" -v e="$dir/" 'index($5, d) == 1 || index($5, e) == 1 {print $5}' /proc/self/mountinfo | sort -r)
  for m in $mounts; do umount -l "$m" 2>/dev/null || true; done
  ip netns del "labvm-$name" 2>/dev/null || true
  rm -rf "$DATA/${name:?}" "$dir"
  rmdir "$RUN" "$DATA" 2>/dev/null || true
  # The last VM gone: the learner user goes too, if this script made it.
  if [[ ! -d $RUN && -f $CACHE/user-made ]]; then
    userdel -r "$(cat "$CACHE/user-made")" 2>/dev/null || true
    rm -f "$CACHE/user-made"
  fi
  say "$name is down"
}

cmd=${1:-}; shift || true
case $cmd in
  up) (($# >= 1)) || die "usage: up NAME [bookworm|trixie|sid]"; up "$@" ;;
  down) (($# == 1)) || die "usage: down NAME"; down "$1" ;;
  stop-daemon) (($# == 1)) || die "usage: stop-daemon NAME"; stop_daemon "$1"; say "$1's dockerd is stopped" ;;
  docker) (($# >= 1)) || die "usage: docker NAME ARGS..."; name=$1; shift; vm_docker "$name" "$@" ;;
  ssh-opts) ssh_opts ;;
  *) die "usage: $0 up NAME [ENGINE] | down NAME | stop-daemon NAME | docker NAME ARGS... | ssh-opts" ;;
esac
