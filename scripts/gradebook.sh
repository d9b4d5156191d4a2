#!/usr/bin/env bash
# Writes the gradebook (target/gradebook.csv: points, to import into an LMS as docs/grading.md says; gradebook-status.csv,
# .md, .json, .html; the Markdown also to $GITHUB_STEP_SUMMARY) from the fleet's reports, FLEET_DIR/<vm>/labs-report.json.
# Prints the Markdown; exits 0 when every VM passed every lab.
#
#   scripts/gradebook.sh FLEET_DIR [VM...]      (every subdirectory of FLEET_DIR when no VM is named)
#
# Env: FLEET_OFFLINE (-o; empty for online Maven) for the one build it may need.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
(($# >= 1)) || { echo "usage: $0 FLEET_DIR [VM...]" >&2; exit 2; }
OFFLINE=${FLEET_OFFLINE--o}
if [[ ! -f target/gradebook.classpath || pom.xml -nt target/gradebook.classpath \
      || ! -f target/classes/org/sysnerd/dockerlabs/gradebook/GradebookMain.class ]]; then
  ./mvnw $OFFLINE -q compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/gradebook.classpath" \
    -Dmdep.includeScope=runtime >&2
fi
# UTF-8 out whatever the locale (CI's is none: its table printed "Docker 26.1 ? overlay2" for the files' "·"), as
# .mvn/jvm.config does for the labs (Java 17 reads sun.stdout.encoding and file.encoding, 19 and later stdout.encoding).
exec java -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -cp "target/classes:$(cat target/gradebook.classpath)" \
  org.sysnerd.dockerlabs.gradebook.GradebookMain \
  "$1" target/gradebook "${@:2}"
