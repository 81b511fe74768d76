#!/usr/bin/env bash
# A Spark standalone cluster on 127.0.0.1, one master and one or two workers, run from the project's own Maven
# jars (no Spark download): for trying `xingcun ingest --master spark://…` on this machine, and for the cluster tests.
#
#   scripts/spark-standalone.sh start [--workers N]   starts the master and N workers (default 2), waits until every
#                                                     worker has registered, prints the master URL on stdout
#   scripts/spark-standalone.sh status                one line per process; exit 0 all running, 1 some, 3 none
#   scripts/spark-standalone.sh stop                  stops exactly what start started, and the executors its workers launched
#
# Settings (environment):
#   XINGCUN_SPARK_STATE      state folder: pids, logs, the master URL, the workers' folders (default target/spark-standalone)
#   SPARK_MASTER_PORT        master port (default 7077; 0 picks a free port)
#   SPARK_MASTER_WEBUI_PORT  master web UI port (default 8080; 0 picks a free port)
#   SPARK_WORKER_WEBUI_PORT  first worker's web UI port, the next one's is one more (default 8081; 0 picks free ports)
#   SPARK_WORKER_CORES       cores each worker offers (default 1)
#   SPARK_WORKER_MEMORY      memory each worker offers its executors (default 1g)
#   SPARK_DAEMON_MEMORY      heap of the master and worker JVMs (Spark's default: 1g)
#
# What a worker needs when Spark is not installed: Spark's launcher builds each executor's command from SPARK_HOME
# (whose jars/ may be empty), SPARK_SCALA_VERSION and SPARK_DIST_CLASSPATH, which holds the jars Maven resolved.
# The workers get Spark's jars only: the application's own jars reach executors the way they do on any cluster,
# shipped by the driver.
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
state="${XINGCUN_SPARK_STATE:-$home/target/spark-standalone}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Every daemon carries this on its command line, so status and stop recognise exactly the processes of this state
# folder, even after a pid was reused.
mark="-Dxingcun.standalone.state=$state"

say() { echo "spark-standalone: $*" >&2; }
fail() { say "$*"; exit 1; }

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Spark's jars as Maven resolved them for this project, cached until a pom changes.
spark_classpath() {
  local pom="$home/scripts/spark-runtime/pom.xml" file="$home/scripts/spark-runtime/target/spark-classpath.txt"
  if [ ! -s "$file" ] || [ "$home/pom.xml" -nt "$file" ] || [ "$pom" -nt "$file" ]; then
    mkdir -p "$(dirname "$file")"
    local partial="$file.$$"
    local build=(mvn -q -B -ntp -f "$pom" dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$partial")
    # offline first: the project's build has already fetched Spark; online only if it has not
    if ! "${build[@]}" -o >"$state/maven.log" 2>&1 && ! "${build[@]}" >"$state/maven.log" 2>&1; then
      rm -f "$partial"
      fail "cannot resolve Spark's jars with Maven; see $state/maven.log"
    fi
    mv "$partial" "$file"
  fi
  cat "$file"
}

# pid_of ROLE: the pid recorded for a role, if that process is still one of ours.
pid_of() {
  local file="$state/pids/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [ -r "/proc/$pid/cmdline" ] && grep -qzxF -- "$mark" "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

roles() {
  [ -d "$state/pids" ] || return 0
  local file
  for file in "$state/pids"/master.pid "$state/pids"/worker-*.pid; do
    [ -f "$file" ] && basename "$file" .pid
  done
  return 0
}

# launch ROLE CLASS ARGS…: runs a Spark daemon the way bin/spark-class does (Spark's launcher prints the java command,
# with the JVM options Spark needs on Java 17), in a session of its own so it outlives this script.
launch() {
  local role="$1"; shift
  local command=() argument first=true status
  while IFS= read -r -d '' argument; do
    if $first; then first=false; continue; fi   # the launcher starts its output with an empty marker
    command+=("${argument#$'\n'}")
  done < <("$java" -Xmx128m -cp "$SPARK_DIST_CLASSPATH" org.apache.spark.launcher.Main "$@"; printf '%d\0' $?)
  status="${command[${#command[@]}-1]}"
  unset 'command[${#command[@]}-1]'
  [ "$status" = 0 ] && [ "${#command[@]}" -gt 0 ] || fail "Spark's launcher failed for $role (exit $status)"
  setsid "${command[@]}" </dev/null >"$state/logs/$role.log" 2>&1 &
  echo $! >"$state/pids/$role.pid"
}

# await_log ROLE PATTERN SECONDS: waits until the role's log has a line matching PATTERN; fails if the process dies.
await_log() {
  local role="$1" pattern="$2" seconds="$3" waited=0
  until grep -qE "$pattern" "$state/logs/$role.log" 2>/dev/null; do
    if ! pid_of "$role" >/dev/null; then
      tail -n 20 "$state/logs/$role.log" >&2 || true
      fail "$role exited while starting; its log is $state/logs/$role.log"
    fi
    if [ "$waited" -ge $((seconds * 5)) ]; then
      fail "$role did not start within $seconds s; its log is $state/logs/$role.log"
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

start() {
  local workers=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --workers) [ $# -ge 2 ] || usage; workers="$2"; shift 2 ;;
      *) usage ;;
    esac
  done
  [[ "$workers" =~ ^[12]$ ]] || fail "--workers takes 1 or 2 (this machine has $(nproc) cores)"
  if [ -n "$(running_roles)" ]; then
    say "already running; stop it first (scripts/spark-standalone.sh stop)"
    cat "$state/master-url"
    return 0
  fi
  rm -rf "$state/pids" "$state/logs" "$state/master-url" "$state"/work-* "$state/local"
  mkdir -p "$state/pids" "$state/logs" "$state/spark-home/jars" "$state/local"

  export SPARK_DIST_CLASSPATH; SPARK_DIST_CLASSPATH="$(spark_classpath)"
  export SPARK_HOME="$state/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$state/local"
  export SPARK_DAEMON_JAVA_OPTS="\"$mark\" ${SPARK_DAEMON_JAVA_OPTS:-}"
  # the REST submission server would take the fixed port 6066: not needed, and a second cluster could not start
  export SPARK_MASTER_OPTS="-Dspark.master.rest.enabled=false ${SPARK_MASTER_OPTS:-}"

  # from here on, a start that fails leaves nothing running
  trap 'stop >/dev/null 2>&1 || true' EXIT
  launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 \
    --port "${SPARK_MASTER_PORT:-7077}" --webui-port "${SPARK_MASTER_WEBUI_PORT:-8080}"
  await_log master 'Starting Spark master at spark://' 60
  local url
  url="$(grep -oE 'spark://[0-9.]+:[0-9]+' "$state/logs/master.log" | head -n 1)"
  echo "$url" >"$state/master-url"

  local i ui="${SPARK_WORKER_WEBUI_PORT:-8081}"
  for i in $(seq 1 "$workers"); do
    launch "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
      --cores "${SPARK_WORKER_CORES:-1}" --memory "${SPARK_WORKER_MEMORY:-1g}" \
      --webui-port "$([ "$ui" = 0 ] && echo 0 || echo $((ui + i - 1)))" --work-dir "$state/work-$i" "$url"
  done
  for i in $(seq 1 "$workers"); do
    await_log "worker-$i" 'Successfully registered with master' 90
  done
  trap - EXIT
  say "master $url and $workers worker(s) running; logs in $state/logs"
  echo "$url"
}

running_roles() {
  local role
  for role in $(roles); do
    pid_of "$role" >/dev/null && echo "$role"
  done
  return 0
}

# Executors are started by the workers, in folders under the workers' work folders: that is how we know them.
executor_pids() {
  local proc cwd
  for proc in /proc/[0-9]*; do
    cwd="$(readlink "$proc/cwd" 2>/dev/null)" || continue
    case "$cwd" in "$state"/work-*/*) echo "${proc#/proc/}" ;; esac
  done
  return 0
}

# terminate PID…: SIGTERM, up to 30 s for a clean exit (a worker stops its executors), then SIGKILL.
terminate() {
  local pid waited=0
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  while [ "$waited" -lt 150 ]; do
    local alive=()
    for pid in "$@"; do [ -e "/proc/$pid" ] && alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && return 0
    sleep 0.2
    waited=$((waited + 1))
  done
  say "killing ${alive[*]} after 30 s"
  kill -KILL "${alive[@]}" 2>/dev/null || true
}

stop() {
  local role pid workers=() stopped=()
  for role in $(roles); do
    [ "$role" = master ] && continue
    if pid="$(pid_of "$role")"; then workers+=("$pid"); stopped+=("$role ($pid)"); else say "$role was not running"; fi
  done
  terminate "${workers[@]+"${workers[@]}"}"
  # executors whose worker was killed exit on their own once they notice; any still here are stopped too
  local executors
  mapfile -t executors < <(executor_pids)
  [ ${#executors[@]} -gt 0 ] && stopped+=("executor(s) ${executors[*]}")
  terminate "${executors[@]+"${executors[@]}"}"
  if pid="$(pid_of master)"; then terminate "$pid"; stopped+=("master ($pid)"); elif [ -f "$state/pids/master.pid" ]; then say "master was not running"; fi
  rm -rf "$state/pids" "$state/master-url"
  if [ ${#stopped[@]} -eq 0 ]; then say "nothing was running"; else say "stopped ${stopped[*]}"; fi
}

status() {
  local role pid total=0 running=0
  for role in $(roles); do
    total=$((total + 1))
    if pid="$(pid_of "$role")"; then
      running=$((running + 1))
      echo "$role pid $pid running$([ "$role" = master ] && echo " $(cat "$state/master-url" 2>/dev/null)") log $state/logs/$role.log"
    else
      echo "$role not running (log $state/logs/$role.log)"
    fi
  done
  [ "$total" -eq 0 ] && echo "no cluster started from $state"
  [ "$running" -eq 0 ] && return 3
  [ "$running" -lt "$total" ] && return 1
  return 0
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) [ $# -eq 1 ] || usage; stop ;;
  status) [ $# -eq 1 ] || usage; status ;;
  *) usage ;;
esac
