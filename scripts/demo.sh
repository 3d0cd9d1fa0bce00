#!/usr/bin/env bash
# The README's main command: installs what is missing, builds native + WebAssembly + web, annotates the
# bundled sample article with the CLI, then serves the demo pages on http://127.0.0.1:PORT (default 8080)
# until Ctrl-C: the sample article in the ImGui panel, and a news page carrying the one-tag embed.
#   bash scripts/demo.sh            # serve in the foreground
#   bash scripts/demo.sh --check    # serve, fetch the pages and assets, stop (non-interactive check)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
PORT=${PORT:-8080}
bash scripts/setup.sh
cmake --preset native >/dev/null
cmake --build --preset native -j "$(nproc)" --target gloss
./build/native/native/gloss annotate --pretty tests/golden/01_port_strike.txt
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$(nproc)" --target gloss_web
node web/build.mjs
if [ "${1:-}" = "--check" ]; then
  exec node web/server.mjs --port 0 --check
fi
exec node web/server.mjs --port "$PORT"
