# A private PostgreSQL cluster for the test command, on a loopback port, one per port so a
# bench and the tests can run side by side. As root (CI) it runs as the `postgres` user, as
# initdb requires - and that user cannot enter a clone in a private folder (root's mode-700
# home), so as root its data lives under /var/tmp instead, named by a hash of the project's
# path; otherwise under .data/pg-test-<port>.
PG_PORT="${CASEKEEPER_TEST_PG_PORT:-55432}"
if [ "$(id -u)" = 0 ]; then
  PG_DIR="${CASEKEEPER_PG_PARENT:-/var/tmp}/casekeeper-pg-$(printf %s "$ROOT" | sha256sum | cut -c1-12)-$PG_PORT"
else
  PG_DIR="$DATA/pg-test-$PG_PORT"
fi

pg_bindir() {
  local d; for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && dirname "$(command -v initdb)" || echo /nonexistent
}

as_pg_owner() {
  # From /: postgres may not enter the current folder (a private clone).
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_start() {
  local bin; bin="$(pg_bindir)"
  mkdir -p "$DATA"
  # Under /var/tmp anyone can make a folder: one this name that postgres does not own is not ours.
  if [ -e "$PG_DIR" ] && [ "$(stat -c %U "$PG_DIR")" != "$(id -un)" ] && [ "$(stat -c %U "$PG_DIR")" != postgres ]; then rm -rf "$PG_DIR"; fi
  if [ ! -f "$PG_DIR/PG_VERSION" ]; then
    rm -rf "$PG_DIR"; mkdir -p -m 700 "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
    as_pg_owner "$bin/initdb" -D "$PG_DIR" -U postgres --auth=trust --no-sync -E UTF8 >/dev/null
  fi
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
  as_pg_owner "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1 && as_pg_owner "$bin/pg_ctl" -D "$PG_DIR" stop -m fast >/dev/null 2>&1
  # Tests create and drop many small databases: durability is not needed here.
  as_pg_owner "$bin/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 start \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
}

pg_stop() {
  local bin; bin="$(pg_bindir)"
  [ -f "$PG_DIR/PG_VERSION" ] && as_pg_owner "$bin/pg_ctl" -D "$PG_DIR" stop -m fast >/dev/null 2>&1 || true
}

# Points TEST_DATABASE_URL at a PostgreSQL for the tests: the one given, DATABASE_URL,
# or the private cluster (started here and stopped when the calling script exits).
use_test_database() {
  [ -n "${TEST_DATABASE_URL:-}" ] && return 0
  if [ -n "${DATABASE_URL:-}" ]; then
    export TEST_DATABASE_URL="$DATABASE_URL"
    return 0
  fi
  step "PostgreSQL test cluster on 127.0.0.1:$PG_PORT" "see $PG_DIR/server.log" pg_start
  trap pg_stop EXIT
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}
