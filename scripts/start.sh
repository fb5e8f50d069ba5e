#!/usr/bin/env bash
# The README's first command: install, build, and run the main job on 127.0.0.1.
source "$(dirname "$0")/lib.sh"
install_deps
log "building"
"${PNPM[@]}" turbo run build --output-logs=errors-only
log "starting on http://${HOST:-127.0.0.1}:${PORT:-4010}"
exec node apps/server/dist/cli.js "$@"
