# The `temporal` CLI (dev server + UI) at $TOOLS/bin/temporal, in this order:
#   1. one already there that reports the wanted version (a release binary put there by hand);
#   2. a `temporal` on the PATH of that version, linked there;
#   3. built with `go install` (Go 1.25+, which CLI v1.5.1 requires).
# The binary's own `--version` is the proof, so a hand-placed binary needs no stamp file.
TEMPORAL_CLI_VERSION=v1.5.1
TEMPORAL_CLI_GO=1.25

# "temporal version 1.5.1 (Server …)" → 1.5.1; prints nothing for a binary that does not run.
temporal_version_of() { "$1" --version 2>/dev/null | awk '/^temporal version/ {print $3; exit}'; }

temporal_is_wanted() {
  local bin="$1" found
  [ -x "$bin" ] || return 1
  found="$(temporal_version_of "$bin")"
  [ "v$found" = "$TEMPORAL_CLI_VERSION" ] && return 0
  # Builds made before the version was stamped into the binary say 0.0.0-DEV; their stamp file says which.
  [ "$found" = "0.0.0-DEV" ] && stamp_matches "$(dirname "$bin")/temporal.version" "$TEMPORAL_CLI_VERSION"
}

# 0 when `go` is at least $TEMPORAL_CLI_GO ("go1.25.3" and "go1.26" both pass).
go_is_recent() {
  local have; have="$(go env GOVERSION 2>/dev/null | sed 's/^go//')"
  [ -n "$have" ] && [ "$(printf '%s\n%s\n' "$TEMPORAL_CLI_GO" "$have" | sort -V | head -1)" = "$TEMPORAL_CLI_GO" ]
}

temporal_cli() {
  local bin="$TOOLS/bin/temporal" on_path
  if temporal_is_wanted "$bin"; then say "  temporal CLI $TEMPORAL_CLI_VERSION is ready ($bin)"; return 0; fi
  on_path="$(command -v temporal || true)"
  if [ -n "$on_path" ] && [ "$on_path" != "$bin" ] && temporal_is_wanted "$on_path"; then
    mkdir -p "$TOOLS/bin"; ln -sfn "$on_path" "$bin"
    say "  using the temporal CLI $TEMPORAL_CLI_VERSION on the PATH ($on_path)"; return 0
  fi
  local found=""; [ -x "$bin" ] && found=" (the one at $bin reports '$(temporal_version_of "$bin")')"
  if ! command -v go >/dev/null 2>&1 || ! go_is_recent; then
    say "  No temporal CLI $TEMPORAL_CLI_VERSION$found, and no Go $TEMPORAL_CLI_GO+ to build one (found: $(go env GOVERSION 2>/dev/null || echo 'no go'))."
    say "  Either install Go $TEMPORAL_CLI_GO+ (https://go.dev/dl), or put the $TEMPORAL_CLI_VERSION release binary"
    say "  (https://github.com/temporalio/cli/releases/tag/$TEMPORAL_CLI_VERSION) at $bin or on the PATH, then rerun."
    return 1
  fi
  say "  building temporal CLI $TEMPORAL_CLI_VERSION with go install (a few minutes the first time; Go caches later builds)"
  mkdir -p "$TOOLS/bin"; rm -f "$bin"
  # The version goes into the binary, so `temporal --version` (checked above) can vouch for it.
  GOBIN="$TOOLS/bin" GOFLAGS=-buildvcs=false go install \
    -ldflags "-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION#v}" \
    "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
  temporal_is_wanted "$bin"
}
