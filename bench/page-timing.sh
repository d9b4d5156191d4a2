#!/usr/bin/env bash
# How long the kit takes to write its pages (labs-report.html, gradebook.html), in a new JVM as at the end of a run:
# the first write (j2html's and the page's classes loaded) and the median of 20 more; labs-report.json's, to compare.
#
#   bench/page-timing.sh [REPORT_JSON] [FLEET_DIR]   (defaults: target/labs-report.json, target/fleet)
#
# Prints e.g. `labs-report.html bytes=139012 first_ms=60.2 median_ms=1.10`. Needs a build (./mvnw -o test-compile).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPORT=${1:-target/labs-report.json}
FLEET=${2:-target/fleet}
[[ -f $REPORT ]] || { echo "page-timing: no $REPORT (run ./mvnw test first)" >&2; exit 2; }
mkdir -p "$FLEET"
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/target/page-timing.classpath" >&2
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "target/classes:target/test-classes:$(cat target/page-timing.classpath)" \
  org.sysnerd.dockerlabs.html.PageTiming "$REPORT" "$FLEET"
