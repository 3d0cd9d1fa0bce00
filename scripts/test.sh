#!/usr/bin/env bash
# The README's test command: installs what is missing, builds every target, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
JOBS=${JOBS:-$(nproc)}

step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "native build (release) + unit, golden and screenshot tests"
cmake --preset native >/dev/null
cmake --build --preset native -j "$JOBS"
ctest --preset native -j "$JOBS"

step "WebAssembly build + native/WASM parity"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$JOBS"
node --test tests/wasm/

step "web: JS API in Node, the embed bundle, and real-browser tests (Debian chromium, strict CSP)"
node web/build.mjs
node --test web/tests/api.test.mjs web/tests/glyphs.test.mjs web/tests/browser.test.mjs

step "sanitizers: the unit tests under ASan + UBSan (debug preset)"
cmake --preset debug >/dev/null
cmake --build --preset debug -j "$JOBS"
ctest --preset debug -j "$JOBS" -E 'screenshot'  # the Xvfb screenshot already ran in the native step

step "fuzz smoke run: each libFuzzer target for 60 s (longer: scripts/fuzz.sh 600)"
bash scripts/fuzz.sh 60

echo
echo "test.sh: all tests passed"
