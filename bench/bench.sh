#!/usr/bin/env bash
# Benchmark (issue 6): the suite's labs against the lab page's own commands (bench/lab-page.sh),
# in one run, alternating, ROUNDS times each after one warm-up of each (not counted). Then (issue 10) the
# learner mode on the page's finished state (scripts/learner-state.sh up) against the page's five "verify it
# yourself" commands as a shell script (bench/lab-page-verify.sh) on that same state, alternating likewise.
#
#   bench/bench.sh [ROUNDS]          ROUNDS per side, default 5; run as root
#
# Per round it prints the shell baseline's wall time, the whole `./mvnw -o -q test -Dtest='Q*'` wall time,
# and the labs' own elapsed time from the suite's report (labs-report.json: startedAt -> finishedAt), split
# into what comes before the labs (Maven's start, its plugins, JUnit's discovery) and after, and each lab's
# durationMs; next to each wall time, the CPU (user+sys) the command and its children used (dockerd's own work is not in it).
# The last line is the medians:  labs_s=X.XX mvn_s=X.XX baseline_s=X.XX ratio=X.XX mvn_ratio=X.XX
# learner_labs_s=X.XX learner_mvn_s=X.XX verify_s=X.XX learner_ratio=X.XX learner_mvn_ratio=X.XX
# (ratio = labs_s / baseline_s, mvn_ratio = mvn_s / baseline_s; learner_ratio = learner_labs_s / verify_s). A failed run is rerun once; a run that
# fails twice is left out of the medians and the exit code is 1. Before the last line it warns about any
# container of the suite (label org.sysnerd.docker-labs) or of the lab page (label org.sysnerd.lab-page) left.
#
# Where the time goes: each suite run is traced (-Dlabs.trace, see journal/Trace: one line per phase of the run), and
# each round prints a "phases:" line of seconds: mvnw (./mvnw to the JVM's start), maven (the JVM's start to JUnit's
# discovery: Maven, its plugins, Surefire), client (the kit's Docker client made), docker (the preflight's daemon
# side: ping, info, images, Testcontainers' own search), early (the host's side begun once the daemon answered: the
# probe, iptables' version, the interfaces; from the ping), probe (choosing how the host is read: the helper and its
# identity check, or the socket's listener in /proc; ~0 when early chose it), host (the rest of the preflight's host
# side: the nat table, the sweep), containers (the
# daemon side's end to the last lab's containers started), labs (the daemon side's end to the last lab's end),
# report (the last lab's end to the report written), exit (the report to Maven's exit: clean-up, JVM end); then per
# lab its start-to-end and, after "@", when its containers were up (from the preflight's start), and Q3's removal,
# Q6's update and OOM kill. Before the last line, the medians of each, for the spec and the learner mode.
# Before the last line, the watch's (issue 27, bench/bench-watch.sh, in a learner VM; BENCH_WATCH=0 leaves it out):
# watch_recheck_s=X.XX (median, Docker event to board) ... watch_idle_cpu_s=X.XX over watch_idle_s=60.
# Env: LABS_IMAGE_NGINX, LABS_IMAGE_ALPINE, TESTCONTAINERS_* (passed to both sides as they are),
# BENCH_LIMIT (s per run, default 300), BENCH_KEEP=1 to keep the logs and per-round reports.
# Each suite run writes its report to its own directory (-Dlabs.report.dir), so that a concurrent run of the
# suite in the same checkout does not mix its report into ours; its surefire-reports/ there is copied per round.
set -uo pipefail

die() { echo "bench: $*" >&2; exit 2; }
ROUNDS=${1:-5}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "usage: bench/bench.sh [ROUNDS]   (ROUNDS: a positive integer)"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || die "cannot cd to $ROOT"
LIMIT=${BENCH_LIMIT:-300}
PAGE_LABEL=org.sysnerd.lab-page
# Every lab class must pass: Q1-Q5 from the page and those beyond it (Q6).
LAB_COUNT=$(ls src/test/java/org/sysnerd/dockerlabs/labs/Q*Test.java | wc -l)
SUITE_LABEL=org.sysnerd.docker-labs

exec 9>/tmp/docker-labs-bench.lock
flock -n 9 || die "another bench/bench.sh is running on this machine"
timeout 60 docker info >/dev/null 2>&1 || die "cannot talk to the Docker daemon"
command -v python3 >/dev/null || die "python3 is needed to read the report"

WORK=$(mktemp -d /tmp/docker-labs-bench.XXXXXX)
failed=0
finish() {
  if [[ ${BENCH_KEEP:-} == 1 || $failed != 0 ]]; then echo "bench: logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

elapsed() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.2f}")' "$1" "$2"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# timed TAG CMD...: runs CMD (bounded) with its output in $WORK/TAG.log; sets WALL_S and CPU_S (user+sys of
# the command and its descendants: CPU the machine spent outside dockerd/containerd), T0 and T1 (epoch s)
timed() {
  local tag=$1 rc u s
  shift
  T0=$EPOCHREALTIME
  { TIMEFORMAT='%3R %3U %3S'; time timeout "$LIMIT" "$@" >"$WORK/$tag.log" 2>&1; } 2>"$WORK/$tag.time"
  rc=$?
  T1=$EPOCHREALTIME
  read -r _ u s <<<"$(tail -n 1 "$WORK/$tag.time")"
  CPU_S=$(python3 -c 'import sys; print(f"{float(sys.argv[1]) + float(sys.argv[2]):.2f}")' "${u:-0}" "${s:-0}")
  WALL_S=$(elapsed "$T0" "$T1")
  return $rc
}

# page TAG: one run of the lab page; sets PAGE_S and PAGE_CPU, returns its exit code
page() {
  local rc
  timed "page-$1" bench/lab-page.sh
  rc=$?
  PAGE_S=$WALL_S PAGE_CPU=$CPU_S
  return $rc
}

# verify TAG: one run of the page's verify commands on the learner's state; sets PAGE_S and PAGE_CPU
verify() {
  timed "verify-$1" bench/lab-page-verify.sh
  PAGE_S=$WALL_S PAGE_CPU=$CPU_S
  return 0
}

# suite TAG [MAVEN ARGS]: one run of the suite's labs; sets MVN_S, MVN_CPU and SUITE_LINE (labs_s ...), returns nonzero on failure
suite() {
  local tag=$1 t0 t1 rc dir=$WORK/report-$1 report
  shift
  mkdir -p "$dir"
  timed "mvn-$tag" ./mvnw -o -q test -Dtest='Q*' -Dlabs.mode=spec -Dlabs.report.dir="$dir" -Dlabs.trace="$dir/trace.txt" "$@"
  rc=$?
  t0=$T0 t1=$T1 MVN_S=$WALL_S MVN_CPU=$CPU_S
  PHASES=$(phases "$dir/trace.txt" "$t0" "$t1")
  mkdir -p "$WORK/surefire-$tag"
  cp "$dir"/surefire-reports/TEST-*.labs.Q*.xml "$WORK/surefire-$tag/" 2>/dev/null   # labs.report.dir takes Surefire's XML too
  report=$dir/labs-report.json
  if [[ ! -s $report ]]; then   # the kit ignored labs.report.dir: take target's, if this run wrote it
    report=target/labs-report.json
    [[ -s $report && $(stat -c %Y "$report") -ge ${t0%.*} ]] || report=
  fi
  if [[ -z $report ]]; then
    SUITE_LINE="no labs-report.json from this run"
    return $((rc ? rc : 3))
  fi
  SUITE_LINE=$(python3 - "$report" "$t0" "$t1" "$LAB_COUNT" <<'EOF'
import json, sys, re
from datetime import datetime, timezone
def instant(s):  # 2026-11-28T10:24:59.133616080Z: Python wants at most 6 fraction digits
    m = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z", s)
    return datetime.fromisoformat(m.group(1)).replace(tzinfo=timezone.utc).timestamp() + float("0." + (m.group(2) or "0"))
r = json.load(open(sys.argv[1]))
t0, t1 = float(sys.argv[2]), float(sys.argv[3])
a, b = instant(r["startedAt"]), instant(r["finishedAt"])
labs = " ".join(f'{l["id"]}={l["durationMs"] / 1000:.2f}' for l in r["labs"])
print(f'labs_s={b - a:.2f} pre_s={a - t0:.2f} post_s={t1 - b:.2f} passed={r["passed"]}/{r["total"]} '
      f'run={r["runId"]} [{labs}]')
sys.exit(0 if r["passed"] == r["total"] == int(sys.argv[4]) else 4)
EOF
  ) || rc=$((rc ? rc : 4))
  return $rc
}

# phases TRACE T0 T1: the run's breakdown from its trace (see the header), one line
phases() {
  [[ -s $1 ]] || { echo "phases: no trace"; return; }
  python3 - "$1" "$2" "$3" <<'EOF'
import sys, re
trace, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
at = {}
for line in open(trace):
    stamp, event = line.rstrip("\n").split(" ", 1)
    at.setdefault(event, float(stamp))  # the first time each event happened
def span(a, b):
    return f"{at[b] - at[a]:.2f}" if a in at and b in at else "-"
def last(pattern):
    times = [t for e, t in at.items() if re.fullmatch(pattern, e)]
    return max(times) if times else None
out = [f"mvnw={at['jvm start'] - t0:.2f}", f"maven={span('jvm start', 'discovery start')}",
       "client=" + span("preflight docker side start", "preflight client made (Testcontainers' transport)"),
       f"docker={span('preflight docker side start', 'preflight docker side done')}",
       f"early={span('preflight pinged', 'preflight interfaces read')}",
       f"probe={span('preflight docker side done', 'preflight probe chosen')}",
       f"host={span('preflight probe chosen', 'preflight done')}"]
gate = at.get("preflight docker side done")
up, end = last(r"Q\d containers started"), last(r"Q\d end")
out.append(f"containers={up - gate:.2f}" if gate and up else "containers=-")
out.append(f"labs={end - gate:.2f}" if gate and end else "labs=-")
out.append(f"report={at['report written'] - end:.2f}" if end and "report written" in at else "report=-")
out.append(f"exit={t1 - at['report written']:.2f}" if "report written" in at else "exit=-")
start = at.get("preflight docker side start")
for lab in sorted({e.split()[0] for e in at if re.match(r"Q\d ", e)}):
    if f"{lab} start" in at and f"{lab} end" in at:
        ready = at.get(f"{lab} containers started")
        out.append(f"{lab}={at[lab + ' end'] - at[lab + ' start']:.2f}" + (f"@{ready - start:.2f}" if ready and start else ""))
for name, fact in (("q3_removal", "Q3 fact the_rule_is_gone_once_the_container_is_removed"),
                   ("q6_update", "Q6 fact docker_update_rewrites_the_limit_in_place"),
                   ("q6_oom", "Q6 fact the_kernel_kills_what_allocates_past_the_limit")):
    if f"{fact} start" in at and f"{fact} done" in at:
        out.append(f"{name}={span(fact + ' start', fact + ' done')}")
print("phases: " + " ".join(out))
EOF
}

# learner TAG: one run of the suite's labs in the learner mode
learner() {
  suite "$1" -Dlabs.mode=learner
}

# with_retry KIND TAG: run KIND (page|suite|verify|learner); on failure say so and rerun once
with_retry() {
  local kind=$1 tag=$2 rc
  "$kind" "$tag"; rc=$?
  ((rc == 0)) && return 0
  echo "  $tag: $kind failed (exit $rc${SUITE_LINE:+; $SUITE_LINE}), log $WORK/$([[ $kind == page ]] && echo page || echo mvn)-$tag.log; rerunning once"
  [[ $kind == suite ]] && tail -n 25 "$WORK/mvn-$tag.log" | sed 's/^/    | /'
  [[ $kind == page ]] && tail -n 10 "$WORK/page-$tag.log" | sed 's/^/    | /'
  [[ $kind == learner ]] && tail -n 25 "$WORK/mvn-$tag.log" | sed 's/^/    | /'
  "$kind" "$tag-rerun"; rc=$?
  ((rc == 0)) && return 0
  echo "  $tag: $kind failed again (exit $rc${SUITE_LINE:+; $SUITE_LINE}), log $WORK/*-$tag-rerun.log: left out of the medians"
  failed=1
  return $rc
}

bench_start=$SECONDS
echo "bench: $ROUNDS rounds; nginx=${LABS_IMAGE_NGINX:-nginx:1.27.4} alpine=${LABS_IMAGE_ALPINE:-alpine:3.21.3};" \
  "$(nproc) CPUs, load $(load); Docker $(timeout 60 docker version -f '{{.Server.Version}}' 2>/dev/null)"
echo "bench: compiling (./mvnw -o -q test-compile)"
timeout "$LIMIT" ./mvnw -o -q test-compile >"$WORK/compile.log" 2>&1 ||
  { failed=1; tail -n 30 "$WORK/compile.log" >&2; die "the suite does not compile"; }

RUN_IDS=()
PAGES=() MVNS=() LABS=()
for ((i = 0; i <= ROUNDS; i++)); do
  tag=$([[ $i == 0 ]] && echo warmup || echo "round$i")
  SUITE_LINE=
  if with_retry page "$tag"; then p=$PAGE_S pc=$PAGE_CPU; else p= pc=; fi
  SUITE_LINE=
  if with_retry suite "$tag"; then m=$MVN_S mc=$MVN_CPU; l=${SUITE_LINE%% *}; l=${l#labs_s=}; else m= mc= l=; fi
  [[ $SUITE_LINE =~ run=([0-9a-f]+) ]] && RUN_IDS+=("${BASH_REMATCH[1]}")
  label=$([[ $i == 0 ]] && echo "warm-up (not counted)" || echo "round $i/$ROUNDS")
  echo "$label: baseline_s=${p:-FAIL} (cpu ${pc:--}) mvn_s=${m:-FAIL} (cpu ${mc:--}) ${SUITE_LINE:-} load=$(load)"
  echo "  ${PHASES:-phases: -}"
  if ((i > 0)); then
    [[ -n $p ]] && PAGES+=("$p")
    [[ -n $m ]] && { MVNS+=("$m"); LABS+=("$l"); echo "$PHASES" >>"$WORK/phases-spec.txt"; }
  fi
done

# --- the learner mode, on the page's finished state ----------------------------------------------------
VERIFIES=() LMVNS=() LLABS=()
if scripts/learner-state.sh up >"$WORK/learner-state.log" 2>&1; then
  for ((i = 0; i <= ROUNDS; i++)); do
    tag=$([[ $i == 0 ]] && echo learner-warmup || echo "learner$i")
    SUITE_LINE=
    verify "$tag"; v=$PAGE_S vc=$PAGE_CPU
    if with_retry learner "$tag"; then m=$MVN_S mc=$MVN_CPU; l=${SUITE_LINE%% *}; l=${l#labs_s=}; else m= mc= l=; fi
    label=$([[ $i == 0 ]] && echo "learner warm-up (not counted)" || echo "learner round $i/$ROUNDS")
    echo "$label: verify_s=$v (cpu $vc) mvn_s=${m:-FAIL} (cpu ${mc:--}) ${SUITE_LINE:-} load=$(load)"
    echo "  ${PHASES:-phases: -}"
    if ((i > 0)); then
      VERIFIES+=("$v")
      [[ -n $m ]] && { LMVNS+=("$m"); LLABS+=("$l"); echo "$PHASES" >>"$WORK/phases-learner.txt"; }
    fi
  done
  scripts/learner-state.sh down >>"$WORK/learner-state.log" 2>&1
else
  echo "bench: no learner state (scripts/learner-state.sh up failed: $(tail -n 1 "$WORK/learner-state.log")): learner mode not measured"
  failed=1
fi

# --- the watch (issue 27), in a learner VM of its own: bench/bench-watch.sh ------------------------------
WATCH_LINE=
if [[ ${BENCH_WATCH:-1} == 1 ]]; then
  WATCH_LINE=$(bench/bench-watch.sh 2>"$WORK/bench-watch.err" | tail -n 1)
  [[ $WATCH_LINE == *watch_recheck_s=* ]] || { echo "bench: the watch not measured: $(tail -n 1 "$WORK/bench-watch.err")"; WATCH_LINE=; failed=1; }
fi

# --- leftovers ---------------------------------------------------------------------------------------
left=$(timeout 60 docker ps -a --filter "label=$PAGE_LABEL" --format '{{.Names}}' | tr '\n' ' ')
[[ -n $left ]] && { echo "warning: lab-page containers left: $left"; failed=1; }
mine=() others=()
while read -r name run; do
  [[ -z $name ]] && continue
  if [[ " ${RUN_IDS[*]} " == *" $run "* ]]; then mine+=("$name"); else others+=("$name"); fi
done < <(timeout 60 docker ps -a --filter "label=$SUITE_LABEL" --format "{{.Names}} {{.Label \"$SUITE_LABEL.run\"}}")
((${#mine[@]})) && { echo "warning: suite containers left by this bench's runs: ${mine[*]}"; failed=1; }
((${#others[@]})) && echo "warning: suite containers of other runs (not this bench's; concurrent sessions?): ${others[*]}"
echo "bench: took $((SECONDS - bench_start)) s"
# the medians of each phase over the counted rounds, per mode
for mode in spec learner; do
  [[ -s $WORK/phases-$mode.txt ]] || continue
  python3 - "$WORK/phases-$mode.txt" "$mode" <<'EOF'
import sys, statistics
values = {}
for line in open(sys.argv[1]):
    for field in line.split()[1:]:
        name, value = field.split("=", 1)
        value = value.split("@")[0]
        if value != "-":
            values.setdefault(name, []).append(float(value))
print(f"phases ({sys.argv[2]}, median): " + " ".join(f"{k}={statistics.median(v):.2f}" for k, v in values.items()))
EOF
done

[[ -n $WATCH_LINE ]] && echo "$WATCH_LINE"
python3 - "${PAGES[*]}" "${MVNS[*]}" "${LABS[*]}" "${VERIFIES[*]}" "${LMVNS[*]}" "${LLABS[*]}" <<'EOF'
import sys, statistics
def med(s):
    v = [float(x) for x in s.split()]
    return statistics.median(v) if v else float("nan")
page, mvn, labs, verify, lmvn, llabs = (med(s) for s in sys.argv[1:7])
print(f"labs_s={labs:.2f} mvn_s={mvn:.2f} baseline_s={page:.2f} ratio={labs / page:.2f} mvn_ratio={mvn / page:.2f} "
      f"learner_labs_s={llabs:.2f} learner_mvn_s={lmvn:.2f} verify_s={verify:.2f} learner_ratio={llabs / verify:.2f} "
      f"learner_mvn_ratio={lmvn / verify:.2f}")
EOF
exit $failed
