# The JVM that runs `xingcun ingest` (and the bench's Spark children), sourced by the launcher ./xingcun.
#
# Why: most of a small ingest's time, and a sixth of a province's, is the JVM warming up — loading and linking
# Spark's classes from 180 jars and profiling its code before the JIT compiles it. JDK 25 can keep that work in an
# ahead-of-time cache made once (JEP 483, 514, 515). Measured on this 2-core machine (2026-11-29, with the cache
# then trained on the sample): the county inbox 45.8 s on JDK 25 without the cache, 32.8 s with it (47 s on JDK 17);
# the province inbox 137 s and 120 s (156–162 s on JDK 17); the training below took a tenth more off the province.
# The commands that draw charts stay on the java on PATH: GraalJS 23.1 does not run on JDK 22 or later.
#
# Which java: $XINGCUN_SPARK_JAVA if set (a path to a java binary; `java` means the one on PATH), else a JDK 25
# under /usr/lib/jvm (the version this was tested with; a later one only when named), else the java on PATH as for
# every other command. The cache is made from a training ingest (see spark_jvm_training_inbox) the first time it is
# needed after each build (about 2½ minutes, said in one line); XINGCUN_AOT=off runs without it.

# The java binary for Spark commands; a JDK other than 25 is used as it is, without a cache.
spark_jvm_java() {
  if [ -n "${XINGCUN_SPARK_JAVA:-}" ]; then
    echo "$XINGCUN_SPARK_JAVA"
    return
  fi
  local release
  for release in /usr/lib/jvm/*/release; do
    if [ "$(spark_jvm_release_major "$release")" = 25 ] && [ -x "${release%/release}/bin/java" ]; then
      echo "${release%/release}/bin/java"
      return
    fi
  done
  echo java
}

# The feature version (17, 25 …) a JDK's release file names; 0 when there is none.
spark_jvm_release_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1" 2>/dev/null | grep . || echo 0
}

# The release file of the JDK a java binary belongs to (it may not exist).
spark_jvm_release() {
  local binary
  binary="$(command -v "$1" 2>/dev/null || true)"
  echo "$(dirname "$(dirname "$(readlink -f "${binary:-/nonexistent/bin/java}")")")/release"
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

# True when the file $1 exists and is newer than every jar on the classpath (a rebuild makes it stale).
spark_jvm_newer_than_jars() {
  local file="$1" entry entries
  [ -f "$file" ] || return 1
  IFS=: read -r -a entries <<< "$jar:$(cat "$classpath_file")"
  for entry in "${entries[@]}"; do
    [ "$file" -nt "$entry" ] || return 1
  done
}

# What the cache learns from (the cache's name holds these arguments; a rebuilt jar makes the cache stale anyway, so
# a change of the steps below comes with a new cache too). Besides the classes, JDK 25 keeps the training run's
# method profiles (JEP 515), so that the JIT compiles hot code at once and for the types it will meet. The shipped
# sample alone (1,900 rows) makes almost nothing hot; a generated inbox of province shape at a tenth of its size
# (435,000 rows of every family and file kind, written in ≈ 8 s) does. The sample's files are added, so that what
# hand-made ledgers exercise (GBK text, hand-typed dates, a bad row for most rules) is in the cache too. Measured on the
# province inbox (2026-11-29, alternating with a cache made from the sample alone): 111.5 / 106.0 s against 121.9 /
# 119.8 s, 188–199 s of CPU against 209–214 s, C2 compiling 56–60 s against 73–75 s (README: "What the cache learns
# from").
SPARK_JVM_TRAINING=(generate --profile province --talents 1000 --seed 1)

# Writes the training inbox into the folder named last, with the JVM named before it (java, then options).
spark_jvm_training_inbox() {
  local folder="${*: -1}" family
  "${@:1:$#-1}" -cp "$jar:$(cat "$classpath_file")" xingcun.cli.Main "${SPARK_JVM_TRAINING[@]}" --out "$folder" || return $?
  for family in "$home"/samples/xishan-2021/*/; do
    [ -d "$family" ] || continue # no sample (an installation without it): the generated inbox alone
    mkdir -p "$folder/$(basename "$family")" && cp -R "$family". "$folder/$(basename "$family")/" || return $?
  done
}

# Makes the cache $1 with the JVM that follows (java, then options): records an ingest of the training inbox, then
# writes the cache from that record, in a folder beside it and renamed into place. One launcher makes it at a time
# (flock: a killed one leaves no lock behind); the others run without it. A failure is said in one line, leaves the
# JVM's log in cli/target/aot/training.log and is not tried again until the next build. Returns the training's
# status when it was interrupted (130, 143), so that the launcher stops.
spark_jvm_make_cache() {
  local cache="$1" folder status
  shift
  folder="$(dirname "$cache")"
  mkdir -p "$folder" 2>/dev/null || return 1
  (
    flock -n 9 || exit 75 # another launcher is making it
    work="$(mktemp -d "$folder/.work.XXXXXX")" || exit 1
    trap 'rm -rf "$work"' EXIT
    echo "xingcun: making the start-up cache for ingest on JDK 25 (once per build: a training ingest of 437,000 rows, about 2½ minutes) …" >&2
    spark_jvm_training_inbox "$@" "$work/inbox" >"$folder/training.log" 2>&1 || exit $?
    "$@" -XX:AOTMode=record -XX:AOTConfiguration="$work/ingest.aotconf" -cp "$jar:$(cat "$classpath_file")" xingcun.cli.Main \
        ingest --inbox "$work/inbox" --lake "$work/lake" >>"$folder/training.log" 2>&1 || exit $?
    "$@" -XX:AOTMode=create -XX:AOTConfiguration="$work/ingest.aotconf" -XX:AOTCache="$work/ingest.aot" \
        -cp "$jar:$(cat "$classpath_file")" >>"$folder/training.log" 2>&1 || exit $?
    rm -f "$folder"/ingest-*.aot "$folder"/failed-*
    mv "$work/ingest.aot" "$cache"
  ) 9>"$folder/.lock"
  status=$?
  case "$status" in
    0|75) ;;
    130|143) return "$status" ;;
    *) touch "$folder/failed-$(basename "$cache" .aot)"
       echo "xingcun: could not make the start-up cache (see $folder/training.log); ingest runs without it until the next build" >&2 ;;
  esac
  return 0
}

# Sets spark_jvm: the java binary, then its options, for an ingest with the arguments given (without -cp and the
# main class). On JDK 25 it drops Java 17's --add-opens of a package JDK 25 no longer has, allows Spark's native
# libraries and its use of sun.misc.Unsafe (each printed a warning on every run otherwise), and adds the cache,
# made if missing (its path: spark_jvm_cache). The cache's name is a checksum of the JDK's release file, of these
# options, of the training and of the class path: another JDK build, heap, collector or class path is given a cache
# made for it (the JVM maps a cache only for what it was made with, and says nothing when it cannot: a build of one
# module, whose class path names the others' jars in ~/.m2, left the whole build's cache unused and an ingest 30 %
# slower). Only the newest cache is kept. It is not made under JAVA_OPTS (a debugger's or recorder's options would run the training too),
# nor for --help. An ingest on a cluster runs on the java on PATH, like its workers, unless XINGCUN_SPARK_JAVA
# names one.
spark_jvm_for_ingest() {
  local java release options option argument make=yes
  java="$(spark_jvm_java)"
  if [ -z "${XINGCUN_SPARK_JAVA:-}" ] && spark_jvm_cluster_master "$@"; then
    java=java
  fi
  release="$(spark_jvm_release "$java")"
  options="$(awk '!/^#/ && $1 == "ingest" { $1 = ""; print }' "$command_options_file")"
  # shellcheck disable=SC2206
  spark_jvm=("$java" $heap $collector $options ${JAVA_OPTS:-})
  if [ "$(spark_jvm_release_major "$release")" -ne 25 ]; then
    # shellcheck disable=SC2207
    spark_jvm+=($(cat "$jvm_options_file"))
  else
    for option in $(cat "$jvm_options_file"); do
      [ "$option" = "--add-opens=java.base/sun.security.action=ALL-UNNAMED" ] || spark_jvm+=("$option")
    done
    spark_jvm+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
    spark_jvm_cache="$home/cli/target/aot/ingest-$({ cat "$release"; printf '%s\n' "${spark_jvm[@]:1}" "${SPARK_JVM_TRAINING[@]}" "$jar:$(cat "$classpath_file")"; } | cksum | cut -d' ' -f1).aot"
    for argument in "$@"; do
      case "$argument" in --help|-h) make=no ;; esac
    done
    [ -z "${JAVA_OPTS:-}" ] || make=no
    if [ "${XINGCUN_AOT:-on}" != off ]; then
      if [ "$make" = yes ] && ! spark_jvm_newer_than_jars "$spark_jvm_cache" \
          && ! spark_jvm_newer_than_jars "$(dirname "$spark_jvm_cache")/failed-$(basename "$spark_jvm_cache" .aot)"; then
        spark_jvm_make_cache "$spark_jvm_cache" "${spark_jvm[@]}" -Dxingcun.home="$home" -Dxingcun.log.level=error || exit $?
      fi
      # a cache the JVM cannot map anyway is skipped: its warnings say nothing a user could act on
      if spark_jvm_newer_than_jars "$spark_jvm_cache"; then
        spark_jvm+=(-XX:AOTCache="$spark_jvm_cache" "-Xlog:aot*=off,cds*=off")
      fi
    fi
  fi
  spark_jvm+=(-Dxingcun.home="$home" -Dxingcun.log.level="$level")
}
