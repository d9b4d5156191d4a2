# Sourced by ./mvnw (POSIX sh) just before it starts Maven: class-data sharing (CDS) for Maven's JVM, in which the
# labs run (forkCount 0). The classes a run loads (Maven's, JUnit's, Testcontainers', docker-java's, the kit's: about
# 9,000) are then mapped from an archive made by an earlier run, instead of being read, parsed and linked again in
# every run. On this project's 2-core machine, under JDK 17 (issue 20): the labs' own time 1.70-1.85 s without it,
# 1.60-1.72 s with it, and Maven's start 0.07 s less; every class the JVM finds changed since (the kit's, after a
# build) is loaded as usual, so an archive never decides what runs.
#
# The first run without an archive writes one as the JVM exits (-XX:ArchiveClassesAtExit: about 2 s more, once; also
# when that run is interrupted), the runs after it use it (-XX:SharedArchiveFile). One archive per user, project, JDK
# build, Maven, pom.xml and JVM options, in ~/.cache/docker-labs/cds (40-60 MB; a new one replaces the older ones of
# that user, project and JDK).
# An archive is given to the JVM only once a JVM has mapped it whole (-Xshare:on, 0.06 s, once): JDK 17 turns all
# sharing off for a run whose archive does not fit, and dies of SIGBUS in its first 0.01 s on a truncated one (tried
# here with a copy cut short, as a full disk or a run killed while writing would leave it). A run writing one is left
# to finish it alone. LABS_CDS=0 turns it all off (also for a JVM other than HotSpot's, where it is untried).

labs_cds() {
  [ "${LABS_CDS:-1}" != 0 ] && [ -n "${HOME-}" ] || return 0
  labs_cds_java=${JAVA_HOME:+$JAVA_HOME/bin/java}
  labs_cds_java=$(readlink -f "${labs_cds_java:-$(command -v java)}" 2>/dev/null) || return 0
  labs_cds_jvm=${labs_cds_java%/bin/java}/lib/server/libjvm.so
  # the class path Maven's script starts the JVM with, which an archive records
  labs_cds_classpath=$(echo "$MAVEN_HOME"/boot/plexus-classworlds-*.jar)
  [ -f "$labs_cds_jvm" ] && [ -f "$labs_cds_classpath" ] || return 0
  labs_cds_dir=${XDG_CACHE_HOME:-$HOME/.cache}/docker-labs/cds
  mkdir -p "$labs_cds_dir" 2>/dev/null && [ -w "$labs_cds_dir" ] || return 0
  labs_cds_project=$(cd "${0%/*}" && pwd -P) || return 0
  # named for the user, project and JDK build, then for what changes with the project: Maven, the pom, the JVM's
  # options (an archive made under other options, e.g. bytecode verification on, is refused, and all sharing with it)
  labs_cds_project=$( { id -u; printf '%s\n' "$labs_cds_project"; ls -lL "$labs_cds_jvm"; } | cksum | cut -d' ' -f1)
  labs_cds_build=$( { printf '%s\n' "$MAVEN_HOME" "${MAVEN_OPTS-}" "${JAVA_TOOL_OPTIONS-}" "${JDK_JAVA_OPTIONS-}"
    cat "${0%/*}/pom.xml" "${0%/*}/.mvn/jvm.config"; } 2>/dev/null | cksum | cut -d' ' -f1)
  labs_cds_archive=$labs_cds_dir/$labs_cds_project-$labs_cds_build.jsa
  if [ -f "$labs_cds_archive.writer" ]; then
    # a run is writing one, or was: once its JVM is gone, what it wrote is tried below
    kill -0 "$(cat "$labs_cds_archive.writer" 2>/dev/null)" 2>/dev/null && return 0
    rm -f "$labs_cds_archive.writer"
  fi
  if [ -f "$labs_cds_archive.new" ]; then
    # the subshell reports a JVM's death by a signal to its own stderr, which is dropped
    if ( "$labs_cds_java" -XX:SharedArchiveFile="$labs_cds_archive.new" -Xshare:on -XX:ErrorFile=/dev/null \
        -cp "$labs_cds_classpath" -version >/dev/null 2>&1; exit $? ) 2>/dev/null; then
      for labs_cds_old in "$labs_cds_dir/$labs_cds_project"-*.jsa; do
        rm -f "$labs_cds_old"
      done
      mv -f "$labs_cds_archive.new" "$labs_cds_archive"
    else
      rm -f "$labs_cds_archive.new"
    fi
  fi
  if [ -f "$labs_cds_archive" ]; then
    MAVEN_OPTS="-XX:SharedArchiveFile=$labs_cds_archive -Xlog:cds=off -Xlog:cds+dynamic=off ${MAVEN_OPTS-}"
  elif (set -C; printf '%s\n' "$$" >"$labs_cds_archive.writer") 2>/dev/null; then
    # this run writes it ($$ is the JVM's PID: mvnw and Maven's script exec it)
    MAVEN_OPTS="-XX:ArchiveClassesAtExit=$labs_cds_archive.new -Xlog:cds=off -Xlog:cds+dynamic=off ${MAVEN_OPTS-}"
  fi
  export MAVEN_OPTS
}
# mvnw may have turned globbing off (set -f); the function needs it
labs_cds_flags=$-
set +f
labs_cds
case $labs_cds_flags in *f*) set -f ;; esac
