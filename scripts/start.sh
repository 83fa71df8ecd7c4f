#!/usr/bin/env bash
# Command 1 (npm start): provisions, then runs the whole system locally - Temporal dev
# server with its UI, the embedded database (or DATABASE_URL), the worker and the API.
# The launcher replaces this shell (exec) and runs in one Node process with the TypeScript
# loader, so a SIGTERM or SIGINT that npm passes on reaches it directly and it stops
# everything it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
cd "$ROOT"
bash scripts/provision.sh
exec node --import tsx scripts/dev.ts "$@"
