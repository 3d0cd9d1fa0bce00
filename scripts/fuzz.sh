#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan + UBSan) and runs each for SECONDS (default 60).
#   scripts/fuzz.sh            # the smoke run in the test command: 60 s per target
#   scripts/fuzz.sh 600        # the longer documented run: 10 minutes per target
# Seed corpora: the project's fixtures. Crashes are written to build/fuzz/artifacts/ and fail the run;
# each one found becomes a regression test in tests/robustness_test.cpp.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
TARGETS=(parser annotate jsonl json_reader)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "${TARGETS[@]/%/_fuzzer}"

OUT=build/fuzz
mkdir -p "$OUT/artifacts"
for t in "${TARGETS[@]}"; do
  corpus="$OUT/corpus-$t"
  mkdir -p "$corpus"
  cp tests/golden/*.txt "$corpus/"
  [ -d ../shared/seeds ] && cp ../shared/seeds/*.txt "$corpus/" 2>/dev/null || true
  if [ "$t" = jsonl ]; then  # records in the batch format, built from the fixtures
    for f in tests/golden/*.txt; do
      python3 -c 'import json,sys; print(json.dumps({"id": sys.argv[1], "text": open(sys.argv[1], encoding="utf-8", errors="replace").read()}))' "$f" \
        >"$corpus/$(basename "$f" .txt).jsonl"
    done
  fi
  log="$OUT/$t.log"
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s"
  if ! "$OUT/tests/fuzz/${t}_fuzzer" "$corpus" -dict=tests/fuzz/gloss.dict -max_len=200000 -timeout=10 \
      -rss_limit_mb=4096 -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 \
      -artifact_prefix="$OUT/artifacts/$t-" >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $t FAILED (artifacts in $OUT/artifacts)"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $t ok, $runs executions, no finding"
done
