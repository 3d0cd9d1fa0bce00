// The glyphs the browser draws up front (web/src/glyphs.js BASE) must include every non-ASCII character of
// the panel's own UI strings (core/panel/src), which no article text brings along: one missing would draw
// as U+FFFD in every panel. The demo document is article text, so it does not count.
// usage: node --test web/tests/glyphs.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE } from '../src/glyphs.js';
import { root } from './load.mjs';

// The code points above ASCII in the C++ string literals of `source` (comments dropped; \xNN escapes and
// raw UTF-8 both decoded).
function literalCodePoints(source) {
  const code = source.replace(/\/\/[^\n]*/g, '');
  const out = new Set();
  for (const [, body] of code.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
    const bytes = [];
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '\\' && body[i + 1] === 'x') {
        bytes.push(parseInt(body.slice(i + 2, i + 4), 16));
        i += 3;
      } else if (body[i] === '\\') {
        i += 1;
      } else {
        bytes.push(...Buffer.from(body[i]));
      }
    }
    for (const ch of Buffer.from(bytes).toString('utf8')) if (ch.codePointAt(0) > 0x7e) out.add(ch.codePointAt(0));
  }
  return out;
}

test("the panel's UI characters are in the glyph set drawn at mount", () => {
  const dir = path.join(root, 'core/panel/src');
  const inBase = (cp) => BASE.some(([lo, hi]) => cp >= lo && cp <= hi);
  const found = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpp') && f !== 'demo_document.cpp')) {
    for (const cp of literalCodePoints(readFileSync(path.join(dir, file), 'utf8'))) found.set(cp, file);
  }
  assert.ok(found.size >= 4, `the scan finds the UI symbols (${[...found.keys()].map((c) => c.toString(16))})`);
  const missing = [...found].filter(([cp]) => !inBase(cp)).map(([cp, file]) => `U+${cp.toString(16).toUpperCase()} (${file})`);
  assert.deepEqual(missing, [], 'add these to BASE in web/src/glyphs.js');
});
