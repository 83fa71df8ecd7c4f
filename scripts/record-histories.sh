#!/usr/bin/env bash
# npm run histories:record: the same servers as the tests, then the recorder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
cd "$ROOT"
bash scripts/provision.sh --test
use_test_database
npx tsx -e "require('./test/helpers/global-setup').default()"
npx tsx scripts/record-histories.ts "$@"
