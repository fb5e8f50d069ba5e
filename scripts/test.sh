#!/usr/bin/env bash
# The README's second command: every check and test of the repository, the same as CI.
source "$(dirname "$0")/lib.sh"
install_deps
if grep -qs '"playwright-core"' packages/*/package.json apps/*/package.json; then
  ensure_chromium
fi
if [ -d apps/server ]; then
  ensure_postgres
fi
log "lint and format (biome)"
"${PNPM[@]}" exec biome ci .
log "generate, build, typecheck and test every package (turbo)"
"${PNPM[@]}" turbo run check:generated build typecheck test --concurrency=2 --output-logs=new-on-error
log "all checks passed"
