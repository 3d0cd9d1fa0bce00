// Every name in wasm/exports.txt is exported by the built module and callable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from './load_core.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const core = await loadCore(process.env.GLOSS_WASM_DIR ?? path.join(root, 'build/wasm/wasm'));

test('every export in wasm/exports.txt is a function of the module', () => {
  const names = readFileSync(path.join(root, 'wasm/exports.txt'), 'utf8').split('\n').filter((l) => l.startsWith('_'));
  assert.ok(names.length >= 5);
  for (const name of names) assert.equal(typeof core.module[name], 'function', name);
  assert.equal(core.module.UTF8ToString(core.module._gloss_version()), 'gloss/1');
});

test('a broken limit is an error object and the module stays usable', () => {
  const big = Buffer.alloc(32 * 1024 * 1024 + 1, 0x61);
  const bad = core.annotate(big);
  assert.equal(bad.ok, false);
  assert.match(JSON.parse(bad.json.toString('utf8')).error.message, /limit/);
  const good = core.annotate(Buffer.from('Still working.'));
  assert.equal(good.ok, true);
  assert.equal(JSON.parse(good.json.toString('utf8')).sentences.length, 1);
});
