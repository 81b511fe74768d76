# The JVM that runs `xingcun ingest` (and the bench's Spark children), sourced by the launcher ./xingcun.
#
# Why: most of a small ingest's time, and a sixth of a province's, is the JVM warming up — loading and linking
# Spark's classes from 180 jars and profiling its code before the JIT compiles it. JDK 25 can keep that work in an
# ahead-of-time cache made once (JEP 483, 514, 515). Measured on this 2-core machine (2026-11-29): the county
# inbox 45.8 s on JDK 25 without the cache, 32.8 s with it (47 s on JDK 17); the province inbox 137 s and 120 s
# (156–162 s on JDK 17). The commands that draw charts stay on the default java: GraalJS 23.1 does not run on
# JDK 22 or later.
#
# Which java: $XINGCUN_SPARK_JAVA if set (a path to a java binary; `java` means the one on PATH), else the newest
# JDK 25 or later under /usr/lib/jvm, else the java on PATH as for every other command. The cache is made from an
# ingest of the shipped sample the first time it is needed after each build (about two minutes, said in one line);
# XINGCUN_AOT=off runs without it.

# The java binary for Spark commands; a JDK older than 25 is used as it is, without a cache.
spark_jvm_java() {
  if [ -n "${XINGCUN_SPARK_JAVA:-}" ]; then
    echo "$XINGCUN_SPARK_JAVA"
    return
  fi
  local best="" best_major=0 release major
  for release in /usr/lib/jvm/*/release; do
    [ -f "$release" ] || continue
    major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    if [ "${major:-0}" -ge 25 ] && [ "$major" -gt "$best_major" ] && [ -x "${release%/release}/bin/java" ]; then
      best="${release%/release}/bin/java" best_major="$major"
    fi
  done
  echo "${best:-java}"
}

# The feature version of a java binary (17, 25 …), from its JDK's release file; 0 when unknown.
spark_jvm_major() {
  local binary release
  binary="$(command -v "$1" 2>/dev/null || true)"
  [ -n "$binary" ] || { echo 0; return; }
  release="$(dirname "$(dirname "$(readlink -f "$binary")")")/release"
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" 2>/dev/null | grep . || echo 0
}

# True when the cache $1 is newer than the java binary $2 and every jar on the classpath (a rebuild makes it stale).
spark_jvm_cache_fresh() {
  local cache="$1" entry
  [ -f "$cache" ] && [ "$cache" -nt "$(readlink -f "$(command -v "$2")")" ] || return 1
  IFS=: read -r -a entries <<< "$jar:$(cat "$classpath_file")"
  for entry in "${entries[@]}"; do
    [ "$cache" -nt "$entry" ] || return 1
  done
}

# Makes the cache $1 for java $2 with the JVM options that follow: records an ingest of the shipped sample, then
# writes the cache from that record. Another launcher already making one, or a failure, leaves the run without a
# cache (said in one line); the JVM's log of it stays in cli/target/aot/training.log.
spark_jvm_make_cache() {
  local cache="$1" java="$2" folder work
  shift 2
  folder="$(dirname "$cache")"
  mkdir -p "$folder"
  mkdir "$folder/.making" 2>/dev/null || return 1
  work="$(mktemp -d)"
  echo "xingcun: making the start-up cache for ingest on JDK $(spark_jvm_major "$java") (once per build: an ingest of the sample, about two minutes) …" >&2
  if "$java" "$@" -XX:AOTMode=record -XX:AOTConfiguration="$work/ingest.aotconf" -cp "$jar:$(cat "$classpath_file")" xingcun.cli.Main \
        ingest --inbox "$home/samples/xishan-2021" --lake "$work/lake" >"$folder/training.log" 2>&1 \
     && "$java" "$@" -XX:AOTMode=create -XX:AOTConfiguration="$work/ingest.aotconf" -XX:AOTCache="$work/ingest.aot" \
        -cp "$jar:$(cat "$classpath_file")" >>"$folder/training.log" 2>&1; then
    rm -f "$folder"/ingest-*.aot
    mv "$work/ingest.aot" "$cache"
  else
    echo "xingcun: could not make the start-up cache (see $folder/training.log); ingest runs without it" >&2
  fi
  rm -rf "$work"
  rmdir "$folder/.making"
}

# True when the command's arguments name a master other than local[…]: a cluster's executors run the java of their
# workers, and a driver on another JDK than its executors is not a combination Spark promises to support.
spark_jvm_cluster_master() {
  local previous="" argument
  for argument in "$@"; do
    case "$previous:$argument" in
      --master:local*|*:--master=local*) ;;
      --master:*|*:--master=*) return 0 ;;
    esac
    previous="$argument"
  done
  return 1
}

# Sets spark_jvm: the java binary, then its options, for an ingest with the arguments given (without -cp and the
# main class). On JDK 25 or later it drops Java 17's --add-opens of a package JDK 25 no longer has, allows Spark's
# native libraries and its use of sun.misc.Unsafe (each printed a warning on every run otherwise), and adds the
# cache, made if missing. An ingest on a cluster runs on the java on PATH, like its workers, unless
# XINGCUN_SPARK_JAVA names one.
spark_jvm_for_ingest() {
  local java major cache option
  java="$(spark_jvm_java)"
  if [ -z "${XINGCUN_SPARK_JAVA:-}" ] && spark_jvm_cluster_master "$@"; then
    java=java
  fi
  major="$(spark_jvm_major "$java")"
  spark_jvm=("$java" $heap $collector $command_options ${JAVA_OPTS:-})
  if [ "$major" -lt 25 ]; then
    # shellcheck disable=SC2207
    spark_jvm+=($(cat "$jvm_options_file"))
  else
    for option in $(cat "$jvm_options_file"); do
      [ "$option" = "--add-opens=java.base/sun.security.action=ALL-UNNAMED" ] || spark_jvm+=("$option")
    done
    spark_jvm+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
    cache="$home/cli/target/aot/ingest-jdk$major-$(basename "$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")").aot"
    if [ "${XINGCUN_AOT:-on}" != off ]; then
      spark_jvm_cache_fresh "$cache" "$java" || spark_jvm_make_cache "$cache" "${spark_jvm[@]}" -Dxingcun.home="$home" -Dxingcun.log.level=error || true
      # a cache the JVM cannot map (another JDK build, other flags) is skipped: its warnings say nothing to act on
      spark_jvm_cache_fresh "$cache" "$java" && spark_jvm+=(-XX:AOTCache="$cache" "-Xlog:aot*=off,cds*=off")
    fi
  fi
  spark_jvm+=(-Dxingcun.home="$home" -Dxingcun.log.level="$level")
}
