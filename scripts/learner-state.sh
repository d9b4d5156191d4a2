#!/usr/bin/env bash
# Leaves on the Docker daemon the state a learner leaves by following the lab page's solutions by hand,
# so that the learner mode (-Dlabs.mode=learner) can be graded and watched failing:
#
#   docker run -d --name web nginx            # Q1 (Q2 and Q4 look at it too)
#   docker run -d -p 8080:80 nginx            # Q3
#   docker run --name gone alpine             # Q5: exits at once
#   docker run -d --name stayup alpine sleep 1000
#   docker run -d --name limited --memory 64m --cpus 0.5 nginx    # Q6, beyond the page
#
#   scripts/learner-state.sh up [VARIANT]     VARIANT: done (default) | nothing | stayup-without-command |
#                                             no-gone | port-8081 | web-stopped | limited-without-limits
#     other valid solutions, which pass:      stayup-tail (alpine tail -f /dev/null) | stayup-sleep-infinity |
#                                             stayup-loop (sh -c 'while true; do sleep 1; done') | port-tcp (-p 8080:80/tcp) |
#                                             port-all-addresses (-p 0.0.0.0:8080:80) |
#                                             stayup-tty (docker run -dit, no command: the shell kept up by a terminal)
#     a valid solution graded as far as it can be: port-loopback (-p 127.0.0.1:8080:80: Q3's traffic fact not checked)
#     mistakes:                               web-paused (Q1 fails; Q2, Q4 say they need Q1's web) | web-missing
#   scripts/learner-state.sh down             removes what `up` made, and only that
#
# Each container it makes carries the label org.sysnerd.learner-state=<variant> (not the suite's label: the
# suite must grade it as a learner's). It refuses to touch a container named web, stayup, gone or limited that it
# did not make (a port 8080 already taken makes its `docker run -p 8080:80` fail, which it reports).
# Env: LABS_IMAGE_NGINX, LABS_IMAGE_ALPINE (default: nginx, alpine, as on the page).
set -euo pipefail

NGINX=${LABS_IMAGE_NGINX:-nginx}
ALPINE=${LABS_IMAGE_ALPINE:-alpine}
LABEL=org.sysnerd.learner-state
dk() { timeout 60 docker "$@"; }
die() { echo "learner-state: $*" >&2; exit 2; }

down() {
  local ids
  ids=$(dk ps -aq --filter "label=$LABEL")
  [ -z "$ids" ] || dk rm -fv $ids >/dev/null
}

up() {
  local variant=${1:-done} name
  for name in web stayup gone limited; do
    if dk inspect --type container "$name" >/dev/null 2>&1 &&
       [ -z "$(dk inspect --type container -f "{{index .Config.Labels \"$LABEL\"}}" "$name")" ]; then
      die "a container named '$name' exists that this script did not make: refusing"
    fi
  done
  down
  case $variant in
    done|stayup-without-command|no-gone|port-8081|web-stopped|limited-without-limits) ;;
    stayup-tail|stayup-sleep-infinity|stayup-loop|stayup-tty|port-tcp|port-all-addresses|port-loopback) ;;
    web-paused|web-missing) ;;
    nothing) return 0 ;;
    *) die "unknown variant '$variant'" ;;
  esac
  local l=(--label "$LABEL=$variant") publish=8080:80 stayup=(sleep 1000) limits=(--memory 64m --cpus 0.5) run=(-d)
  case $variant in
    limited-without-limits) limits=() ;;
    port-8081) publish=8081:80 ;;
    port-tcp) publish=8080:80/tcp ;;
    port-all-addresses) publish=0.0.0.0:8080:80 ;;
    port-loopback) publish=127.0.0.1:8080:80 ;;
    stayup-without-command) stayup=() ;;
    stayup-tail) stayup=(tail -f /dev/null) ;;
    stayup-sleep-infinity) stayup=(sleep infinity) ;;
    stayup-loop) stayup=(sh -c 'while true; do sleep 1; done') ;;
    stayup-tty) stayup=() run=(-dit) ;;
  esac
  [ "$variant" = web-missing ] || dk run -d --name web "${l[@]}" "$NGINX" >/dev/null
  dk run -d -p "$publish" "${l[@]}" "$NGINX" >/dev/null
  [ "$variant" = no-gone ] || dk run --name gone "${l[@]}" "$ALPINE" >/dev/null
  dk run "${run[@]}" --name stayup "${l[@]}" "$ALPINE" "${stayup[@]}" >/dev/null
  dk run -d --name limited "${l[@]}" "${limits[@]}" "$NGINX" >/dev/null
  [ "$variant" = web-stopped ] && dk stop -t 1 web >/dev/null
  [ "$variant" = web-paused ] && dk pause web >/dev/null
  return 0
}

case ${1:-} in
  up) up "${2:-done}" ;;
  down) down ;;
  *) die "usage: scripts/learner-state.sh up [VARIANT] | down" ;;
esac
