#!/usr/bin/env bash
# Runs the suite as a learner does: a user in the docker group who is not root, so that host facts
# come through the daemon-side probe (a helper container), not from this process. Run it as root:
# it makes the user if missing, seeds the user's ~/.m2 from the caller's (for offline builds), copies the
# project to a directory the user owns (root's checkout and its target/ stay untouched), and runs
# ./mvnw there with the given arguments. Reports the run writes under target/reports/ in the copy (with
# -Dlabs.report.dir=target/reports/<run>) are copied back to this checkout's target/reports/<run>, the copy being
# replaced by the next run. Prints where the reports are; exits with Maven's status.
#
#   sudo -E testbeds/as-docker-group-user.sh [maven arguments]     default: test -Pspec
#   sudo -E testbeds/as-docker-group-user.sh --run SCRIPT [args]   a script of the project's instead (scripts/watch.sh)
#   e.g. sudo -E testbeds/as-docker-group-user.sh -o test -Dtest=DaemonHostTest
#
# Env: LABS_USER (default labuser), LABS_COPY (default /tmp/$LABS_USER-copy), LABS_M2 (the .m2 to seed
# from; default: that of $SUDO_USER, or root's); TESTCONTAINERS_*,
# LABS_* (images, mode, LABS_TIME_SCALE), DOCKER_HOST and JAVA_HOME are passed on to the user's Maven.
set -euo pipefail

die() { echo "as-docker-group-user: $*" >&2; exit 2; }
say() { echo "as-docker-group-user: $*"; }

[[ $(id -u) -eq 0 ]] || die "run me as root (I make the user and copy the project): sudo $0 $*"
USER_NAME=${LABS_USER:-labuser}
COPY=${LABS_COPY:-/tmp/$USER_NAME-copy}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SOCKET=/var/run/docker.sock
SEED_M2=${LABS_M2:-$(getent passwd "${SUDO_USER:-root}" | cut -d: -f6)/.m2}
(($# > 0)) || set -- test -Pspec
RUN=./mvnw
if [[ $1 == --run ]]; then
  [[ ${2:-} =~ ^(scripts|bench)/[a-z-]+\.sh$ ]] || die "--run SCRIPT: a script of the project's, e.g. scripts/watch.sh"
  RUN=$2; shift 2
fi
[[ $COPY == /tmp/* || $COPY == /var/tmp/* ]] || die "LABS_COPY=$COPY: I remove and refill it, so it must be under /tmp or /var/tmp"

getent group docker >/dev/null || die "no docker group: the learner's way in is membership of it (groupadd docker)"
if ! id "$USER_NAME" >/dev/null 2>&1; then
  say "making user $USER_NAME in group docker"
  useradd -m -G docker "$USER_NAME"
elif ! id -nG "$USER_NAME" | tr ' ' '\n' | grep -qx docker; then
  say "adding $USER_NAME to group docker"
  usermod -aG docker "$USER_NAME"
fi
HOME_DIR=$(getent passwd "$USER_NAME" | cut -d: -f6)

# The group only helps if the daemon's socket is the group's: say so rather than chmod it here.
if [[ -z ${DOCKER_HOST:-} && -S $SOCKET ]]; then
  [[ $(stat -c %G "$SOCKET") == docker ]] \
    || die "$SOCKET belongs to group $(stat -c %G "$SOCKET"), not docker: dockerd -G docker, or chgrp docker $SOCKET"
  runuser -u "$USER_NAME" -- test -r "$SOCKET" -a -w "$SOCKET" \
    || die "$USER_NAME cannot read and write $SOCKET (mode $(stat -c %A "$SOCKET"))"
fi

# Maven as the user needs its own ~/.m2: the caller's may be the only copy on an air-gapped host.
# Only the repository and the wrapper's Maven: settings.xml may hold the caller's credentials.
if [[ -d $SEED_M2/repository ]]; then
  # Every run, not only the first: what the caller's build has fetched since (a new dependency) must be there too.
  say "seeding $HOME_DIR/.m2 from $SEED_M2 (repository, wrapper; only what is missing)"
  mkdir -p "$HOME_DIR/.m2"
  cp -an "$SEED_M2/repository" "$HOME_DIR/.m2/"
  if [[ -d $SEED_M2/wrapper ]]; then cp -an "$SEED_M2/wrapper" "$HOME_DIR/.m2/"; fi
  chown -R "$USER_NAME:" "$HOME_DIR/.m2"
fi

say "copying $ROOT to $COPY (without target/)"
rm -rf "$COPY"
mkdir -p "$COPY"
tar -C "$ROOT" --exclude=./target -cf - . | tar -C "$COPY" -xf -
chown -R "$USER_NAME:" "$COPY"

# A clean environment, as a login would give; sbin on PATH so that a direct `iptables` is found and
# refused for what it is (permission), not reported missing.
ENV=(HOME="$HOME_DIR" USER="$USER_NAME" LOGNAME="$USER_NAME" LANG=C.UTF-8
     PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin)
for name in $(compgen -e); do
  case $name in TESTCONTAINERS_* | LABS_* | DOCKER_HOST | DOCKER_TLS_VERIFY | DOCKER_CERT_PATH | JAVA_HOME)
    ENV+=("$name=${!name}") ;;
  esac
done

say "running $RUN $* as $USER_NAME ($(id "$USER_NAME")) in $COPY"
status=0
runuser -u "$USER_NAME" -- env -i "${ENV[@]}" bash -c 'cd "$1" && shift && exec "$@"' _ "$COPY" "$RUN" "$@" \
  || status=$?
if [[ -d $COPY/target/reports ]]; then
  mkdir -p "$ROOT/target/reports"
  for dir in "$COPY"/target/reports/*/; do
    rm -rf "$ROOT/target/reports/$(basename "$dir")"
    cp -r "$dir" "$ROOT/target/reports/"
    say "reports of this run: $ROOT/target/reports/$(basename "$dir") (surefire-reports/, labs-report.*)"
  done
fi
say "$RUN exited $status; reports in the copy: $COPY/target/surefire-reports (or the -Dlabs.report.dir given)"
exit "$status"
