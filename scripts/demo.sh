#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, and annotates the bundled sample article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset native >/dev/null
cmake --build --preset native -j "$(nproc)" --target gloss
./build/native/native/gloss annotate --pretty tests/golden/01_port_strike.txt
