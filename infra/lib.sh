# shellcheck shell=bash
# Shared helpers for the NaaP Lake local infrastructure scripts.
# Source it (". infra/lib.sh"); it does not change shell options of the caller
# except for what the calling script already set (the scripts use `set -euo pipefail`).

# --- locations ----------------------------------------------------------------
NAAP_INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$NAAP_INFRA_DIR/.." && pwd)"

# Make a path absolute (relative paths are taken relative to the current directory).
naap_abspath() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$(pwd)" "$1" ;;
  esac
}

# --- defaults, each overridable from the environment --------------------------
NAAP_RUN_DIR="$(naap_abspath "${NAAP_RUN_DIR:-$REPO/.run}")"
NAAP_CACHE_DIR="$(naap_abspath "${NAAP_CACHE_DIR:-${HOME:-/tmp}/.cache/naap-lake}")"
NAAP_LAKE_DIR="$(naap_abspath "${NAAP_LAKE_DIR:-$NAAP_RUN_DIR/lake}")"
NAAP_LOG_DIR="$NAAP_RUN_DIR/logs"

NAAP_KAFKA_VERSION="4.1.1" # must match infra/kafka/pom.xml
export NAAP_KAFKA_VERSION
NAAP_KAFKA_PORT="${NAAP_KAFKA_PORT:-19092}"
NAAP_KAFKA_CONTROLLER_PORT="${NAAP_KAFKA_CONTROLLER_PORT:-19093}"
NAAP_KAFKA_PARTITIONS="${NAAP_KAFKA_PARTITIONS:-6}"
NAAP_KAFKA_TOPICS="${NAAP_KAFKA_TOPICS:-streaming_events,network_events}"
NAAP_KAFKA_HEAP="${NAAP_KAFKA_HEAP:-512m}"
NAAP_KAFKA_JAVA_HOME="${NAAP_KAFKA_JAVA_HOME:-}"
NAAP_KAFKA_START_TIMEOUT="${NAAP_KAFKA_START_TIMEOUT:-90}"

NAAP_TRINO_VERSION="476"
NAAP_TRINO_PORT="${NAAP_TRINO_PORT:-18080}"
NAAP_TRINO_HEAP="${NAAP_TRINO_HEAP:-2G}"
NAAP_TRINO_JAVA_HOME="${NAAP_TRINO_JAVA_HOME:-}"
NAAP_TRINO_PIPELINE_USER="${NAAP_TRINO_PIPELINE_USER:-naap_pipeline}"
NAAP_TRINO_START_TIMEOUT="${NAAP_TRINO_START_TIMEOUT:-180}"

export NAAP_RUN_DIR NAAP_CACHE_DIR NAAP_LAKE_DIR NAAP_KAFKA_PORT NAAP_KAFKA_CONTROLLER_PORT \
  NAAP_KAFKA_PARTITIONS NAAP_KAFKA_TOPICS NAAP_KAFKA_HEAP NAAP_TRINO_PORT NAAP_TRINO_HEAP \
  NAAP_TRINO_PIPELINE_USER

# --- logging ------------------------------------------------------------------
NAAP_LOG_TAG="${NAAP_LOG_TAG:-naap}"

log() { printf '%s [%s] %s\n' "$(date +%H:%M:%S)" "$NAAP_LOG_TAG" "$*" >&2; }
warn() { printf '%s [%s] WARNING: %s\n' "$(date +%H:%M:%S)" "$NAAP_LOG_TAG" "$*" >&2; }
die() {
  printf '%s [%s] ERROR: %s\n' "$(date +%H:%M:%S)" "$NAAP_LOG_TAG" "$*" >&2
  exit 1
}

require_cmd() {
  local c
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || die "required command '$c' not found on PATH; install it (e.g. apt-get install $c)"
  done
}

check_port_number() { # NAME VALUE
  [[ "$2" =~ ^[0-9]+$ ]] && (("$2" > 0 && "$2" < 65536)) || die "$1='$2' is not a valid TCP port"
}

# --- ports ----------------------------------------------------------------------
# True if anything listens on PORT (any local address). Uses ss when available,
# otherwise tries a TCP connect to 127.0.0.1 via bash's /dev/tcp.
port_in_use() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]
  else
    port_open "$port"
  fi
}

# A loopback port nothing listens on, from 18190 up (for private servers such as the API bench).
free_port() {
  local port
  for port in $(seq 18190 18290); do
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  return 1
}

# True if a TCP connect to 127.0.0.1:PORT succeeds.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Describe who listens on PORT (best effort, for error messages).
port_owner() {
  local port="$1" pids pid out=""
  command -v ss >/dev/null 2>&1 || { echo "unknown process"; return 0; }
  pids="$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true)"
  for pid in $pids; do
    out+="pid $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-160)) "
  done
  echo "${out:-unknown process}"
}

# wait_for_port PORT TIMEOUT_SECONDS [PID]  - returns 1 on timeout or if PID died.
wait_for_port() {
  local port="$1" timeout="$2" pid="${3:-}" start=$SECONDS
  while ! port_open "$port"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      return 1
    fi
    sleep 0.5
  done
}

# --- processes / pid files ----------------------------------------------------
# pid_alive PID [MARKER]: process exists and (if MARKER given) its command line contains MARKER.
pid_alive() {
  local pid="$1" marker="${2:-}"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -n "$marker" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker" || return 1
  fi
}

# read_pid PIDFILE -> prints the pid (empty if none)
read_pid() {
  [[ -f "$1" ]] && tr -dc '0-9' <"$1" || true
}

# is_running PIDFILE [MARKER]
is_running() {
  local pid
  pid="$(read_pid "$1")"
  [[ -n "$pid" ]] && pid_alive "$pid" "${2:-}"
}

# stop_pid PID NAME [GRACE_SECONDS]: TERM, wait, then KILL.
stop_pid() {
  local pid="$1" name="$2" grace="${3:-30}" start=$SECONDS
  kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid, SIGTERM, up to ${grace}s)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS - start >= grace)); then
      warn "$name (pid $pid) did not stop within ${grace}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    die "could not stop $name (pid $pid)"
  fi
  log "$name stopped after $((SECONDS - start))s"
}

# descendants PID: every process under PID, deepest first (children before their parents).
descendants() {
  local child
  for child in $(pgrep -P "$1" || true); do
    descendants "$child"
    echo "$child"
  done
}

# stop_jobs GRACE_SECONDS: stops this shell's background jobs and everything under them. SIGTERM
# goes to the processes *under* each job (the JVMs): a job is a subshell, killing it would orphan
# its java, and the background commands of a non-interactive script ignore SIGINT, so a Ctrl-C
# never reaches them. Then waits for the jobs (a JVM's shutdown hooks may take a while: the
# scheduler finishes its running chain), SIGKILL after GRACE_SECONDS.
stop_jobs() {
  local grace="$1" checks=0 job pids=()
  for job in $(jobs -p); do
    # shellcheck disable=SC2207 # pids are words
    pids+=($(descendants "$job"))
  done
  ((${#pids[@]} > 0)) || return 0
  log "stopping ${#pids[@]} background process(es) (SIGTERM, up to ${grace}s): ${pids[*]}"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  # (counted in half-second checks: $SECONDS ticks on whole seconds and may end a wait early)
  while alive_any "${pids[@]}"; do
    if ((checks++ >= grace * 2)); then
      warn "still running after ${grace}s; sending SIGKILL"
      kill -KILL "${pids[@]}" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  wait 2>/dev/null || true
}

# alive_any PID...: true when one of the processes still exists.
alive_any() {
  local pid
  for pid in "$@"; do
    kill -0 "$pid" 2>/dev/null && return 0
  done
  return 1
}

# rss_of PID -> "123 MB" (or "?")
rss_of() {
  local kb
  kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)"
  [[ -n "$kb" ]] && echo "$((kb / 1024)) MB" || echo "?"
}

# --- Java -----------------------------------------------------------------------
# java_major JAVA_BIN -> major version (8 for 1.8), empty on failure
java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)"
  [[ -n "$v" ]] || return 0
  if [[ "$v" == 1.* ]]; then
    v="${v#1.}"
  fi
  echo "${v%%[.+-]*}"
}

# find_java25 -> prints a JAVA_HOME whose java is >= 24 (Trino 476 needs >= 24.0.1).
# NAAP_TRINO_JAVA_HOME wins if set (and must be valid). Otherwise scans /usr/lib/jvm,
# /opt and JAVA_HOME, picking the highest major version.
find_java25() {
  local min=24 home major best="" best_major=0 real
  if [[ -n "$NAAP_TRINO_JAVA_HOME" ]]; then
    [[ -x "$NAAP_TRINO_JAVA_HOME/bin/java" ]] || {
      log "NAAP_TRINO_JAVA_HOME=$NAAP_TRINO_JAVA_HOME has no bin/java"
      return 1
    }
    major="$(java_major "$NAAP_TRINO_JAVA_HOME/bin/java")"
    if [[ -z "$major" ]] || ((major < min)); then
      log "NAAP_TRINO_JAVA_HOME=$NAAP_TRINO_JAVA_HOME is Java ${major:-?}, Trino $NAAP_TRINO_VERSION needs >= $min"
      return 1
    fi
    echo "$NAAP_TRINO_JAVA_HOME"
    return 0
  fi
  local seen=" "
  for home in /usr/lib/jvm/* /opt/java/* /opt/*jdk* ${JAVA_HOME:+"$JAVA_HOME"}; do
    [[ -x "$home/bin/java" ]] || continue
    real="$(readlink -f "$home")"
    [[ "$seen" == *" $real "* ]] && continue
    seen+="$real "
    major="$(java_major "$home/bin/java")"
    [[ -n "$major" ]] || continue
    if ((major >= min && major > best_major)); then
      best="$real"
      best_major="$major"
    fi
  done
  [[ -n "$best" ]] || return 1
  echo "$best"
}

# Java for Kafka and Maven-side tools: NAAP_KAFKA_JAVA_HOME, else JAVA_HOME, else `java` on PATH.
kafka_java_bin() {
  if [[ -n "$NAAP_KAFKA_JAVA_HOME" ]]; then
    echo "$NAAP_KAFKA_JAVA_HOME/bin/java"
  elif [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  else
    command -v java || die "no 'java' on PATH (Kafka needs Java 17+); install openjdk-17 or set NAAP_KAFKA_JAVA_HOME"
  fi
}

# with_lock LOCKFILE CMD... : serialise cache mutations between concurrent invocations.
with_lock() {
  local lockfile="$1"
  shift
  mkdir -p "$(dirname "$lockfile")"
  if command -v flock >/dev/null 2>&1; then
    (
      flock -w 900 9 || die "timed out waiting for lock $lockfile"
      "$@"
    ) 9>"$lockfile"
  else
    "$@"
  fi
}

ensure_run_dirs() {
  mkdir -p "$NAAP_RUN_DIR" "$NAAP_LOG_DIR" "$NAAP_CACHE_DIR" "$NAAP_LAKE_DIR"
}
