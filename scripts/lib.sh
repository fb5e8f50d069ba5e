# Shared bootstrap for the README's two commands. Sourced, not run.
# A fresh machine has only Node 20 and npm: install what is missing, never download a browser.
set -euo pipefail
export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1
export STORYBOOK_DISABLE_TELEMETRY=1
PNPM_VERSION=12.4.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
    PNPM=(pnpm)
    return
  fi
  log "installing pnpm $PNPM_VERSION with npm"
  if npm install --global --silent "pnpm@$PNPM_VERSION" >/dev/null 2>&1 && command -v pnpm >/dev/null 2>&1 \
     && [ "$(pnpm --version)" = "$PNPM_VERSION" ]; then
    PNPM=(pnpm)
  else
    # No rights to install globally: run it through npx every time instead.
    PNPM=(npx --yes "pnpm@$PNPM_VERSION")
  fi
}

install_deps() {
  ensure_pnpm
  # No network: native addons (better-sqlite3) compile against Node's own headers instead of
  # letting node-gyp download them.
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
    export npm_config_nodedir=/usr
  fi
  log "installing dependencies (pnpm install --frozen-lockfile)"
  "${PNPM[@]}" install --frozen-lockfile --reporter=append-only
}

# Debian's chromium for browser tests; tools never download their own browser here.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return; fi
  log "installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and this user cannot install it: apt-get install chromium" >&2
    return 1
  fi
}

# Debian's PostgreSQL for the server's storage tests (the tests start and stop it themselves).
ensure_postgres() {
  if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return; fi
  log "installing Debian's postgresql"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "postgresql is missing and this user cannot install it: apt-get install postgresql" >&2
    return 1
  fi
}
