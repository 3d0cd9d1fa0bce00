// The JS API in Node (web/src/api.js over the WebAssembly core): same bytes as the native CLI in all
// three formats on every fixture, errors as JS Errors that leave the module usable, and W3C/displaCy
// selectors that re-anchor in JS strings, with emoji and other non-BMP text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadApi, root, cli } from './load.mjs';

const api = loadApi();
const goldenDir = path.join(root, 'tests/golden');
const fixtures = readdirSync(goldenDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(goldenDir, f));

for (const file of fixtures) {
  for (const format of ['gloss', 'w3c', 'displacy']) {
    test(`JS API ${format} equals the native CLI: ${path.basename(file)}`, () => {
      // As the file's bytes (always, invalid UTF-8 too), and as a JS string when the file is valid UTF-8.
      const bytes = readFileSync(file);
      const text = bytes.toString('utf8');
      const native = execFileSync(cli, ['annotate', `--format=${format}`, file]).toString('utf8');
      assert.equal(api.annotateJson(new Uint8Array(bytes), { format }) + '\n', native, 'from bytes');
      if (Buffer.from(text, 'utf8').equals(bytes)) assert.equal(api.annotateJson(text, { format }) + '\n', native, 'from a string');
    });
  }
}

test('start16/end16 index the JS string (emoji, Cyrillic, combining marks)', () => {
  const text = 'Ivan Petrov 😀 said "we will win" in Москва on Tuesday. Zoë 👋🏽 met 𝔘𝔫𝔦 Angela Merkel.';
  const doc = api.annotate(text);
  const spans = [...doc.sentences, ...doc.paragraphs, ...doc.entities, ...doc.quotes];
  assert.ok(spans.length >= 2);
  for (const s of spans) assert.equal(text.slice(s.start16, s.end16), s.text);
});

const NON_BMP = [
  '😀 Niek Stam said "we go on" in Rotterdam. 🇳🇱🇳🇱 Mark Rutte met Angela Merkel in Berlin on Friday.',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢: "Ми будемо боротися," сказав Володимир Зеленський у Києві 👋🏽 у вівторок.',
  readFileSync(path.join(goldenDir, '01_port_strike.txt'), 'utf8').replace(/Rotterdam/g, 'Rotterdam 🚢'),
];

test('W3C selectors re-anchor in the text (code points), around non-BMP characters', () => {
  for (const text of NON_BMP) {
    const cps = Array.from(text);
    const out = api.toW3C(text, { source: 'https://news.example/a' });
    assert.equal(out['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(out.type, 'AnnotationPage');
    assert.equal(out.partOf.total, out.items.length);
    for (const a of out.items) {
      assert.equal(a.target.source, 'https://news.example/a');
      const [quote, position] = a.target.selector;
      assert.equal(quote.type, 'TextQuoteSelector');
      assert.equal(position.type, 'TextPositionSelector');
      assert.equal(cps.slice(position.start, position.end).join(''), quote.exact);
      assert.equal(cps.slice(position.start - Array.from(quote.prefix).length, position.start).join(''), quote.prefix);
      assert.equal(cps.slice(position.end, position.end + Array.from(quote.suffix).length).join(''), quote.suffix);
      // Re-anchoring from the quote alone finds the same place (prefix + exact + suffix is unique here).
      const at = text.indexOf(quote.prefix + quote.exact + quote.suffix);
      assert.ok(at >= 0);
      assert.equal(Array.from(text.slice(0, at + quote.prefix.length)).length, position.start);
    }
  }
});

test('displaCy manual format: offsets in code points of each field', () => {
  for (const text of NON_BMP) {
    const docs = api.toDisplacy(text);
    const gloss = api.annotate(text);
    let ents = 0;
    for (const d of docs) {
      const cps = Array.from(d.text);
      for (const e of d.ents) {
        ents++;
        const match = gloss.entities.find((g) => g.field === d.title && g.text === cps.slice(e.start, e.end).join(''));
        assert.ok(match, `${d.title}: ${cps.slice(e.start, e.end).join('')}`);
        assert.equal(match.type, e.label);
      }
    }
    assert.equal(ents, gloss.entities.length);
  }
});

test('bad input: a JS Error with the core message, and the module stays usable', () => {
  assert.throws(() => api.annotate('x'.repeat(32 * 1024 * 1024 + 1)), (e) => e instanceof Error && /limit/.test(e.message));
  assert.throws(() => api.annotate(42), TypeError);
  assert.throws(() => api.annotateJson('x', { format: 'rdf' }), /unknown format/);
  assert.equal(api.annotate('Still working.').sentences.length, 1);
});

test('lone surrogates keep the UTF-16 offsets aligned (each is one U+FFFD)', () => {
  const text = 'A \ud800 B said "yes" in Paris.';
  const doc = api.annotate(text);
  for (const s of doc.sentences) assert.equal(s.end16 - s.start16, s.text.length);
});

test('a trap inside the module becomes an Error, and the next call runs on a fresh instance', () => {
  const broken = api.module();
  broken._gloss_annotate = () => { throw new WebAssembly.RuntimeError('unreachable (simulated trap)'); };
  assert.throws(() => api.annotate('Boom.'), (e) => e instanceof Error && /restarted/.test(e.message));
  assert.notEqual(api.module(), broken);
  assert.equal(api.annotate('Working again in Paris.').sentences.length, 1);
});
