# promtool, for the alert-rule tests (test/unit/monitoring-rules.test.ts): the real one
# from Debian's `prometheus` package. Sourced by scripts/provision.sh (--test).
# As root with apt it is installed without the package's recommends (no node exporter);
# elsewhere one line says what to install.
promtool_binary() {
  local bin="${PROMTOOL_PATH:-promtool}"
  if command -v "$bin" >/dev/null; then say "  promtool is installed ($("$bin" --version 2>&1 | head -1))"; return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
  else
    say "  promtool is missing: install Debian's 'prometheus' package (sudo apt-get install --no-install-recommends prometheus) or set PROMTOOL_PATH"
    return 1
  fi
}
