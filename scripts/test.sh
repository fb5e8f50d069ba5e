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
results="$(mktemp)"
# Full logs (tee'd) so the closing totals below can be counted from every package's vitest.
set +e
FORCE_COLOR=0 "${PNPM[@]}" turbo run check:generated build typecheck test --concurrency=2 \
  --output-logs=full 2>&1 | tee "$results"
status=${PIPESTATUS[0]}
set -e
node scripts/test-totals.mjs "$results"
rm -f "$results"
[ "$status" = 0 ] || { echo "some checks failed (turbo exit $status)" >&2; exit "$status"; }
log "all checks passed"
