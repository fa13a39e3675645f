#!/usr/bin/env bash
# Trino 476 coordinator (single node) with a Delta Lake catalog over the local lake directory.
# Usage: infra/trino.sh start|stop|status|wait|download|query [--user U] SQL|cli [--user U]
set -euo pipefail

# shellcheck disable=SC2034 # read by lib.sh
NAAP_LOG_TAG=trino
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TRINO_NAME="trino-server-$NAAP_TRINO_VERSION"
TRINO_TARBALL="$NAAP_CACHE_DIR/downloads/$TRINO_NAME.tar.gz"
TRINO_HOME="$NAAP_CACHE_DIR/$TRINO_NAME"
TRINO_STAMP="$TRINO_HOME/.naap-trimmed-complete"
# Members of the full tarball that make up the trimmed server.
# password-authenticators is kept because production uses password authentication.
TRINO_MEMBERS=(bin lib plugin/delta-lake plugin/password-authenticators NOTICE README.txt)

TRINO_DIR="$NAAP_RUN_DIR/trino"
TRINO_ETC="$TRINO_DIR/etc"
TRINO_DATA="$TRINO_DIR/data"
TRINO_PID_FILE="$TRINO_DATA/var/run/launcher.pid"
TRINO_SERVER_LOG="$TRINO_DATA/var/log/server.log"
TRINO_LAUNCHER_LOG="$TRINO_DATA/var/log/launcher.log"
TRINO_URL="http://127.0.0.1:$NAAP_TRINO_PORT"
TRINO_METASTORE_DIR="$NAAP_LAKE_DIR/_trino_metastore"
# Our server's command line contains -Dconfig=<absolute etc dir of this run dir>/config.properties.
TRINO_MARKER="-Dconfig=$TRINO_ETC/config.properties"

usage() {
  cat >&2 <<EOF
Usage: $0 <command>
  download            fetch $TRINO_NAME.tar.gz (821 MB) with Maven and extract the trimmed server
                      into $TRINO_HOME (no-op when already done)
  start               download (if needed), generate etc/ under $TRINO_ETC, start, wait until SELECT 1 works
  wait                wait (up to NAAP_TRINO_START_TIMEOUT=${NAAP_TRINO_START_TIMEOUT}s) until SELECT 1 succeeds
  stop                stop the server; idempotent
  status              print running/stopped, pid, URL
  query [--user U] SQL
                      run one statement over the REST protocol (default user $NAAP_TRINO_PIPELINE_USER);
                      prints each row as a JSON array; exit code 1 and the error on stderr if it fails
  cli [--user U] [TRINO-CLI-OPTIONS]
                      the interactive Trino shell (io.trino:trino-cli:$NAAP_TRINO_VERSION, fetched with Maven
                      into $NAAP_CACHE_DIR/downloads) on catalog delta, default user researcher
URL: $TRINO_URL   server log: $TRINO_SERVER_LOG
EOF
}

# --- download + trimmed extraction -----------------------------------------------
# fetch_artifact ARTIFACT FILE WHAT SIZE HINT: copies a Maven Central artifact (through ~/.m2) to FILE
# unless it is there; on failure shows Maven's log, leaves no partial FILE and dies with HINT.
fetch_artifact() {
  local artifact="$1" file="$2" what="$3" size="$4" hint="$5" dir mvnlog
  [[ -s "$file" ]] && return 0
  require_cmd mvn
  dir="$(dirname "$file")"
  mvnlog="$dir/mvn-$(basename "$file").log"
  mkdir -p "$dir"
  log "downloading $artifact ($size) via Maven into $dir"
  # Run from the cache dir so Maven does not pick up a project pom in the current directory.
  if ! (cd "$NAAP_CACHE_DIR" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$artifact" -DoutputDirectory="$dir" >"$mvnlog" 2>&1); then
    tail -n 30 "$mvnlog" >&2 || true
    rm -f "$file"
    die "downloading $what with Maven failed (see $mvnlog). $hint"
  fi
  [[ -s "$file" ]] || die "Maven finished but $file is missing (see $mvnlog)"
}

download_tarball() {
  fetch_artifact "io.trino:trino-server:$NAAP_TRINO_VERSION:tar.gz" "$TRINO_TARBALL" "the Trino server" "821 MB" \
    "Check that Maven Central is reachable, that ~/.m2 has ~1 GB free space, then rerun '$0 download'."
}

extract_trimmed_locked() {
  [[ -f "$TRINO_STAMP" ]] && return 0
  download_tarball
  local tmp="$NAAP_CACHE_DIR/.$TRINO_NAME.extracting.$$" members=() m
  rm -rf "$TRINO_HOME" "$NAAP_CACHE_DIR"/."$TRINO_NAME".extracting.*
  mkdir -p "$tmp"
  for m in "${TRINO_MEMBERS[@]}"; do members+=("$TRINO_NAME/$m"); done
  log "extracting trimmed server (${TRINO_MEMBERS[*]}) into $TRINO_HOME"
  # The tarball stores jars shared between plugins as hard links to the copy in another plugin
  # (e.g. plugin/delta-lake/x.jar -> plugin/bigquery/x.jar). Pass 1 lists the link targets of the
  # members we keep; pass 2 extracts members + targets; then the other plugin dirs are deleted
  # (the hard-linked files survive).
  local listing targets=()
  if ! listing="$(tar -tvzf "$TRINO_TARBALL" "${members[@]}")"; then
    rm -rf "$tmp"
    rm -f "$TRINO_TARBALL"
    die "reading $TRINO_TARBALL failed (corrupt or partial download?). The tarball was removed; rerun '$0 download'."
  fi
  local t keep_t
  while IFS= read -r t; do
    keep_t=1
    # targets inside a member we extract anyway must not be named twice (tar reports them "Not found")
    for m in "${members[@]}"; do [[ "$t" == "$m" || "$t" == "$m"/* ]] && keep_t=0; done
    ((keep_t)) && targets+=("$t")
  done < <(sed -n 's/^h.* link to //p' <<<"$listing" | sort -u)
  if ! tar -xzf "$TRINO_TARBALL" -C "$tmp" "${members[@]}" "${targets[@]}"; then
    rm -rf "$tmp"
    rm -f "$TRINO_TARBALL"
    die "extracting $TRINO_TARBALL failed (corrupt or partial download?). The tarball was removed; rerun '$0 download'."
  fi
  local d keep
  for d in "$tmp/$TRINO_NAME"/plugin/*; do
    keep=0
    for m in "${TRINO_MEMBERS[@]}"; do [[ "$d" == "$tmp/$TRINO_NAME/$m" ]] && keep=1; done
    ((keep)) || rm -rf "$d"
  done
  mv "$tmp/$TRINO_NAME" "$TRINO_HOME"
  rmdir "$tmp"
  date -Is >"$TRINO_STAMP"
  log "trimmed server ready: $(du -sh "$TRINO_HOME" | cut -f1) in $TRINO_HOME"
  if [[ "${NAAP_TRINO_KEEP_TARBALL:-0}" != 1 ]]; then
    # The same tarball stays in ~/.m2, so a re-extraction only costs a local copy.
    rm -f "$TRINO_TARBALL"
  fi
}

# --- interactive shell -------------------------------------------------------------
TRINO_CLI_JAR="$NAAP_CACHE_DIR/downloads/trino-cli-$NAAP_TRINO_VERSION-executable.jar"

download_cli() {
  fetch_artifact "io.trino:trino-cli:$NAAP_TRINO_VERSION:jar:executable" "$TRINO_CLI_JAR" "the Trino CLI" "19 MB" \
    "Check that Maven Central is reachable, then rerun './naap sql'."
}

# The CLI of Trino 476 runs on Java 17, the launcher's java; other options go to trino-cli as given.
cmd_cli() {
  local user="researcher"
  if [[ "${1:-}" == "--user" ]]; then
    user="${2:?--user needs a value}"
    shift 2
  fi
  mkdir -p "$NAAP_CACHE_DIR"
  with_lock "$NAAP_CACHE_DIR/.trino-cli.lock" download_cli
  port_open "$NAAP_TRINO_PORT" || die "Trino is not running on $TRINO_URL; start it with ./naap up"
  exec java -jar "$TRINO_CLI_JAR" --server "$TRINO_URL" --catalog delta --user "$user" "$@"
}

cmd_download() {
  mkdir -p "$NAAP_CACHE_DIR"
  if [[ -f "$TRINO_STAMP" ]]; then
    log "trimmed server already present in $TRINO_HOME"
    return 0
  fi
  with_lock "$NAAP_CACHE_DIR/.trino-extract.lock" extract_trimmed_locked
}

# --- configuration -------------------------------------------------------------------
# heap_mb 2G -> 2048 ; 1536m -> 1536
heap_mb() {
  local h="$1" n u
  n="${h%[gGmM]}"
  u="${h#"$n"}"
  [[ "$n" =~ ^[0-9]+$ ]] || die "NAAP_TRINO_HEAP='$h' must look like 2G or 1536m"
  case "$u" in
    g | G) echo $((n * 1024)) ;;
    m | M) echo "$n" ;;
    *) die "NAAP_TRINO_HEAP='$h' must end in G or m" ;;
  esac
}

write_config() {
  local hmb per_node
  hmb="$(heap_mb "$NAAP_TRINO_HEAP")"
  ((hmb >= 768)) || die "NAAP_TRINO_HEAP=$NAAP_TRINO_HEAP is too small: Trino needs at least 768m (1G+ recommended; default 2G)"
  # Trino requires query.max-memory-per-node + heap headroom (30 % of heap) <= heap.
  if ((hmb >= 2048)); then per_node="1GB"; else per_node="$((hmb / 2))MB"; fi

  mkdir -p "$TRINO_ETC/catalog" "$TRINO_DATA" "$TRINO_METASTORE_DIR"
  cat >"$TRINO_ETC/node.properties" <<EOF
# Generated by infra/trino.sh - overwritten on every start.
node.environment=naap_local
node.id=naap-local-coordinator
node.data-dir=$TRINO_DATA
node.internal-address=127.0.0.1
node.bind-ip=127.0.0.1
EOF
  cat >"$TRINO_ETC/jvm.config" <<EOF
-server
-Xmx$NAAP_TRINO_HEAP
-XX:+UseG1GC
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:ReservedCodeCacheSize=256M
-XX:PerMethodRecompilationCutoff=10000
-XX:PerBytecodeRecompilationCutoff=10000
-Djdk.attach.allowAttachSelf=true
-Djdk.nio.maxCachedBufferSize=2000000
-Dfile.encoding=UTF-8
-XX:+EnableDynamicAgentLoading
EOF
  cat >"$TRINO_ETC/config.properties" <<EOF
# Generated by infra/trino.sh - overwritten on every start.
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$NAAP_TRINO_PORT
discovery.uri=http://127.0.0.1:$NAAP_TRINO_PORT
query.max-memory=$per_node
query.max-memory-per-node=$per_node
# Absolute paths: the server dir is a shared, read-only cache; etc/ lives in the run dir.
plugin.dir=$TRINO_HOME/plugin
catalog.config-dir=$TRINO_ETC/catalog
access-control.config-files=$TRINO_ETC/access-control.properties
EOF
  cat >"$TRINO_ETC/log.properties" <<'EOF'
io.trino=INFO
EOF
  cat >"$TRINO_ETC/catalog/delta.properties" <<EOF
# Generated by infra/trino.sh. Paths are relative to the lake root (local.location):
# tables are registered with table_location => 'local:///<schema>/<table>'.
# The file metastore lives inside the lake, so registrations travel with the lake.
connector.name=delta_lake
hive.metastore=file
hive.metastore.catalog.dir=local:///_trino_metastore
fs.native-local.enabled=true
local.location=$NAAP_LAKE_DIR
delta.register-table-procedure.enabled=true
EOF
  cat >"$TRINO_ETC/access-control.properties" <<EOF
access-control.name=file
security.config-file=$TRINO_ETC/rules.json
EOF
  write_rules "$TRINO_ETC/rules.json"
}

# File-based system access control.
#  - the pipeline identity owns catalog delta (DDL, writes, register_table/unregister_table and other
#    delta.system procedures) and may read every system table and system information;
#  - every other user is read-only: SELECT on tables of delta.{bronze,silver,gold,ops}, the
#    system.runtime/metadata/jdbc tables (JDBC metadata calls use system.jdbc), and its own queries.
write_rules() {
  local u="$NAAP_TRINO_PIPELINE_USER"
  cat >"$1" <<EOF
{
  "catalogs": [
    { "user": "$u", "catalog": "(delta|system)", "allow": "all" },
    { "catalog": "delta", "allow": "read-only" },
    { "catalog": "system", "allow": "read-only" }
  ],
  "schemas": [
    { "user": "$u", "catalog": "delta", "schema": ".*", "owner": true }
  ],
  "tables": [
    { "user": "$u", "catalog": "delta", "privileges": ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"] },
    { "user": "$u", "catalog": "system", "privileges": ["SELECT"] },
    { "catalog": "delta", "schema": "(bronze|silver|gold|ops)", "privileges": ["SELECT"] },
    { "catalog": "system", "schema": "(runtime|metadata|jdbc)", "privileges": ["SELECT"] }
  ],
  "procedures": [
    { "user": "$u", "catalog": "delta", "schema": "system", "privileges": ["EXECUTE"] }
  ],
  "functions": [
    { "user": "$u", "catalog": "delta", "privileges": ["EXECUTE"] }
  ],
  "queries": [
    { "user": "$u", "allow": ["execute", "view", "kill"] },
    { "allow": ["execute"] }
  ],
  "system_information": [
    { "user": "$u", "allow": ["read"] }
  ]
}
EOF
}

# --- REST client (bash + curl) ---------------------------------------------------------
# trino_sql USER SQL: prints each result row as a JSON array; returns 1 with the error on stderr.
trino_sql() {
  local user="$1" sql="$2" resp next data err ename i=0
  resp="$(curl -sS --max-time 30 -X POST -H "X-Trino-User: $user" -H "X-Trino-Source: naap-infra" \
    --data-binary "$sql" "$TRINO_URL/v1/statement" 2>&1)" || {
    echo "cannot reach Trino at $TRINO_URL: $resp" >&2
    return 2
  }
  while :; do
    if [[ "$resp" != \{* ]]; then
      echo "unexpected response from $TRINO_URL: $(head -c 300 <<<"$resp")" >&2
      return 2
    fi
    data="$(sed -n 's/.*"data":\[\(.*\)\],"stats".*/\1/p' <<<"$resp")"
    if [[ -n "$data" ]]; then
      # one row per line: split "],[" boundaries
      sed 's/\],\[/]\n[/g' <<<"$data"
    fi
    if [[ "$resp" == *'"error":{'* ]]; then
      err="$(sed -n 's/.*"error":{"message":"\(\([^"\\]\|\\.\)*\)".*/\1/p' <<<"$resp")"
      ename="$(sed -n 's/.*"errorName":"\([A-Za-z_]*\)".*/\1/p' <<<"$resp")"
      echo "${ename:-ERROR}: ${err:-$(head -c 500 <<<"$resp")}" >&2
      return 1
    fi
    next="$(sed -n 's/.*"nextUri":"\([^"]*\)".*/\1/p' <<<"$resp")"
    [[ -n "$next" ]] || return 0
    i=$((i + 1))
    ((i < 2000)) || {
      echo "query did not finish" >&2
      return 1
    }
    resp="$(curl -sS --max-time 30 -H "X-Trino-User: $user" "$next" 2>&1)" || {
      echo "lost connection to Trino at $TRINO_URL: $resp" >&2
      return 2
    }
  done
}

# --- commands ---------------------------------------------------------------------------
trino_pid() {
  local pid
  pid="$(read_pid "$TRINO_PID_FILE")"
  [[ -n "$pid" ]] && pid_alive "$pid" "$TRINO_MARKER" && echo "$pid"
}

print_log_tail() {
  if [[ -f "$TRINO_SERVER_LOG" ]]; then
    echo "---- errors and last lines of $TRINO_SERVER_LOG ----" >&2
    grep -E '^[0-9T:.-]+Z[[:space:]]+ERROR|Exception|Error:' "$TRINO_SERVER_LOG" | tail -n 15 | cut -c1-400 >&2 || true
    echo "..." >&2
    tail -n 15 "$TRINO_SERVER_LOG" | cut -c1-400 >&2 || true
    echo "----" >&2
  elif [[ -f "$TRINO_LAUNCHER_LOG" ]]; then
    echo "---- last lines of $TRINO_LAUNCHER_LOG ----" >&2
    tail -n 40 "$TRINO_LAUNCHER_LOG" >&2 || true
    echo "----" >&2
  fi
}

cmd_wait() {
  local start=$SECONDS out err pid
  require_cmd curl
  if [[ ! -f "$TRINO_PID_FILE" ]] && ! port_open "$NAAP_TRINO_PORT"; then
    die "Trino is not running on $TRINO_URL (run dir $NAAP_RUN_DIR). Start it with: infra/trino.sh start"
  fi
  log "waiting for SELECT 1 as $NAAP_TRINO_PIPELINE_USER on $TRINO_URL (timeout ${NAAP_TRINO_START_TIMEOUT}s)"
  while :; do
    if out="$(trino_sql "$NAAP_TRINO_PIPELINE_USER" "SELECT 1" 2>"$TRINO_DIR/.wait.err")" && [[ "$out" == "[1]" ]]; then
      log "Trino answers queries ($((SECONDS - start))s)"
      return 0
    fi
    err="$(cat "$TRINO_DIR/.wait.err" 2>/dev/null || true)"
    # Right after 'launcher start' the pid may still be the launcher (before it execs java),
    # so only liveness is checked here, not the command line.
    pid="$(read_pid "$TRINO_PID_FILE")"
    if { [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; } && ! port_open "$NAAP_TRINO_PORT"; then
      print_log_tail
      die "Trino is not running on $TRINO_URL (no live process for run dir $NAAP_RUN_DIR; if it was just started it exited - see the log above / $TRINO_SERVER_LOG)"
    fi
    if ((SECONDS - start >= NAAP_TRINO_START_TIMEOUT)); then
      print_log_tail
      die "Trino did not answer SELECT 1 within ${NAAP_TRINO_START_TIMEOUT}s (last error: ${err:-none}). Server log: $TRINO_SERVER_LOG"
    fi
    sleep 1
  done
}

cmd_start() {
  check_port_number NAAP_TRINO_PORT "$NAAP_TRINO_PORT"
  ensure_run_dirs
  local pid
  if pid="$(trino_pid)"; then
    log "already running (pid $pid, $TRINO_URL)"
    cmd_wait
    return 0
  fi
  local java_home
  java_home="$(find_java25)" ||
    die "no Java >= 24 found (Trino $NAAP_TRINO_VERSION needs Java 24.0.1+): install Temurin 25 (apt package temurin-25-jdk from Adoptium) or set NAAP_TRINO_JAVA_HOME to a JDK 24+ directory"
  if port_in_use "$NAAP_TRINO_PORT"; then
    die "port $NAAP_TRINO_PORT is already in use by $(port_owner "$NAAP_TRINO_PORT"). Stop that process or choose another port with NAAP_TRINO_PORT."
  fi
  cmd_download
  [[ -x "$TRINO_HOME/bin/launcher" ]] || die "$TRINO_HOME/bin/launcher missing; remove $TRINO_HOME and rerun '$0 download'"
  write_config

  local t0=$SECONDS
  log "starting Trino $NAAP_TRINO_VERSION on $TRINO_URL (java $java_home, heap $NAAP_TRINO_HEAP, lake $NAAP_LAKE_DIR)"
  mkdir -p "$TRINO_DATA/var/log"
  # setsid: own session, so a Ctrl-C in the calling terminal does not reach the server.
  if ! JAVA_HOME="$java_home" PATH="$java_home/bin:$PATH" setsid "$TRINO_HOME/bin/launcher" start \
    --etc-dir="$TRINO_ETC" --data-dir="$TRINO_DATA" --jvm-dir="$java_home" \
    --pid-file="$TRINO_PID_FILE" --server-log-file="$TRINO_SERVER_LOG" \
    --launcher-log-file="$TRINO_LAUNCHER_LOG" </dev/null >"$TRINO_DIR/launcher.out" 2>&1; then
    cat "$TRINO_DIR/launcher.out" >&2 || true
    print_log_tail
    die "bin/launcher start failed (output above)"
  fi
  log "$(tr '\n' ' ' <"$TRINO_DIR/launcher.out")"
  cmd_wait
  pid="$(trino_pid || true)"
  log "Trino ready in $((SECONDS - t0))s (pid ${pid:-?}, RSS $([[ -n "$pid" ]] && rss_of "$pid" || echo ?))"
}

cmd_stop() {
  local pid
  pid="$(read_pid "$TRINO_PID_FILE")"
  if [[ -z "$pid" ]] || ! pid_alive "$pid" "$TRINO_MARKER"; then
    # Fallback: a server of this run dir whose pid file was lost.
    pid="$(pgrep -f -- "$TRINO_MARKER" | head -n 1 || true)"
  fi
  if [[ -z "$pid" ]]; then
    log "not running"
    rm -f "$TRINO_PID_FILE"
    return 0
  fi
  # Trino shuts down on SIGTERM; give it 60 s before SIGKILL.
  stop_pid "$pid" "Trino" 60
  rm -f "$TRINO_PID_FILE"
}

cmd_status() {
  local pid
  if pid="$(trino_pid)"; then
    local state="not answering yet"
    if curl -fsS --max-time 3 "$TRINO_URL/v1/info" 2>/dev/null | grep -q '"starting":false'; then state="up"; fi
    echo "trino: running  pid=$pid  url=$TRINO_URL  ($state, RSS $(rss_of "$pid"))  log=$TRINO_SERVER_LOG"
  else
    echo "trino: stopped  (url would be $TRINO_URL, run dir $TRINO_DIR)"
    return 3
  fi
}

cmd_query() {
  local user="$NAAP_TRINO_PIPELINE_USER"
  if [[ "${1:-}" == "--user" ]]; then
    user="${2:?--user needs a value}"
    shift 2
  fi
  (($# == 1)) || {
    usage
    die "query needs exactly one SQL argument"
  }
  trino_sql "$user" "$1"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  download) cmd_download ;;
  query)
    shift
    cmd_query "$@"
    ;;
  cli)
    shift
    cmd_cli "$@"
    ;;
  -h | --help | help) usage ;;
  *)
    usage
    exit 2
    ;;
esac
