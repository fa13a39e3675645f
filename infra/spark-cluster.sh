#!/usr/bin/env bash
# Spark standalone cluster (one Master, one Worker) on loopback, from the Spark jars in ~/.m2, and
# spark-submit of the job jar to it.
# Usage: infra/spark-cluster.sh start|stop|status|master-url|assemble|submit [-Dnaap.k=v ...] [--] MAIN-ARGS...
set -euo pipefail

# shellcheck disable=SC2034 # read by lib.sh
NAAP_LOG_TAG=spark
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# --- settings (environment) ----------------------------------------------------------
# Ports: empty = the first free ones from lib.sh's free_port range, chosen at start and recorded.
NAAP_SPARK_MASTER_PORT="${NAAP_SPARK_MASTER_PORT:-}"
NAAP_SPARK_MASTER_WEBUI_PORT="${NAAP_SPARK_MASTER_WEBUI_PORT:-}"
NAAP_SPARK_WORKER_WEBUI_PORT="${NAAP_SPARK_WORKER_WEBUI_PORT:-}"
NAAP_SPARK_WORKER_CORES="${NAAP_SPARK_WORKER_CORES:-2}"
NAAP_SPARK_WORKER_MEMORY="${NAAP_SPARK_WORKER_MEMORY:-2g}"
NAAP_SPARK_EXECUTOR_MEMORY="${NAAP_SPARK_EXECUTOR_MEMORY:-1536m}"
NAAP_SPARK_DRIVER_MEMORY="${NAAP_SPARK_DRIVER_MEMORY:-1536m}"
NAAP_SPARK_DAEMON_HEAP="${NAAP_SPARK_DAEMON_HEAP:-256m}"
NAAP_SPARK_START_TIMEOUT="${NAAP_SPARK_START_TIMEOUT:-180}"
# What is submitted: the job jar and batch-jobs' runtime classpath (written by its Maven build).
NAAP_SPARK_JOB_JAR="${NAAP_SPARK_JOB_JAR:-}"
NAAP_SPARK_APP_CLASSPATH="${NAAP_SPARK_APP_CLASSPATH:-$REPO/batch-jobs/target/launcher/classpath.txt}"

SPARK_POM="$NAAP_INFRA_DIR/spark/pom.xml"
SPARK_STATE="$NAAP_RUN_DIR/spark"
SPARK_WORK_DIR="$SPARK_STATE/work"
SPARK_LOCAL_DIR="$SPARK_STATE/tmp"
SPARK_APP_JAR_DIR="$SPARK_STATE/app-jars"
SPARK_PORTS_FILE="$SPARK_STATE/ports.env"
MASTER_PID_FILE="$SPARK_STATE/master.pid"
WORKER_PID_FILE="$SPARK_STATE/worker.pid"
MASTER_LOG="$NAAP_LOG_DIR/spark-master.log"
WORKER_LOG="$NAAP_LOG_DIR/spark-worker.log"
# Our daemons' command lines carry this property: it identifies *this* run dir's cluster.
SPARK_MARKER="-Dnaap-spark-cluster=$SPARK_STATE"
JOB_FLAGS_FILE="$REPO/batch-jobs/target/launcher/jvm-flags.txt"

usage() {
  cat >&2 <<EOF
Usage: $0 <command>
  assemble            build the Spark home (jars/ = Spark's runtime closure, linked from ~/.m2) under
                      \$NAAP_CACHE_DIR/spark-home-*; no-op when it exists
  start               assemble, start a Master and one Worker (${NAAP_SPARK_WORKER_CORES} cores,
                      ${NAAP_SPARK_WORKER_MEMORY}) on 127.0.0.1; waits until the worker is registered
  stop                stop worker and master; idempotent
  status              running/stopped, pids, master URL, web UI
  master-url          print spark://127.0.0.1:PORT of the running master
  submit [-Dnaap.key=value ...] [--] MAIN-ARGS...
                      spark-submit io.naaplake.jobs.Main MAIN-ARGS (e.g. run --run-time T) to the
                      running master (or to NAAP_CLUSTER_MASTER if set); naap.* settings come from
                      the -D options and the NAAP_* environment, naap.spark.master is forced empty
Logs: $MASTER_LOG, $WORKER_LOG; executors' stdout/stderr: $SPARK_WORK_DIR/<app-id>/<executor-id>/
EOF
}

# --- the Spark home ------------------------------------------------------------------
# Spark = every artifact of spark-sql_2.13's runtime closure (infra/spark/pom.xml); the jar of each
# is taken from batch-jobs' own classpath, so driver, executors and the embedded runs use the same
# versions. The rest of that classpath is the application (submit_app_jars).
app_classpath_entries() {
  [[ -s "$NAAP_SPARK_APP_CLASSPATH" ]] ||
    die "no batch-jobs classpath at $NAAP_SPARK_APP_CLASSPATH; build batch-jobs first (./naap build)"
  # (echo: the file has no final newline, and read would drop the last entry)
  { tr ':' '\n' <"$NAAP_SPARK_APP_CLASSPATH"; echo; } | sed '/^$/d'
}

# The Maven artifact directory of each jar path on stdin (…/group/artifact: the path without
# version directory and file name).
artifact_keys() { sed 's#/[^/]*/[^/]*$##'; }

spark_artifact_keys() { # -> cached file listing the artifact directories of Spark's closure
  local keys="$NAAP_CACHE_DIR/spark-distribution.keys" tmp mvnlog="$NAAP_CACHE_DIR/spark-classpath-mvn.log"
  if [[ ! -s "$keys" || "$SPARK_POM" -nt "$keys" || "$REPO/pom.xml" -nt "$keys" ]]; then
    require_cmd mvn
    tmp="$keys.cp.$$"
    log "resolving Spark's runtime closure with Maven (first time only, ~15 s)"
    if ! (cd "$NAAP_CACHE_DIR" && mvn -q -B -f "$SPARK_POM" dependency:build-classpath \
      -Dmdep.outputFile="$tmp" >"$mvnlog" 2>&1); then
      tail -n 30 "$mvnlog" >&2 || true
      rm -f "$tmp"
      die "Maven could not resolve spark-sql's dependencies (see $mvnlog)"
    fi
    { tr ':' '\n' <"$tmp"; echo; } | sed '/^$/d' | artifact_keys | sort -u >"$keys.tmp.$$"
    rm -f "$tmp"
    mv -f "$keys.tmp.$$" "$keys"
  fi
  echo "$keys"
}

# Splits the app classpath: prints "spark<TAB>path" or "app<TAB>path" per entry (one awk pass: a
# loop of subprocesses per jar takes minutes on a loaded machine).
split_classpath() {
  local keys
  keys="$(spark_artifact_keys)"
  awk 'NR == FNR { spark[$0] = 1; next }
       { key = $0; sub("/[^/]*/[^/]*$", "", key); print ((key in spark) ? "spark" : "app") "\t" $0 }' \
    "$keys" <(app_classpath_entries)
}

assemble_locked() {
  local spark_jars digest home
  spark_jars="$(split_classpath | sed -n 's/^spark\t//p' | sort)"
  [[ -n "$spark_jars" ]] || die "no Spark jars found on $NAAP_SPARK_APP_CLASSPATH"
  digest="$(sha1sum <<<"$spark_jars" | cut -c1-12)"
  home="$NAAP_CACHE_DIR/spark-home-$digest"
  if [[ ! -f "$home/RELEASE" ]]; then
    rm -rf "$home.tmp"
    mkdir -p "$home.tmp/jars" "$home.tmp/conf"
    local jar
    while IFS= read -r jar; do ln -s "$jar" "$home.tmp/jars/$(basename "$jar")"; done <<<"$spark_jars"
    # The Worker's command builder takes SPARK_HOME/jars as the classpath only when a RELEASE file
    # marks a distribution (otherwise it looks for a source build's assembly/target).
    printf 'Spark jars assembled by infra/spark-cluster.sh from %s\n' "$NAAP_SPARK_APP_CLASSPATH" >"$home.tmp/RELEASE"
    rm -rf "$home"
    mv "$home.tmp" "$home"
    log "Spark home assembled: $home ($(wc -l <<<"$spark_jars") jars linked from ~/.m2)"
  fi
  write_log4j2 "$home/conf/log4j2.properties"
  echo "$home"
}

# conf/ is on the classpath of master, worker, driver and executors. WARN, except the lines that
# show where work ran: the deploy daemons (executor launches), the app's executor grants and the
# executors' task lines.
write_log4j2() {
  cat >"$1" <<'EOF'
# Generated by infra/spark-cluster.sh.
status=warn
appender.console.type=Console
appender.console.name=console
appender.console.target=SYSTEM_ERR
appender.console.layout.type=PatternLayout
appender.console.layout.pattern=%d{HH:mm:ss} %p %c{1}: %m%n
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=console
logger.deploy.name=org.apache.spark.deploy
logger.deploy.level=INFO
logger.executor.name=org.apache.spark.executor.Executor
logger.executor.level=INFO
logger.backend.name=org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend
logger.backend.level=INFO
EOF
}

ensure_spark_home() {
  mkdir -p "$NAAP_CACHE_DIR"
  SPARK_HOME="$(with_lock "$NAAP_CACHE_DIR/.spark-home.lock" assemble_locked)"
  export SPARK_HOME
  JAVA_BIN="$(kafka_java_bin)"
  [[ -s "$JOB_FLAGS_FILE" ]] || die "missing $JOB_FLAGS_FILE; build batch-jobs first (./naap build)"
  JVM_FLAGS="$(cat "$JOB_FLAGS_FILE")"
}

spark_java() { # HEAP MAIN-CLASS ARGS...
  local heap="$1"
  shift
  # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
  "$JAVA_BIN" $JVM_FLAGS -Xmx"$heap" -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" "$@"
}

# spark_daemon LOG PIDFILE MAIN-CLASS ARGS...: in the background; the pid file holds the JVM's pid
# (exec in the subshell), so stop and status can check its command line for SPARK_MARKER.
spark_daemon() {
  local log_file="$1" pid_file="$2"
  shift 2
  # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
  (exec "$JAVA_BIN" $JVM_FLAGS -Xmx"$NAAP_SPARK_DAEMON_HEAP" "$SPARK_MARKER" \
    -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" "$@" >"$log_file" 2>&1) &
  echo $! >"$pid_file"
}

# --- ports and state ---------------------------------------------------------------------
# N distinct free loopback ports (free_port's range), skipping the ones already taken here.
pick_ports() {
  local wanted="$1" port picked=()
  for port in $(seq 18190 18290); do
    port_in_use "$port" && continue
    picked+=("$port")
    ((${#picked[@]} == wanted)) && break
  done
  ((${#picked[@]} == wanted)) || die "no $wanted free ports in 18190-18290; set NAAP_SPARK_MASTER_PORT etc."
  echo "${picked[@]}"
}

load_ports() {
  [[ -f "$SPARK_PORTS_FILE" ]] || return 1
  # shellcheck disable=SC1090
  . "$SPARK_PORTS_FILE"
}

master_url() { echo "spark://127.0.0.1:$MASTER_PORT"; }

master_json() { curl -fsS --max-time 5 "http://127.0.0.1:$MASTER_WEBUI_PORT/json/"; }

running() { is_running "$MASTER_PID_FILE" "$SPARK_MARKER" && is_running "$WORKER_PID_FILE" "$SPARK_MARKER"; }

# --- commands ------------------------------------------------------------------------------
cmd_start() {
  ensure_run_dirs
  mkdir -p "$SPARK_STATE" "$SPARK_WORK_DIR" "$SPARK_LOCAL_DIR"
  if running && load_ports; then
    log "already running: master $(master_url) (pid $(read_pid "$MASTER_PID_FILE")), worker pid $(read_pid "$WORKER_PID_FILE")"
    return 0
  fi
  cmd_stop 2>/dev/null || true
  ensure_spark_home
  local started=$SECONDS free
  read -r -a free <<<"$(pick_ports 3)"
  MASTER_PORT="${NAAP_SPARK_MASTER_PORT:-${free[0]}}"
  MASTER_WEBUI_PORT="${NAAP_SPARK_MASTER_WEBUI_PORT:-${free[1]}}"
  WORKER_WEBUI_PORT="${NAAP_SPARK_WORKER_WEBUI_PORT:-${free[2]}}"
  local p
  for p in "$MASTER_PORT" "$MASTER_WEBUI_PORT" "$WORKER_WEBUI_PORT"; do
    check_port_number "spark port" "$p"
    ! port_in_use "$p" || die "port $p is in use by $(port_owner "$p"); choose NAAP_SPARK_*_PORT"
  done
  printf 'MASTER_PORT=%s\nMASTER_WEBUI_PORT=%s\nWORKER_WEBUI_PORT=%s\n' \
    "$MASTER_PORT" "$MASTER_WEBUI_PORT" "$WORKER_WEBUI_PORT" >"$SPARK_PORTS_FILE"

  # SPARK_SCALA_VERSION: the Worker's command builder asks for it before it looks for the RELEASE
  # file; without it, it searches a source build's directories and fails every executor launch with
  # "Cannot find any build directories".
  export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$SPARK_LOCAL_DIR" SPARK_SCALA_VERSION=2.13
  log "starting master on $(master_url) (web UI $MASTER_WEBUI_PORT), Spark home $SPARK_HOME"
  # No REST submission server: it would listen on the fixed port 6066 (client-mode submit needs none).
  spark_daemon "$MASTER_LOG" "$MASTER_PID_FILE" -Dspark.master.rest.enabled=false \
    org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_WEBUI_PORT"
  if ! wait_for_port "$MASTER_PORT" "$NAAP_SPARK_START_TIMEOUT" "$(read_pid "$MASTER_PID_FILE")"; then
    tail -n 30 "$MASTER_LOG" >&2 || true
    cmd_stop || true
    die "the master did not open port $MASTER_PORT within ${NAAP_SPARK_START_TIMEOUT}s (log above: $MASTER_LOG)"
  fi
  log "starting worker: $NAAP_SPARK_WORKER_CORES cores, $NAAP_SPARK_WORKER_MEMORY for executors, work dir $SPARK_WORK_DIR"
  spark_daemon "$WORKER_LOG" "$WORKER_PID_FILE" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --webui-port "$WORKER_WEBUI_PORT" --cores "$NAAP_SPARK_WORKER_CORES" \
    --memory "$NAAP_SPARK_WORKER_MEMORY" --work-dir "$SPARK_WORK_DIR" "$(master_url)"
  local worker_started=$SECONDS
  until master_json 2>/dev/null | grep -q '"aliveworkers" *: *1'; do
    if ! is_running "$WORKER_PID_FILE" "$SPARK_MARKER" || ((SECONDS - worker_started >= NAAP_SPARK_START_TIMEOUT)); then
      tail -n 30 "$WORKER_LOG" >&2 || true
      cmd_stop || true
      die "the worker did not register with the master within ${NAAP_SPARK_START_TIMEOUT}s (log above: $WORKER_LOG)"
    fi
    sleep 0.5
  done
  log "cluster up in $((SECONDS - started))s: $(master_url), master UI http://127.0.0.1:$MASTER_WEBUI_PORT"
}

cmd_stop() {
  local pid
  pid="$(read_pid "$WORKER_PID_FILE")"
  # Stopping the worker also ends the executors it launched (its children).
  if [[ -n "$pid" ]] && pid_alive "$pid" "$SPARK_MARKER"; then stop_pid "$pid" "spark worker" 30; fi
  pid="$(read_pid "$MASTER_PID_FILE")"
  if [[ -n "$pid" ]] && pid_alive "$pid" "$SPARK_MARKER"; then stop_pid "$pid" "spark master" 30; fi
  rm -f "$WORKER_PID_FILE" "$MASTER_PID_FILE" "$SPARK_PORTS_FILE"
}

cmd_status() {
  if running && load_ports; then
    echo "spark: running  master $(master_url) (pid $(read_pid "$MASTER_PID_FILE"), $(rss_of "$(read_pid "$MASTER_PID_FILE")")), worker pid $(read_pid "$WORKER_PID_FILE"), UI http://127.0.0.1:$MASTER_WEBUI_PORT"
  else
    echo "spark: stopped"
    return 1
  fi
}

cmd_master_url() {
  running && load_ports || die "no cluster running for $NAAP_RUN_DIR; start it with '$0 start'"
  master_url
}

# The application's jars for --jars: the non-Spark entries of the classpath; a class directory (a
# reactor build's module/target/classes) is packed into a jar, since executors fetch files.
submit_app_jars() {
  local kind entry jars=() name
  mkdir -p "$SPARK_APP_JAR_DIR"
  while IFS=$'\t' read -r kind entry; do
    [[ "$kind" == app ]] || continue
    if [[ -d "$entry" ]]; then
      name="$SPARK_APP_JAR_DIR/$(basename "$(dirname "$(dirname "$entry")")")-classes.jar"
      jar cf "$name" -C "$entry" .
      entry="$name"
    fi
    jars+=("$entry")
  done < <(split_classpath)
  (IFS=,; echo "${jars[*]}")
}

cmd_submit() {
  local props=(-Dnaap.spark.master=) args=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      -D*) props+=("$1"); shift ;;
      --) shift; args+=("$@"); break ;;
      *) args+=("$1"); shift ;;
    esac
  done
  [[ ${#args[@]} -gt 0 ]] || die "usage: $0 submit [-Dnaap.key=value ...] [--] run --run-time T"
  local master="${NAAP_CLUSTER_MASTER:-}"
  [[ -n "$master" ]] || master="$(cmd_master_url)"
  local job_jar="$NAAP_SPARK_JOB_JAR"
  if [[ -z "$job_jar" ]]; then
    job_jar="$(find "$REPO/batch-jobs/target" -maxdepth 1 -name 'batch-jobs-*.jar' ! -name '*-tests.jar' | head -1)"
  fi
  [[ -f "$job_jar" ]] || die "no job jar (NAAP_SPARK_JOB_JAR or batch-jobs/target/batch-jobs-*.jar); build batch-jobs first"
  ensure_spark_home
  mkdir -p "$SPARK_LOCAL_DIR"
  local started=$SECONDS rc=0
  log "submitting $(basename "$job_jar") ${args[*]} to $master"
  SPARK_LOCAL_IP=127.0.0.1 spark_java "$NAAP_SPARK_DRIVER_MEMORY" "${props[@]}" \
    org.apache.spark.deploy.SparkSubmit \
    --master "$master" --deploy-mode client --name "naap-${args[0]}" \
    --class io.naaplake.jobs.Main \
    --jars "$(submit_app_jars)" \
    --conf spark.driver.host=127.0.0.1 \
    --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.local.dir="$SPARK_LOCAL_DIR" \
    --conf spark.executor.memory="$NAAP_SPARK_EXECUTOR_MEMORY" \
    --conf spark.executor.extraJavaOptions=-Duser.timezone=UTC \
    "$job_jar" "${args[@]}" || rc=$?
  log "submission finished in $((SECONDS - started))s with exit code $rc"
  return $rc
}

main() {
  local command="${1:-}"
  shift || true
  case "$command" in
    assemble) ensure_spark_home && echo "$SPARK_HOME" ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    master-url) cmd_master_url ;;
    submit) cmd_submit "$@" ;;
    *) usage; [[ -z "$command" || "$command" == help ]] || exit 2 ;;
  esac
}

main "$@"
