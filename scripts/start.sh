#!/usr/bin/env bash
# Command 1 (npm start): provisions, then runs the whole system locally - Temporal dev
# server with its UI, the embedded database (or DATABASE_URL), the worker and the API.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
cd "$ROOT"
bash scripts/provision.sh
exec npx tsx scripts/dev.ts "$@"
