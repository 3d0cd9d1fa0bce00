#!/usr/bin/env bash
# The benchmark suite (not part of the tests): builds native + WASM, installs the peer libraries from
# npm, and prints one table with Gloss beside compromise and wink-nlp. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
bash scripts/setup.sh >/dev/null
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cmake --preset native >/dev/null && cmake --build --preset native -j "$(nproc)" >/dev/null
cmake --preset wasm >/dev/null && cmake --build --preset wasm -j "$(nproc)" >/dev/null
cmake --build --preset native -j "$(nproc)" --target gloss_bench gloss_panel_bench >/dev/null
cmake --build --preset wasm -j "$(nproc)" --target gloss_web >/dev/null && node web/build.mjs >/dev/null
[ -d bench/peers/node_modules ] || (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p build/bench
echo "bench: native core (gloss_bench)";            build/native/bench/gloss_bench | tee build/bench/gloss_bench.txt
echo; echo "bench: panel frame cost (gloss_panel_bench)"; build/native/bench/gloss_panel_bench | tee build/bench/panel_bench.txt
echo; echo "bench: browser (web/bench/run.mjs)";       node web/bench/run.mjs | tee build/bench/web_bench.txt
echo; echo "bench: Gloss beside its peers (bench/peers/run.mjs)"
node bench/peers/run.mjs 2> build/bench/peers-stderr.log
