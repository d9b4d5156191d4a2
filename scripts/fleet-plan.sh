#!/usr/bin/env bash
# Plans the shards of a class: at most MAXJOBS jobs, each grading its slice of the class list in one JVM.
#
#   scripts/fleet-plan.sh CLASSLIST MAXJOBS     prints the shards as a JSON array, e.g. ["1/3","2/3","3/3"]
#                                               (min(MAXJOBS, VMs) of them; [] for a list of no VM); MAXJOBS is
#                                               1 to 256 (GitHub's matrix limit), anything else exits 2
#   scripts/fleet-plan.sh slice CLASSLIST I/N   prints the I-th slice's lines: the VMs whose place in the list
#                                               (counted from 0, comments and blank lines left out) is I-1 modulo N
#   scripts/fleet-plan.sh names CLASSLIST       prints the VMs' names on one line (for the merge of the gradebook)
#
# CLASSLIST: what scripts/grade-fleet.sh reads, `NAME DOCKER_HOST [SSH_TARGET]` a line, `#` starting a comment.
# Every VM is in exactly one slice; slices differ in size by one at most.
set -euo pipefail
die() { echo "fleet-plan: $*" >&2; exit 2; }
vms() { sed 's/[[:space:]]*#.*//' "$1" | awk 'NF'; }

case ${1:-} in
  slice)
    (($# == 3)) || die "usage: $0 slice CLASSLIST I/N"
    [[ $3 =~ ^([0-9]+)/([0-9]+)$ ]] || die "a shard is I/N, not $3"
    i=${BASH_REMATCH[1]} n=${BASH_REMATCH[2]}
    ((n >= 1 && i >= 1 && i <= n)) || die "shard $3: 1 <= I <= N"
    vms "$2" | awk -v i="$i" -v n="$n" '(NR - 1) % n == i - 1' ;;
  names)
    (($# == 2)) || die "usage: $0 names CLASSLIST"
    vms "$2" | awk '{ printf "%s%s", sep, $1; sep = " " } END { print "" }' ;;
  *)
    (($# == 2)) || die "usage: $0 CLASSLIST MAXJOBS | slice CLASSLIST I/N | names CLASSLIST"
    # GitHub makes at most 256 jobs of a matrix: a plan over it would fail the run only when the matrix is expanded.
    [[ $2 =~ ^[1-9][0-9]{0,2}$ ]] && (($2 <= 256)) || die "MAXJOBS: a whole number from 1 to 256 (GitHub's matrix limit), not '$2'"
    count=$(vms "$1" | wc -l)
    n=$((count < $2 ? count : $2))
    awk -v n="$n" 'BEGIN { printf "["; for (i = 1; i <= n; i++) printf "%s\"%d/%d\"", (i > 1 ? "," : ""), i, n; print "]" }' ;;
esac
