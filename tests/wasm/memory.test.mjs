// The module's memory over repeated calls: wasm/small_alloc.cpp hands freed blocks out again, so annotating
// the same articles again neither grows the heap nor changes a byte of the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load_core.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const core = await loadCore(process.env.GLOSS_WASM_DIR ?? path.join(root, 'build/wasm/wasm'));
const articles = [path.join(root, 'tests/golden'), path.join(root, 'bench/corpus')].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f))));

test('repeated calls reuse the heap and give the same output', () => {
  assert.ok(articles.length >= 10);
  const first = articles.map((bytes) => core.annotate(bytes).json.toString('utf8'));
  const heapBefore = core.module.HEAPU8.length;
  for (let round = 0; round < 20; round++) {
    articles.forEach((bytes, i) => assert.equal(core.annotate(bytes).json.toString('utf8'), first[i]));
  }
  assert.equal(core.module.HEAPU8.length, heapBefore, 'heap grew over 20 rounds');
});
