#!/usr/bin/env bash
# A real learner's host, booted: a Debian 13 (trixie) VM with systemd, cgroup v2, AppArmor enforcing, Docker
# (trixie's docker.io 26.1 with docker-cli), Podman 5, rootlesskit, a JDK and sshd, under qemu on this machine.
# Unlike testbeds/learner-vm.sh (network namespaces sharing this machine's kernel), this is another kernel (6.12),
# another init (systemd) and another LSM (AppArmor): what the learners' hosts are. Run as root.
#
#   testbeds/learner-host-vm.sh build      builds the disk image once (debootstrap from Debian's packages), cached
#   testbeds/learner-host-vm.sh up         boots it from a fresh overlay (the cached image stays as built), waits
#                                         for sshd and dockerd, loads the stand-in images
#   testbeds/learner-host-vm.sh ssh [USER] [CMD...]   a command in the VM (root, or learner: in group docker)
#   testbeds/learner-host-vm.sh forward    forwards the VM's docker socket here; prints its DOCKER_HOST
#   testbeds/learner-host-vm.sh facts      kernel, cgroup fs, AppArmor, docker info, iptables --version
#   testbeds/learner-host-vm.sh engine sid  replaces the VM's Docker 26.1 with sid's docker.io 28.5 (containerd store)
#                                         until `down`; loads the stand-ins into it
#   testbeds/learner-host-vm.sh engine docker29 [iptables|nftables]   Docker 29.7.2 (the binaries in
#                                         $LHVM_DOCKER29_DIR, checksums checked) over sid's runc and containerd, on a
#                                         fresh data root (the containerd image store), with that firewall backend;
#                                         again with the other backend: the daemon restarted only. Exit 3: NOT RUN
#                                         (the binaries missing or not as their checksums say; said on stderr)
#   testbeds/learner-host-vm.sh ssh-opts   the ssh options a grader needs (key, known hosts, port)
#   testbeds/learner-host-vm.sh status     whether it runs, and where
#   testbeds/learner-host-vm.sh broken     exit 0 (and the console's lines of it) when the VM's kernel panicked or
#                                         qemu ended; exit 1 while it is alive
#   testbeds/learner-host-vm.sh down       stops qemu (poweroff, then kill), removes the overlay: nothing is left
#
# The cache ($LHVM_CACHE, /var/cache/docker-labs-vm): base.img (raw ext4, made with mkfs.ext4 -d: no loop
# device), vmlinuz and initrd.img from its /boot, the ssh key pair, and recipe.sha (the image is rebuilt when
# this script's recipe changes). Each boot writes to run/overlay.qcow2 only.
# Acceleration: KVM where it boots Debian's kernel, else TCG (LHVM_ACCEL=tcg|kvm|auto). On this machine /dev/kvm
# is kvm_pvm (a software nested hypervisor for PVM-built guest kernels): Debian's kernel dies in its
# decompressor there ("KVM emulation failure"), so `auto` means TCG (see learner_vm_accel below for what was tried).
# TCG runs single-threaded (LHVM_TCG_THREAD=single; `multi` is QEMU's default): CI's run of 2026-12-03 15:59 lost
# the VM to a guest kernel panic under thread=multi (QEMU 7.2), 76 s after boot, as runc started the first
# container: "Oops: int3" in dequeue_entity, a CPU running code another CPU had just patched (a static key's
# text_poke) from a stale translation. thread=single runs both vCPUs in one host thread, so no CPU sees another's
# half-patched code; measured: sshd after 84 s (multi: ~70 s).
# ssh is forwarded from 127.0.0.1:$LHVM_PORT (2222) only; the VM's user network reaches nothing else. LHVM_NAME=N
# makes another VM beside it (run-N/, last-console-N.log; give it its own LHVM_PORT).
# Env: LHVM_MEM (MiB, 4096), LHVM_SMP (2), LHVM_BOOT_WAIT (seconds for sshd, 300), LHVM_MIRROR (this machine's
# apt mirror), LHVM_IMAGES (the images loaded at `up`), LHVM_DOCKER29_DIR (../shared/engines/docker-29.7.2: CI's
# copy of shared/ lies beside the clone).
set -euo pipefail
export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CACHE=${LHVM_CACHE:-/var/cache/docker-labs-vm}
# LHVM_NAME: a second VM beside the first (its own run dir, console log and LHVM_PORT; .ci/learner-host-vm boots two).
RUN=$CACHE/run${LHVM_NAME:+-$LHVM_NAME}
LAST_CONSOLE=$CACHE/last-console${LHVM_NAME:+-$LHVM_NAME}.log
PORT=${LHVM_PORT:-2222}
MEM=${LHVM_MEM:-4096}
SMP=${LHVM_SMP:-2}
BOOT_WAIT=${LHVM_BOOT_WAIT:-300}
ACCEL=${LHVM_ACCEL:-auto}
TCG_THREAD=${LHVM_TCG_THREAD:-single}
SUITE=trixie
LEARNER=learner
read -r -a IMAGES <<<"${LHVM_IMAGES:-docker-labs-standin/nginx:debian docker-labs-standin/alpine:busybox}"
CMDLINE="root=/dev/vda rw console=ttyS0 apparmor=1 security=apparmor loglevel=4 systemd.show_status=0"
PACKAGES=systemd-sysv,systemd,systemd-resolved,udev,kmod,dbus,libpam-systemd,dbus-user-session,linux-image-amd64,\
initramfs-tools,docker.io,docker-cli,openssh-server,iproute2,iptables,nftables,apparmor,ca-certificates,procps,\
default-jdk-headless,podman,rootlesskit,uidmap,slirp4netns,passt,fuse-overlayfs,curl,less

die() { echo "learner-host-vm: $*" >&2; exit 1; }
say() { echo "learner-host-vm: $*"; }
[[ $(id -u) -eq 0 ]] || die "run me as root"

# The mirror this machine's apt uses (deb822 or one-line sources), else Debian's CDN.
mirror() {
  [[ -n ${LHVM_MIRROR:-} ]] && { echo "$LHVM_MIRROR"; return; }
  local m
  m=$(grep -hsE '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
    | grep -o 'https\?://[^ ]*/debian/\?' | grep -v security | head -1)
  echo "${m:-http://deb.debian.org/debian}"
}

# What the image is made of: a change to any of it makes `build` rebuild.
recipe() { printf '%s\n' "$PACKAGES" "$CMDLINE" "$SUITE"; declare -f configure_root; }

configure_root() {
  local root=$1 key=$2
  echo learner-vm >"$root/etc/hostname"
  printf '127.0.0.1 localhost\n127.0.1.1 learner-vm\n' >"$root/etc/hosts"
  echo '/dev/vda / ext4 rw,errors=remount-ro 0 1' >"$root/etc/fstab"
  mkdir -p "$root/etc/systemd/network"
  printf '[Match]\nName=en* eth*\n[Network]\nDHCP=yes\n' >"$root/etc/systemd/network/20-wired.network"
  chroot "$root" systemctl enable systemd-networkd systemd-resolved ssh docker >/dev/null 2>&1
  # Nothing a grading VM needs, and all of it slow under TCG.
  chroot "$root" systemctl mask apt-daily.timer apt-daily-upgrade.timer man-db.timer e2scrub_all.timer \
    e2scrub_reap.service fstrim.timer systemd-timesyncd.service >/dev/null 2>&1 || true
  # Key-only ssh for root and the learner (in group docker; subordinate ids and lingering for rootless engines).
  printf 'PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nUseDNS no\n' \
    >"$root/etc/ssh/sshd_config.d/learner-vm.conf"
  chroot "$root" useradd -m -s /bin/bash -G docker "$LEARNER"
  grep -q "^$LEARNER:" "$root/etc/subuid" 2>/dev/null || echo "$LEARNER:100000:65536" >>"$root/etc/subuid"
  grep -q "^$LEARNER:" "$root/etc/subgid" 2>/dev/null || echo "$LEARNER:100000:65536" >>"$root/etc/subgid"
  mkdir -p "$root/var/lib/systemd/linger" && touch "$root/var/lib/systemd/linger/$LEARNER"
  local home
  for home in root "home/$LEARNER"; do
    install -d -m 700 "$root/$home/.ssh"
    install -m 600 "$key.pub" "$root/$home/.ssh/authorized_keys"
  done
  chroot "$root" chown -R "$LEARNER:$LEARNER" "/home/$LEARNER/.ssh"
  # The serial console logs root in: only reachable through qemu's console file, for a boot that went wrong.
  mkdir -p "$root/etc/systemd/system/serial-getty@ttyS0.service.d"
  printf '[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin root --keep-baud 115200 %%I $TERM\n' \
    >"$root/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf"
  chroot "$root" apt-get clean
}

build() {
  local sha
  sha=$(recipe | sha256sum | cut -c1-16)
  if [[ -f $CACHE/base.img && $(cat "$CACHE/recipe.sha" 2>/dev/null) == "$sha" ]]; then
    say "image cached: $CACHE/base.img (recipe $sha, $(du -sh --apparent-size "$CACHE/base.img" | cut -f1) apparent, $(du -sh "$CACHE/base.img" | cut -f1) used)"
    return
  fi
  command -v debootstrap >/dev/null && command -v qemu-system-x86_64 >/dev/null && command -v qemu-img >/dev/null || {
    say "installing debootstrap qemu-system-x86 qemu-utils"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq debootstrap qemu-system-x86 qemu-utils >/dev/null
  }
  local dir=$CACHE/build started=$SECONDS
  mkdir -p "$CACHE" && rm -rf "$dir" && mkdir -p "$dir"
  [[ -f $CACHE/id_ed25519 ]] || ssh-keygen -q -t ed25519 -N '' -C docker-labs-vm -f "$CACHE/id_ed25519"
  say "debootstrap $SUITE from $(mirror) into $dir (a few minutes; log: $dir/debootstrap.log)"
  if ! timeout 1800 debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$dir/root" "$(mirror)" >"$dir/debootstrap.log" 2>&1; then
    tail -20 "$dir/debootstrap.log" "$dir/root/debootstrap/debootstrap.log" 2>/dev/null >&2
    die "debootstrap failed (log above)"
  fi
  configure_root "$dir/root" "$CACHE/id_ed25519"
  cp -L "$dir/root/vmlinuz" "$dir/vmlinuz" && cp -L "$dir/root/initrd.img" "$dir/initrd.img" \
    || die "no /vmlinuz or /initrd.img in the root: did linux-image-amd64 install?"
  truncate -s 20G "$dir/base.img"
  mkfs.ext4 -q -F -L learner-vm -d "$dir/root" "$dir/base.img" || die "mkfs.ext4 -d failed"
  mv "$dir/base.img" "$dir/vmlinuz" "$dir/initrd.img" "$CACHE/"
  echo "$sha" >"$CACHE/recipe.sha"
  rm -rf "$dir"
  say "built $CACHE/base.img in $((SECONDS - started)) s ($(du -sh "$CACHE/base.img" | cut -f1) used; kernel $(file -b "$CACHE/vmlinuz" | grep -o 'version [^ ]*'))"
}

SSH_OPTS=(-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
          -o ConnectTimeout=10 -o ServerAliveInterval=10 -o ServerAliveCountMax=6)
vm_ssh() {
  local user=$1; shift
  ssh "${SSH_OPTS[@]}" -i "$CACHE/id_ed25519" -p "$PORT" "$user@127.0.0.1" "$@"
}
running() { [[ -f $RUN/qemu.pid ]] && kill -0 "$(cat "$RUN/qemu.pid")" 2>/dev/null; }

# shellcheck source=../scripts/lib/forward.sh
source scripts/lib/forward.sh  # and lib/wait.sh
# boot_wait WHAT LIMIT COMMAND...: wait_for while qemu runs; when it gives up, the console's last lines and qemu stopped.
boot_wait() {
  local what=$1 rc=0
  # Once a second: each try is an ssh login that qemu's emulated network and CPU must serve.
  WAIT_ALIVE=running WAIT_EVERY=1 wait_for "$@" || rc=$?
  ((rc == 0)) && return 0
  console_tail; down >&2
  if ((rc == 2)); then die "qemu ended while waiting for $what (console: $LAST_CONSOLE)"; fi
  die "no $what within ${2}s: qemu stopped (console above; all of it: $LAST_CONSOLE)"
}
# Whether the VM is gone: its kernel panicked (the console says so) or qemu ended. Prints the console's oops lines.
broken() {
  if [[ -f $RUN/console.log ]] && grep -qE 'Kernel panic|Oops:' "$RUN/console.log"; then
    echo "the VM's kernel panicked (console, $RUN/console.log):"
    grep -m1 -B2 -A6 -E 'Oops:|Kernel panic' "$RUN/console.log" | sed 's/^/  | /'
    grep -m1 'Kernel panic' "$RUN/console.log" | sed 's/^/  | /'
    return 0
  fi
  running && return 1
  echo "qemu is not running (no VM up, or it ended)"
}
console_tail() { echo "learner-host-vm: the console's last lines:" >&2; tail -25 "$RUN/console.log" 2>/dev/null | sed 's/^/  | /' >&2; }

# KVM only if asked: here /dev/kvm is kvm_pvm, on which Debian's kernel does not boot (see the header).
accel_args() {
  case $ACCEL in
    kvm) echo "-accel kvm -cpu host" ;;
    tcg) echo "-accel tcg,thread=$TCG_THREAD -cpu max" ;;
    auto) if [[ -w /dev/kvm && ! -d /sys/module/kvm_pvm ]]; then echo "-accel kvm -cpu host"
          else echo "-accel tcg,thread=$TCG_THREAD -cpu max"; fi ;;
    *) die "LHVM_ACCEL=$ACCEL: kvm, tcg or auto" ;;
  esac
}

up() {
  running && die "already running (pid $(cat "$RUN/qemu.pid")): $0 down first"
  [[ -f $CACHE/base.img ]] || build
  ss -Hltn "sport = :$PORT" | grep -q . && die "127.0.0.1:$PORT is taken (LHVM_PORT)"
  rm -rf "$RUN" && mkdir -p "$RUN"
  qemu-img create -q -f qcow2 -b "$CACHE/base.img" -F raw "$RUN/overlay.qcow2"
  local accel started=$SECONDS
  accel=$(accel_args)
  say "booting ($accel, $SMP CPUs, $MEM MiB; ssh on 127.0.0.1:$PORT; console: $RUN/console.log)"
  # shellcheck disable=SC2086
  qemu-system-x86_64 $accel -machine q35 -smp "$SMP" -m "$MEM" -nographic -nodefaults -no-user-config \
    -kernel "$CACHE/vmlinuz" -initrd "$CACHE/initrd.img" -append "$CMDLINE" \
    -drive "file=$RUN/overlay.qcow2,format=qcow2,if=virtio,cache=unsafe,discard=unmap" \
    -netdev "user,id=n0,restrict=off,hostfwd=tcp:127.0.0.1:$PORT-:22" -device virtio-net-pci,netdev=n0 \
    -device virtio-rng-pci -serial "file:$RUN/console.log" -monitor none \
    -pidfile "$RUN/qemu.pid" -daemonize || die "qemu did not start"
  boot_wait "ssh login" "$BOOT_WAIT" vm_ssh root true
  local booted=$((SECONDS - started))
  boot_wait "dockerd" 120 vm_ssh root docker info
  say "up: sshd after ${booted} s, dockerd after $((SECONDS - started)) s ($(vm_ssh root uname -r))"
  echo "$booted" >"$RUN/boot-seconds"
  load_images
}

# shellcheck source=../scripts/lib/images.sh
source scripts/lib/images.sh
load_images() {
  local tar started=$SECONDS
  tar=$(images_tar "$CACHE" "${IMAGES[@]}") || die "no image to load"
  timeout 300 bash -c "$(declare -f vm_ssh); $(declare -p SSH_OPTS CACHE PORT); vm_ssh root docker load -q" <"$tar" \
    || die "docker load in the VM failed"
  say "loaded ${IMAGES[*]} in $((SECONDS - started)) s"
}

# The VM's docker socket forwarded to $RUN/docker.sock (for the docker CLI here: DOCKER_HOST=unix://…); prints it.
forward() {
  running || die "not running: $0 up first"
  local sock=$RUN/docker.sock
  if [[ -f $RUN/forward.pid ]] && kill -0 "$(cat "$RUN/forward.pid")" 2>/dev/null && [[ -S $sock ]]; then echo "unix://$sock"; return; fi
  local why
  why=$(ssh_forward "$sock" "$RUN/forward.pid" "$RUN/forward.log" 20 "${SSH_OPTS[@]}" -i "$CACHE/id_ed25519" -p "$PORT" \
    -L "$sock:/var/run/docker.sock" root@127.0.0.1 2>&1) || die "the ssh forward to the VM: $why"
  echo "unix://$sock"
}

facts() {
  vm_ssh root 'echo "kernel: $(uname -r)"; echo "/sys/fs/cgroup: $(stat -f -c %T /sys/fs/cgroup)";
    echo "AppArmor enabled: $(cat /sys/module/apparmor/parameters/enabled) ($(cat /sys/kernel/security/lsm))";
    echo "AppArmor profiles: $(grep -c . /sys/kernel/security/apparmor/profiles) loaded";
    echo "init: $(ps -o comm= -p 1)"; echo "$(iptables --version)";
    docker info -f "docker {{.ServerVersion}} · cgroup v{{.CgroupVersion}} · driver {{.CgroupDriver}} · {{.SecurityOptions}}";
    echo "podman: $(podman --version)"; echo "java: $(java -version 2>&1 | head -1)"'
}

# A second engine in the running VM: sid's docker.io 28.5 (containerd 2.1, runc 1.3, the containerd image store), in
# place of trixie's 26.1 until `down` (the overlay goes, the image stays as built). The packages are fetched here once
# (apt-get download with a sources list of their own; cached in $CACHE/sid/debs), installed with dpkg in the VM (sid's
# docker.io wants tini-static, which breaks trixie's tini: sid's tini comes too), and the stand-ins loaded again (the
# containerd store is a store of its own). Measured 2026-12-03: 28.5.2+dfsg4, `docker info`: overlayfs, driver-type
# io.containerd.snapshotter.v1, systemd driver, apparmor; trixie's docker-cli 26.1 stays the CLI (sid ships none).
# sid's packages, fetched once into $CACHE/sid/debs (apt-get download with a sources list of their own).
sid_debs() {
  local dir=$CACHE/sid
  if ! ls "$dir"/debs/docker.io_*.deb "$dir"/debs/runc_*.deb "$dir"/debs/containerd_*.deb >/dev/null 2>&1; then
    mkdir -p "$dir"/lists "$dir"/cache/archives/partial "$dir"/debs
    echo "deb $(mirror) sid main" >"$dir/sources.list"
    local apt=(-q -o "Dir::Etc::sourcelist=$dir/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$dir/lists"
      -o "Dir::Cache=$dir/cache")
    timeout 300 apt-get "${apt[@]}" update >"$dir/apt.log" 2>&1 \
      && (cd "$dir/debs" && timeout 300 apt-get "${apt[@]}" download docker.io containerd runc tini tini-static >>"$dir/apt.log" 2>&1) \
      || { rm -f "$dir"/debs/*.deb; tail -5 "$dir/apt.log" >&2; die "could not fetch sid's docker.io (log: $dir/apt.log)"; }
  fi
}

engine_sid() {
  running || die "the VM is not running (up first)"
  local dir=$CACHE/sid
  sid_debs
  tar -C "$dir/debs" -cf - . | vm_ssh root 'rm -rf /root/sid && mkdir -p /root/sid && tar -C /root/sid -xf - &&
    systemctl stop docker.service docker.socket containerd.service &&
    mkdir -p /etc/docker && echo "{\"features\":{\"containerd-snapshotter\":true}}" >/etc/docker/daemon.json &&
    DEBIAN_FRONTEND=noninteractive timeout 120 dpkg -i /root/sid/tini_*.deb >/root/sid/dpkg.log 2>&1 &&
    DEBIAN_FRONTEND=noninteractive timeout 300 dpkg -i /root/sid/*.deb >>/root/sid/dpkg.log 2>&1 &&
    systemctl restart docker.service && timeout 120 sh -c "until docker info >/dev/null 2>&1; do sleep 1; done" &&
    docker info -f "{{.DriverStatus}}" | grep -q containerd.snapshotter ||
    { tail -15 /root/sid/dpkg.log; exit 1; }' || die "sid's docker.io did not install or start in the VM (above)"
  load_images
  say "engine: $(vm_ssh root 'docker info -f "Docker {{.ServerVersion}} · {{.Driver}} {{.DriverStatus}} · cgroup v{{.CgroupVersion}} ({{.CgroupDriver}})"')"
}

# Docker 29.7.2, the engine Ubuntu's learners have (its docker.io is 29.1.3): static dockerd and docker-proxy built from
# moby's source (../shared/engines/docker-29.7.2/README.md), unpacked here once their checksums hold (packed:
# SHA256SUMS; unpacked: SHA256SUMS.binaries). Anything missing or not matching: exit 3, with the reason.
DOCKER29_DIR=${LHVM_DOCKER29_DIR:-../shared/engines/docker-29.7.2}
DOCKER29_VERSION=29.7.2
not_run() { echo "learner-host-vm: NOT RUN because $*" >&2; exit 3; }
docker29_binaries() {
  local src=$DOCKER29_DIR out=$CACHE/docker29 f b
  [[ -d $src ]] || not_run "there is no $src (Docker $DOCKER29_VERSION's binaries; CI's copy of shared/ lies beside the clone)"
  src=$(realpath "$src")
  for f in SHA256SUMS SHA256SUMS.binaries dockerd.xz docker-proxy.xz; do [[ -f $src/$f ]] || not_run "$src/$f is missing"; done
  for b in dockerd docker-proxy; do  # an empty or partial sums file would check nothing
    grep -qE "^[0-9a-f]{64}  $b\.xz\$" "$src/SHA256SUMS" || not_run "$src/SHA256SUMS has no sum for $b.xz"
    grep -qE "^[0-9a-f]{64}  $b\$" "$src/SHA256SUMS.binaries" || not_run "$src/SHA256SUMS.binaries has no sum for $b"
  done
  (cd "$src" && sha256sum --quiet --strict -c SHA256SUMS) >&2 || not_run "$src/*.xz do not match $src/SHA256SUMS (above)"
  mkdir -p "$out"
  if ! (cd "$out" && sha256sum --quiet --strict -c "$src/SHA256SUMS.binaries") >/dev/null 2>&1; then
    for b in dockerd docker-proxy; do xz -dc "$src/$b.xz" >"$out/$b" || not_run "xz -d $src/$b.xz failed"; done
    chmod 755 "$out/dockerd" "$out/docker-proxy"
    (cd "$out" && sha256sum --quiet --strict -c "$src/SHA256SUMS.binaries") >&2 \
      || not_run "the unpacked binaries do not match $src/SHA256SUMS.binaries (above)"
  fi
  say "Docker $DOCKER29_VERSION's binaries: checksums of $src/SHA256SUMS and SHA256SUMS.binaries hold"
}

# In the running VM: Docker 29.7.2 over sid's runc 1.3 and containerd 2.1 (runc 1.1 refuses 29's time namespaces),
# in place of trixie's 26.1 until `down`. The first time: sid's runc and containerd installed with dpkg, both daemons
# stopped, their data roots wiped (a fresh install: the containerd image store is 29's default there; containerd's
# only while it is stopped, as its install restarts it), trixie's /usr/sbin/dockerd and docker-proxy replaced, the
# stand-ins loaded. Each time: the firewall backend BACKEND in /etc/docker/daemon.json (nftables needs
# net.ipv4.ip_forward=1, else the daemon refuses to start), the other backend's rules flushed, the daemon restarted,
# and the backend it runs asked at API 1.49 (below that, /info leaves FirewallBackend out).
engine_docker29() {
  local backend=${1:-iptables}
  [[ $backend == iptables || $backend == nftables ]] || die "engine docker29: iptables or nftables, not $backend"
  docker29_binaries
  running || die "the VM is not running (up first)"
  if ! vm_ssh root "/usr/sbin/dockerd --version" 2>/dev/null | grep -q "version $DOCKER29_VERSION,"; then
    sid_debs
    local debs=$CACHE/sid/debs
    tar -C "$debs" -cf - $(cd "$debs" && ls runc_*.deb containerd_*.deb) -C "$CACHE/docker29" dockerd docker-proxy \
      | vm_ssh root 'rm -rf /root/docker29 && mkdir -p /root/docker29 && cd /root/docker29 && tar -xf - &&
      systemctl stop docker.service docker.socket containerd.service &&
      DEBIAN_FRONTEND=noninteractive timeout 300 dpkg -i runc_*.deb containerd_*.deb >dpkg.log 2>&1 &&
      systemctl stop docker.service docker.socket containerd.service && rm -rf /var/lib/docker /var/lib/containerd &&
      install -m 755 dockerd docker-proxy /usr/sbin/ && rm -f /etc/docker/daemon.json && systemctl start containerd.service ||
      { tail -15 dpkg.log; exit 1; }' || die "Docker $DOCKER29_VERSION did not install in the VM (above)"
  fi
  vm_ssh root "set -e; mkdir -p /etc/docker; systemctl stop docker.service docker.socket
    if [ $backend = nftables ]; then
      sysctl -qw net.ipv4.ip_forward=1; echo '{\"firewall-backend\":\"nftables\"}' >/etc/docker/daemon.json
      for t in nat filter raw; do iptables -t \$t -F; iptables -t \$t -X; done 2>/dev/null || true
    else rm -f /etc/docker/daemon.json; nft delete table ip docker-bridges 2>/dev/null || true; fi
    systemctl start docker.service
    timeout 120 sh -c 'until docker info >/dev/null 2>&1; do sleep 1; done' || { journalctl -u docker -n 15 --no-pager; exit 1; }" \
    || die "Docker $DOCKER29_VERSION did not start in the VM with the $backend backend (above)"
  local images parts
  images=$(vm_ssh root 'docker images -q | wc -l')
  ((images >= ${#IMAGES[@]})) || load_images
  local fw
  fw=$(vm_ssh root 'curl -sf --unix-socket /var/run/docker.sock http://docker/v1.49/info' | grep -o '"FirewallBackend":{"Driver":"[^"]*"' | cut -d'"' -f6)
  [[ $fw == "$backend" ]] || die "Docker $DOCKER29_VERSION runs the firewall backend '${fw:-?}' (/v1.49/info), not $backend"
  parts=$(vm_ssh root 'docker info -f "Docker {{.ServerVersion}} · {{.Driver}} {{.DriverStatus}} · cgroup v{{.CgroupVersion}} ({{.CgroupDriver}}) · {{.SecurityOptions}}";
    runc --version | head -1; containerd --version | cut -d" " -f3' | paste -sd'|')
  say "engine: ${parts%%|*} · firewall $fw (/v1.49/info) · $(cut -d'|' -f2 <<<"$parts") · containerd $(cut -d'|' -f3 <<<"$parts")"
}

down() {
  if [[ -f $RUN/forward.pid ]]; then kill "$(cat "$RUN/forward.pid")" 2>/dev/null || true; fi
  if running; then
    local pid
    pid=$(cat "$RUN/qemu.pid")
    local deadline=$SECONDS
    if timeout 30 bash -c "$(declare -f vm_ssh); $(declare -p SSH_OPTS CACHE PORT); vm_ssh root true" 2>/dev/null; then
      vm_ssh root 'systemctl poweroff' >/dev/null 2>&1 || true
      deadline=$((SECONDS + 60))
    fi
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 1; done
    if kill -0 "$pid" 2>/dev/null; then say "no poweroff (no ssh within 30 s, or no power-off within 60 s): killing qemu $pid"; kill "$pid"; sleep 2; kill -9 "$pid" 2>/dev/null || true; fi
    say "stopped qemu $pid"
  fi
  [[ -f $RUN/console.log ]] && cp "$RUN/console.log" "$LAST_CONSOLE"
  rm -rf "$RUN"
  ss -Hltn "sport = :$PORT" | grep -q . && die "something still listens on 127.0.0.1:$PORT" || true
}

case ${1:-} in
  build) build ;;
  up) up ;;
  down) down ;;
  ssh) shift; user=${1:-root}; shift || true; vm_ssh "$user" "$@" ;;
  facts) facts ;;
  load) load_images ;;
  engine) case ${2:-} in sid) engine_sid ;; docker29) engine_docker29 "${3:-iptables}" ;;
            *) die "usage: $0 engine sid|docker29 [iptables|nftables]" ;; esac ;;
  forward) forward ;;
  ssh-opts) echo "-i $CACHE/id_ed25519 -p $PORT ${SSH_OPTS[*]}" ;;
  broken) broken ;;
  status) if running; then say "running: qemu $(cat "$RUN/qemu.pid"), ssh on 127.0.0.1:$PORT, booted in $(cat "$RUN/boot-seconds" 2>/dev/null || echo '?') s"
          else say "not running"; fi
          [[ -f $CACHE/base.img ]] && say "image: $CACHE/base.img ($(du -sh "$CACHE/base.img" | cut -f1) used)" || say "no image built" ;;
  *) die "usage: $0 build|up|down|ssh [USER] [CMD]|facts|load|engine sid|docker29 [BACKEND]|ssh-opts|status|broken" ;;
esac
