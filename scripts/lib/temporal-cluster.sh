#!/usr/bin/env bash
# The production Temporal server (go.temporal.io/server) on PostgreSQL with SQL
# visibility, as the cluster suite (test/cluster/) and operators trying a real cluster run it.
#   provision.sh sources this file and calls temporal_cluster_provision (a Go build into
#   .tools/temporal-server/<version>/, stamped; Go caches later builds).
#   Run directly:
#     scripts/lib/temporal-cluster.sh start <run-dir>   make its two databases on
#         $TEST_DATABASE_URL (or $DATABASE_URL), start the server on free loopback ports,
#         create the namespace, register the search attributes; print the frontend address
#     scripts/lib/temporal-cluster.sh stop <run-dir>    stop it and drop its databases
#   With CLUSTER_OWNER_PID set, start also stops the cluster once that process has gone.
# Each start makes databases of its own (named after the run directory): clusters never share state.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/step.sh"

TEMPORAL_SERVER_VERSION=v1.29.1
CLUSTER_HOME="$TOOLS/temporal-server/$TEMPORAL_SERVER_VERSION"
CLUSTER_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"

temporal_cluster_provision() {
  if [ -x "$CLUSTER_HOME/temporal-server" ] && stamp_matches "$CLUSTER_HOME/.version" "$TEMPORAL_SERVER_VERSION"; then
    say "  temporal-server $TEMPORAL_SERVER_VERSION is already built"; return 0
  fi
  command -v go >/dev/null 2>&1 || { say "  Go 1.25+ is needed to build temporal-server (https://go.dev/dl)"; return 1; }
  say "  building temporal-server and temporal-sql-tool $TEMPORAL_SERVER_VERSION (minutes the first time)"
  rm -rf "$CLUSTER_HOME"; mkdir -p "$CLUSTER_HOME/bin"
  # Background priority: other work on the machine keeps its cores.
  GOBIN="$CLUSTER_HOME/bin" GOFLAGS=-buildvcs=false nice -n 10 go install \
    "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION"
  mv "$CLUSTER_HOME/bin/server" "$CLUSTER_HOME/temporal-server"
  mv "$CLUSTER_HOME/bin/sql" "$CLUSTER_HOME/temporal-sql-tool"
  rmdir "$CLUSTER_HOME/bin"
  # The schema's versioned SQL ships in the module, not in the binaries.
  local module; module="$(go mod download -json "go.temporal.io/server@$TEMPORAL_SERVER_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
  [ -d "$module/schema/postgresql/v12" ] || { say "  no PostgreSQL schema in $module"; return 1; }
  mkdir -p "$CLUSTER_HOME/schema"; cp -R "$module/schema/postgresql/v12/." "$CLUSTER_HOME/schema/"
  chmod -R u+w "$CLUSTER_HOME/schema" # the module cache is read-only; a rebuild must be able to delete this copy
  echo "$TEMPORAL_SERVER_VERSION" > "$CLUSTER_HOME/.version"
}

# Splits a postgres:// URL into the variables the server's template and the sql tool read.
parse_database_url() {
  local url="$1" re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?(/.*)?$'
  [[ "$url" =~ $re ]] || { say "not a postgres:// URL with a user and host: the test database URL"; return 1; }
  export TC_PG_USER="${BASH_REMATCH[2]}" TC_PG_PASSWORD="${BASH_REMATCH[4]}" TC_PG_HOST="${BASH_REMATCH[5]}" TC_PG_PORT="${BASH_REMATCH[7]:-5432}"
}

sql_tool() {
  "$CLUSTER_HOME/temporal-sql-tool" --plugin postgres12 --endpoint "$TC_PG_HOST" --port "$TC_PG_PORT" \
    --user "$TC_PG_USER" --password "$TC_PG_PASSWORD" "$@"
}

# Creates a database and brings its schema to the newest version the release ships.
setup_database() {
  local db="$1" schema="$2" log="$3"
  { sql_tool --db "$db" create-database &&
    sql_tool --db "$db" setup-schema -v 0.0 &&
    sql_tool --db "$db" update-schema -d "$CLUSTER_HOME/schema/$schema/versioned"; } >>"$log" 2>&1 ||
    { say "schema setup of $db failed; see $log"; return 1; }
}

# Waits for the frontend to answer, naming the log when the server dies or hangs.
wait_until_serving() {
  local run="$1" address="$2" pid; pid="$(cat "$run/server.pid")"
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { say "temporal-server exited; its log:"; tail -c 2000 "$run/server.log" >&2; return 1; }
    "$TOOLS/bin/temporal" operator cluster health --address "$address" 2>/dev/null | grep -q SERVING && return 0
    sleep 0.5
  done
  say "temporal-server did not serve within 60 s; see $run/server.log"; return 1
}

# The namespace, then Casekeeper's search attributes (the same command operators run).
prepare_namespace() {
  local address="$1"
  "$TOOLS/bin/temporal" operator namespace create --address "$address" --namespace "$CLUSTER_NAMESPACE" --retention 72h >/dev/null
  # A new namespace reaches every service's cache within its refresh interval (2 s).
  for _ in $(seq 1 40); do
    if TEMPORAL_ADDRESS="$address" TEMPORAL_NAMESPACE="$CLUSTER_NAMESPACE" "$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/ops.ts" search-attributes >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  say "could not register the search attributes on $address"; return 1
}

cluster_start() {
  local run="$1"
  mkdir -p "$run"; run="$(cd "$run" && pwd)"
  local name; name="tc_$(basename "$run" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9_\n' '_')"
  parse_database_url "${TEST_DATABASE_URL:-${DATABASE_URL:?set TEST_DATABASE_URL or DATABASE_URL}}"
  export TC_DB="$name" TC_VISIBILITY_DB="${name}_visibility" TC_DYNAMIC_CONFIG="$ROOT/tools/temporal-cluster/dynamic-config.yaml"
  echo "$TC_DB $TC_VISIBILITY_DB" > "$run/databases" # before creating them, so stop drops what a failed start made
  setup_database "$TC_DB" temporal "$run/setup.log"
  setup_database "$TC_VISIBILITY_DB" visibility "$run/setup.log"
  # TC_FRONTEND_PORT, TC_FRONTEND_HTTP_PORT, ... as tools/temporal-cluster/cluster.yaml reads them.
  local names=(FRONTEND FRONTEND_HTTP FRONTEND_MEMBERSHIP HISTORY HISTORY_MEMBERSHIP MATCHING MATCHING_MEMBERSHIP WORKER WORKER_MEMBERSHIP METRICS) ports i
  read -r -a ports < <(node "$ROOT/tools/temporal-cluster/free-ports.mjs" ${#names[@]})
  for i in "${!names[@]}"; do export "TC_${names[$i]}_PORT=${ports[$i]}"; done
  echo "127.0.0.1:$TC_METRICS_PORT" > "$run/metrics-address"
  # Its own session: it outlives this script (stop ends it by its pid) and no terminal signal reaches it.
  setsid "$CLUSTER_HOME/temporal-server" --root "$ROOT" --config tools/temporal-cluster --env cluster --allow-no-auth start \
    >"$run/server.log" 2>&1 < /dev/null &
  echo $! > "$run/server.pid"
  local address="127.0.0.1:$TC_FRONTEND_PORT"
  # With an owner (a test run), the cluster goes when its owner does, even if killed mid-test.
  if [ -n "${CLUSTER_OWNER_PID:-}" ]; then
    setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; exec bash "$2" stop "$3"' _ \
      "$CLUSTER_OWNER_PID" "${BASH_SOURCE[0]}" "$run" >/dev/null 2>&1 < /dev/null &
  fi
  wait_until_serving "$run" "$address"
  prepare_namespace "$address"
  echo "$address"
}

cluster_stop() {
  local run="$1"
  if [ -f "$run/server.pid" ]; then
    local pid; pid="$(cat "$run/server.pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$run/server.pid"
  fi
  if [ -f "$run/databases" ]; then
    parse_database_url "${TEST_DATABASE_URL:-${DATABASE_URL:?set TEST_DATABASE_URL or DATABASE_URL}}"
    local db; for db in $(cat "$run/databases"); do sql_tool --db "$db" drop-database --force >/dev/null 2>&1 || true; done
    rm -f "$run/databases"
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    provision) temporal_cluster_provision ;;
    start) cluster_start "${2:?run directory}" ;;
    stop) cluster_stop "${2:?run directory}" ;;
    *) echo "usage: $0 provision | start <run-dir> | stop <run-dir>" >&2; exit 2 ;;
  esac
fi
