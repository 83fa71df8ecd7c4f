#!/usr/bin/env bash
# npm run bench [-- flags]: provisions like the test command (temporal CLI, PostgreSQL
# binaries), uses TEST_DATABASE_URL / DATABASE_URL or starts the private PostgreSQL
# cluster (CASEKEEPER_TEST_PG_PORT picks its port), then runs bench/main.ts, which
# starts its own Temporal dev server unless TEMPORAL_ADDRESS is set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/step.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/postgres.sh"
cd "$ROOT"

bash scripts/provision.sh --test
use_test_database

# The bench uses no Maven test server, but provisioning for tests is what brings
# PostgreSQL's binaries; that step is cached after the first run.
npx tsx bench/main.ts "$@"
