#!/usr/bin/env bash
# `npm run temporal -- <args>`: the temporal CLI that provisioning installed (.tools/bin/temporal),
# so the README's `temporal workflow list …` works without it on the PATH.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/step.sh"
bin="$TOOLS/bin/temporal"
if [ ! -x "$bin" ]; then
  say "no temporal CLI at $bin yet: run 'npm run provision' (or 'npm start') first"
  exit 1
fi
exec "$bin" "$@"
