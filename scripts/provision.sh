#!/usr/bin/env bash
# Installs everything Casekeeper needs, idempotently and cached under .tools/:
#   npm dependencies, the `temporal` CLI (dev server + UI), and - with --test -
#   the time-skipping test server, PostgreSQL binaries and Chromium.
# Usage: scripts/provision.sh [--test]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/temporal-cluster.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/temporal-cli.sh"

FOR_TESTS=0
[ "${1:-}" = "--test" ] && FOR_TESTS=1

npm_deps() {
  local want; want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if stamp_matches "$ROOT/node_modules/.casekeeper-lock" "$want"; then say "  npm dependencies are current"; return 0; fi
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$ROOT/node_modules/.casekeeper-lock"
}

test_server() {
  local dir="$TOOLS/test-server" pom="$ROOT/tools/test-server/pom.xml"
  local want; want="$(sha256sum "$pom" "$ROOT/tools/test-server/test-server.sh" | sha256sum | cut -d' ' -f1)"
  if [ -x "$dir/test-server" ] && stamp_matches "$dir/.stamp" "$want"; then say "  test server is ready"; return 0; fi
  command -v java >/dev/null && command -v mvn >/dev/null || {
    say "  Java 17+ and Maven are needed for Temporal's time-skipping test server (apt-get install openjdk-17-jdk-headless maven)"; return 1; }
  rm -rf "$dir"; mkdir -p "$dir" "$TOOLS"
  # Maven's own output goes to a log, shown only when it fails.
  mvn -q -B -Dstyle.color=never -f "$pom" dependency:copy-dependencies -DoutputDirectory="$dir/lib" -DincludeScope=runtime >"$TOOLS/maven.log" 2>&1 || {
    cat "$TOOLS/maven.log" >&2; return 1; }
  install -m 0755 "$ROOT/tools/test-server/test-server.sh" "$dir/test-server"
  # A class-data-sharing archive cuts JVM start from ~0.9 s to ~0.3 s, well inside
  # sdk-core's 5 s connect window on two cores. Made once by a start/stop.
  "$dir/test-server" --make-archive
  echo "$want" > "$dir/.stamp"
}

# As root with apt (CI, Debian machines) install a Debian package; elsewhere explain.
apt_install_or_explain() {
  local package="$1"; shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    local line; for line in "$@"; do say "  $line"; done
    return 1
  fi
}

postgres_binaries() {
  if [ -x "$(pg_bindir)/initdb" ]; then say "  PostgreSQL $("$(pg_bindir)/postgres" --version | awk '{print $3}') is installed"; return 0; fi
  apt_install_or_explain postgresql \
    "PostgreSQL server binaries (initdb, pg_ctl) are missing. Install PostgreSQL 14+ (Debian/Ubuntu:" \
    "'sudo apt-get install postgresql'; macOS: 'brew install postgresql'), or set DATABASE_URL to a server you run."
}

chromium_browser() {
  local bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ -x "$bin" ]; then say "  Chromium is installed ($bin)"; return 0; fi
  apt_install_or_explain chromium \
    "The Temporal UI browser test needs Chromium at $bin (Debian/Ubuntu: 'sudo apt-get install chromium';" \
    "elsewhere set CHROMIUM_PATH to a Chromium or Chrome binary)."
}

pg_bindir() {
  local d; for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null && dirname "$(command -v initdb)" || echo /nonexistent
}

# Built ahead so a (re)started worker loads it instead of bundling for seconds (worker/workflow-bundle.ts).
build_workflow_bundle() { "$ROOT/node_modules/.bin/tsx" "$ROOT/scripts/build-workflow-bundle.ts"; }

step "npm dependencies (npm ci)" "check the network to the npm registry; delete node_modules and rerun" npm_deps
step "temporal CLI $TEMPORAL_CLI_VERSION" "see the message above; a Go build needs the Go module proxy" temporal_cli
step "workflow bundle" "fix the workflow code's build error above" build_workflow_bundle
if [ "$FOR_TESTS" = 1 ]; then
  step "temporal-server $TEMPORAL_SERVER_VERSION for the cluster suite" "a Go build needs Go and the Go module proxy; delete .tools/temporal-server and rerun" temporal_cluster_provision
  step "time-skipping test server (Maven)" "needs Java 17+ and Maven reaching Maven Central; delete .tools/test-server and rerun" test_server
  if [ -z "${DATABASE_URL:-}" ]; then
    step "PostgreSQL server binaries" "install PostgreSQL or set DATABASE_URL" postgres_binaries
  fi
  step "Chromium for the Temporal UI test" "install Chromium or set CHROMIUM_PATH" chromium_browser
  source "$(dirname "${BASH_SOURCE[0]}")/lib/promtool.sh" && step "promtool (alert rule tests)" "install the prometheus package or set PROMTOOL_PATH" promtool_binary
fi
