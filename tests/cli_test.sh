#!/usr/bin/env bash
# The gloss CLI: outputs, exit codes and error messages. usage: cli_test.sh PATH_TO_GLOSS SOURCE_DIR
set -uo pipefail
GLOSS=$1 SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0 passed=0
check() {  # check NAME EXPECTED_STATUS STDERR_PATTERN -- command...
  local name=$1 want=$2 pattern=$3; shift 4
  "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
  if [ "$got" != "$want" ] || ! grep -qE "$pattern" "$TMP/err" "$TMP/out"; then
    echo "FAIL: $name (status $got, want $want; pattern '$pattern')"; cat "$TMP/err"; failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}
check "annotate a file" 0 '"schema":"gloss/1"' -- "$GLOSS" annotate "$SRC/tests/golden/01_port_strike.txt"
check "pretty" 0 '^  "schema": "gloss/1",' -- "$GLOSS" annotate --pretty "$SRC/tests/golden/01_port_strike.txt"
check "stdin" 0 '"format":"text"' -- sh -c "echo 'Plain words.' | '$GLOSS' annotate -"
check "missing file" 1 'cannot open' -- "$GLOSS" annotate "$TMP/nope.txt"
check "no input" 2 'no input file' -- "$GLOSS" annotate
check "unknown command" 2 'unknown command' -- "$GLOSS" frobnicate
check "unknown option" 2 'unknown option' -- "$GLOSS" annotate --bogus x
head -c 33554433 /dev/zero | tr '\0' 'a' >"$TMP/big.txt"
check "over the size limit" 1 'larger than the input limit' -- "$GLOSS" annotate "$TMP/big.txt"
printf '%s\n' '{"id":1,"text":"Hello."}' 'not json' '{"id":"x"}' '{"id":[2],"text":"Bye."}' >"$TMP/batch.jsonl"
check "jsonl with bad lines" 1 'line 2: bad record' -- "$GLOSS" annotate --jsonl "$TMP/batch.jsonl"
lines=$(wc -l <"$TMP/out")
if [ "$lines" != 4 ] || ! grep -q '"id":\[2\]' "$TMP/out"; then echo "FAIL: jsonl output lines ($lines)"; failures=$((failures + 1)); else passed=$((passed + 1)); fi
echo "$passed passed, $failures failed"
[ "$failures" = 0 ]
