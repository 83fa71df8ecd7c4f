#!/usr/bin/env bash
# The one test command (npm test): provisions, type-checks, lints, then runs every
# suite - unit, workflow (time-skipping server), integration (dev server + PostgreSQL).
# Its last line is the plain count `tests: N passed, N failed`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
cd "$ROOT"

bash scripts/provision.sh --test

use_test_database

step "type-check (tsc)" "fix the type errors above" npx tsc --noEmit -p tsconfig.json
step "lint (eslint)" "fix the lint errors above" npx eslint .

mkdir -p "$DATA/test"
results="$DATA/test/jest-results.json"
rm -f "$results"
started=$SECONDS
set +e
npx jest --runInBand --forceExit --json --outputFile="$results" "$@"
rc=$?
set -e
say "jest finished in $((SECONDS - started)) s"
if [ -f "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    console.log(`tests: ${r.numPassedTests} passed, ${failed} failed`);
  ' "$results"
else
  echo "tests: 0 passed, 1 failed"
fi
exit "$rc"
