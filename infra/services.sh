#!/usr/bin/env bash
# Bring the whole local stack up or down: Kafka (KRaft, single node) + Trino (Delta Lake catalog).
# Usage: infra/services.sh up|down|status
set -euo pipefail

# shellcheck disable=SC2034 # read by lib.sh
NAAP_LOG_TAG=services
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat >&2 <<EOF
Usage: $0 up|down|status
  up      start Kafka, create the default topics, start Trino; prints the endpoints
  down    stop Trino and Kafka (data under $NAAP_RUN_DIR and caches under $NAAP_CACHE_DIR are kept)
  status  show both services (exit code 0 only if both run)
EOF
}

endpoints() {
  cat <<EOF
NaaP Lake local services
  kafka bootstrap : 127.0.0.1:$NAAP_KAFKA_PORT   (topics: $NAAP_KAFKA_TOPICS, $NAAP_KAFKA_PARTITIONS partitions)
  trino url       : http://127.0.0.1:$NAAP_TRINO_PORT   (catalog delta, pipeline user $NAAP_TRINO_PIPELINE_USER)
  trino jdbc      : jdbc:trino://127.0.0.1:$NAAP_TRINO_PORT/delta
  lake dir        : $NAAP_LAKE_DIR   (register tables with table_location => 'local:///<schema>/<table>')
  run dir         : $NAAP_RUN_DIR   (logs in $NAAP_LOG_DIR, Trino log in $NAAP_RUN_DIR/trino/data/var/log/server.log)
EOF
}

cmd_up() {
  local t0 t1
  t0="$(date +%s.%N)"
  log "bringing up Kafka + Trino (run dir $NAAP_RUN_DIR)"
  "$NAAP_INFRA_DIR/kafka.sh" start ||
    die "Kafka failed to start (see above). Nothing else was started; run '$0 down' to clean up."
  "$NAAP_INFRA_DIR/trino.sh" start ||
    die "Trino failed to start (see above). Kafka is still running; run '$0 down' to stop it."
  t1="$(date +%s.%N)"
  endpoints
  log "up in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')s"
}

cmd_down() {
  local t0 rc=0
  t0=$SECONDS
  "$NAAP_INFRA_DIR/trino.sh" stop || rc=1
  "$NAAP_INFRA_DIR/kafka.sh" stop || rc=1
  ((rc == 0)) || die "some service did not stop cleanly (see above)"
  log "down in $((SECONDS - t0))s"
}

cmd_status() {
  local rc=0
  "$NAAP_INFRA_DIR/kafka.sh" status || rc=3
  "$NAAP_INFRA_DIR/trino.sh" status || rc=3
  echo "lake: $NAAP_LAKE_DIR   cache: $NAAP_CACHE_DIR"
  return "$rc"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  -h | --help | help) usage ;;
  *)
    usage
    exit 2
    ;;
esac
