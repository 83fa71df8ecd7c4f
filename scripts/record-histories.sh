#!/usr/bin/env bash
# npm run histories:record: the same servers as the tests, then the recorder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
cd "$ROOT"
bash scripts/provision.sh --test
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  step "PostgreSQL test cluster" "see $PG_DIR/server.log" pg_start
  trap pg_stop EXIT
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
fi
npx tsx -e "require('./test/helpers/global-setup').default()"
npx tsx scripts/record-histories.ts
