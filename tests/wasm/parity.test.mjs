// Native/WASM parity: the WebAssembly core, run under Node, must give byte-identical JSON to the
// native CLI and to the checked-in golden files, for every fixture.
// usage: node --test tests/wasm/parity.test.mjs   (env GLOSS_WASM_DIR, GLOSS_CLI)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load_core.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wasmDir = process.env.GLOSS_WASM_DIR ?? path.join(root, 'build/wasm/wasm');
const cli = process.env.GLOSS_CLI ?? path.join(root, 'build/native/native/gloss');
const goldenDir = path.join(root, 'tests/golden');
const seedDir = path.join(root, '../shared/seeds');

const fixtures = readdirSync(goldenDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(goldenDir, f));
if (existsSync(seedDir)) {
  for (const f of readdirSync(seedDir).filter((f) => f.endsWith('.txt'))) fixtures.push(path.join(seedDir, f));
}
const core = await loadCore(wasmDir);

test('there are fixtures', () => assert.ok(fixtures.length >= 5, `only ${fixtures.length} fixtures`));

for (const file of fixtures) {
  test(`parity: ${path.basename(file)}`, () => {
    const bytes = readFileSync(file);
    const wasmPretty = core.annotate(bytes, true);
    assert.ok(wasmPretty.ok);
    const expected = file.replace(/\.txt$/, '.expected.json');
    if (existsSync(expected)) {
      assert.equal(wasmPretty.json.toString('utf8') + '\n', readFileSync(expected, 'utf8'), 'WASM vs golden');
    }
    const native = execFileSync(cli, ['annotate', file], { maxBuffer: 1 << 28 });
    const wasm = core.annotate(bytes, false);
    assert.ok(Buffer.concat([wasm.json, Buffer.from('\n')]).equals(native), 'WASM vs native CLI bytes differ');
  });
}

test('parity: JSON-lines records, including a bad one (exit status 1, output per line)', () => {
  const lines = [
    JSON.stringify({ id: 7, text: 'Ivan Petrov said "hello" in Москва on Tuesday. 😀' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: { nested: [1, 2.5, null] }, text: readFileSync(fixtures[0], 'utf8') }),
  ];
  let stdout;
  try {
    execFileSync(cli, ['annotate', '--jsonl', '-'], { input: lines.join('\n') + '\n', stdio: ['pipe', 'pipe', 'ignore'] });
    assert.fail('the CLI should exit non-zero when a line is bad');
  } catch (e) {
    assert.equal(e.status, 1);
    stdout = e.stdout.toString('utf8');
  }
  const wasm = lines.map((l) => core.annotateLine(Buffer.from(l)));
  assert.deepEqual(wasm.map((r) => r.ok), [true, false, true]);
  assert.equal(wasm.map((r) => r.json.toString('utf8')).join('\n') + '\n', stdout);
});
