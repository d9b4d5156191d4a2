#!/usr/bin/env bash
# The watch: a live board of the learner mode, every lab checked again on each Docker event and every 2 s, only
# looking at your containers as ./mvnw test does (docs/watch.md). Ctrl-C ends it.
#
#   scripts/watch.sh [-Dlabs.watch.every=2] [-Dlabs.watch.for=SECONDS] [-Dlabs.watch.timings=FILE]
#
# It compiles the labs, asks Maven once for the test classpath, then runs the watch in a JVM of its own (not Maven's:
# Ctrl-C reaches it directly, and nothing of Maven stays in memory while it watches). Env: MAVEN_ARGS as for ./mvnw
# (e.g. -o), DOCKER_HOST, NO_COLOR (plain lines, as when the output is not a terminal), LABS_BUILD_DIR (where it
# compiles, default target: a benchmark beside a Maven run in the same checkout gives one of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${LABS_BUILD_DIR:-target}
mkdir -p "$build/watch"
# 3.7.0: the maven-dependency-plugin a filled ~/.m2 resolves offline (3.9.0 needs more than the build has fetched).
./mvnw -q -Dlabs.build.dir="$build" test-compile org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
  -Dmdep.outputFile="$build/watch/classpath.txt" -Dmdep.includeScope=test
# As Maven's own JVM runs the labs (.mvn/jvm.config): C1 only and the serial GC, quick to start and small.
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
  -cp "$build/test-classes:$build/classes:$(cat "$build/watch/classpath.txt")" "$@" org.sysnerd.dockerlabs.watch.Watch
