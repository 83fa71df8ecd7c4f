# Shared helpers for the provisioning scripts: a named step that says what it is
# doing, how long it took, and on failure which step failed and what to try.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${CASEKEEPER_TOOLS_DIR:-$ROOT/.tools}" # overridable for the provisioning tests
DATA="$ROOT/.data"

say() { printf '[casekeeper] %s\n' "$*" >&2; }

# step NAME HINT CMD... : run CMD, timing it; on failure print NAME and HINT and exit.
step() {
  local name="$1" hint="$2"; shift 2
  local started=$SECONDS
  say "▶ $name"
  if "$@"; then
    say "✔ $name ($((SECONDS - started)) s)"
  else
    local rc=$?
    say "✘ $name failed (exit $rc) after $((SECONDS - started)) s"
    say "  what to do: $hint"
    exit "$rc"
  fi
}

# A stamp file records the input a cached artefact was made from, so a step
# reruns only when that input changes.
stamp_matches() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }
