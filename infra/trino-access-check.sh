#!/usr/bin/env bash
# Checks the file-based access control of a running local Trino (infra/trino.sh start):
# the pipeline user may create schemas/tables and call register_table; any other user is read-only.
# Creates a probe table delta.ops.naap_acl_probe_<pid> (location <lake>/_naap_acl_probe/...) and
# removes it again. Usage: infra/trino-access-check.sh [READER_USER]   (default: researcher)
set -euo pipefail

# shellcheck disable=SC2034 # read by lib.sh
NAAP_LOG_TAG=acl-check
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

READER="${1:-researcher}"
P="$NAAP_TRINO_PIPELINE_USER"
TRINO="$NAAP_INFRA_DIR/trino.sh"
TABLE="naap_acl_probe_$$"
LOC="_naap_acl_probe/$TABLE"
[[ "$READER" != "$P" ]] || die "the reader user must differ from the pipeline user $P"

pass=0
fail=0
created_schema=0

# expect ok|denied USER SQL
expect() {
  local want="$1" user="$2" sql="$3" out err rc=0
  out="$("$TRINO" query --user "$user" "$sql" 2>/tmp/.naap-acl-err.$$)" || rc=$?
  err="$(cat /tmp/.naap-acl-err.$$)"
  rm -f /tmp/.naap-acl-err.$$
  if [[ "$want" == ok && $rc -eq 0 ]] || [[ "$want" == denied && $rc -ne 0 && "$err" == PERMISSION_DENIED:* ]]; then
    pass=$((pass + 1))
    printf 'PASS  %-7s %-14s %s\n' "$want" "$user" "$sql"
  else
    fail=$((fail + 1))
    printf 'FAIL  %-7s %-14s %s\n      got rc=%s %s %s\n' "$want" "$user" "$sql" "$rc" "$(head -c 200 <<<"$out")" "$err"
  fi
}

cleanup() {
  "$TRINO" query --user "$P" "DROP TABLE IF EXISTS delta.ops.$TABLE" >/dev/null 2>&1 || true
  if ((created_schema)); then
    "$TRINO" query --user "$P" "DROP SCHEMA IF EXISTS delta.ops" >/dev/null 2>&1 || true
  fi
  rm -rf "${NAAP_LAKE_DIR:?}/_naap_acl_probe/$TABLE"
  rmdir "$NAAP_LAKE_DIR/_naap_acl_probe" 2>/dev/null || true
}
trap cleanup EXIT

"$TRINO" query --user "$P" "SELECT 1" >/dev/null || die "Trino is not answering on port $NAAP_TRINO_PORT; start it with infra/trino.sh start"

if ! "$TRINO" query --user "$P" "SHOW SCHEMAS FROM delta LIKE 'ops'" | grep -q '"ops"'; then
  expect ok "$P" "CREATE SCHEMA delta.ops"
  created_schema=1
fi
expect ok "$P" "CREATE TABLE delta.ops.$TABLE WITH (location = 'local:///$LOC') AS SELECT 1 AS x"
expect ok "$P" "CALL delta.system.unregister_table(schema_name => 'ops', table_name => '$TABLE')"
expect denied "$READER" "CALL delta.system.register_table(schema_name => 'ops', table_name => '$TABLE', table_location => 'local:///$LOC')"
expect ok "$P" "CALL delta.system.register_table(schema_name => 'ops', table_name => '$TABLE', table_location => 'local:///$LOC')"
expect ok "$READER" "SELECT 1"
expect ok "$READER" "SHOW SCHEMAS FROM delta"
expect ok "$READER" "SHOW TABLES FROM delta.ops"
expect ok "$READER" "SELECT count(*) FROM delta.ops.$TABLE"
expect ok "$READER" "SELECT count(*) FROM delta.information_schema.tables"
expect ok "$READER" "SELECT count(*) FROM system.runtime.queries"
expect denied "$READER" "CREATE SCHEMA delta.naap_acl_denied"
expect denied "$READER" "DROP SCHEMA delta.ops CASCADE"
expect denied "$READER" "CREATE TABLE delta.ops.naap_acl_denied AS SELECT 1 AS x"
expect denied "$READER" "INSERT INTO delta.ops.$TABLE VALUES (2)"
expect denied "$READER" "DELETE FROM delta.ops.$TABLE"
expect denied "$READER" "UPDATE delta.ops.$TABLE SET x = 3"
expect denied "$READER" "ALTER TABLE delta.ops.$TABLE ADD COLUMN y integer"
expect denied "$READER" "DROP TABLE delta.ops.$TABLE"
expect denied "$READER" "CALL delta.system.unregister_table(schema_name => 'ops', table_name => '$TABLE')"
expect denied "$READER" "CALL delta.system.vacuum('ops', '$TABLE', '7d')"
expect ok "$P" "DROP TABLE delta.ops.$TABLE"

echo "access-control checks: $pass passed, $fail failed"
((fail == 0))
