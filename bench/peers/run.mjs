// Gloss against the tools people would pick instead, in one run, on the same text.
// usage: node bench/peers/run.mjs   (scripts/bench.sh builds everything first and runs this)
// Prints a Markdown table. Every throughput figure: warm-up pass, then the median of RUNS passes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const RUNS = 5;
const CLI = process.env.GLOSS_CLI ?? path.join(root, 'build/native/native/gloss');
const WASM_DIR = process.env.GLOSS_WASM_DIR ?? path.join(root, 'build/wasm/wasm');
const OUT = path.join(root, 'build/bench');
mkdirSync(OUT, { recursive: true });

const MB = 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, digits = 2) => (x >= 100 ? x.toFixed(0) : x.toFixed(digits));

// [SECTION] Corpus: plain-text news articles made from the project's own sample articles (their body
// paragraphs, as the native parser reads them), repeated up to the size each tool is given.
function articles() {
  const dirs = [path.join(root, 'tests/golden'), path.join(root, 'bench/corpus')].filter(existsSync);
  const texts = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const doc = JSON.parse(execFileSync(CLI, ['annotate', path.join(dir, f)]).toString('utf8'));
      const body = doc.paragraphs.map((p) => p.text).join('\n\n');
      if (body.length > 200) texts.push(body);
    }
  }
  return texts;
}
const base = articles();
function corpus(bytes) {
  const docs = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = base[i % base.length];
    docs.push(t);
    size += Buffer.byteLength(t);
  }
  return { docs, size };
}

function throughput(fn, { docs, size }) {
  for (const d of docs) fn(d); // warm-up
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (const d of docs) fn(d);
    times.push((performance.now() - t0) / 1000);
  }
  return size / MB / median(times);
}

// [SECTION] The tools
const { loadCore } = await import(path.join(root, 'tests/wasm/load_core.mjs'));
const gloss = await loadCore(WASM_DIR);
const glossAnnotate = (t) => JSON.parse(gloss.annotate(Buffer.from(t)).json.toString('utf8'));
const nlp = (await import('compromise')).default;
const compromiseAnnotate = (t) => {
  const d = nlp(t);
  return [d.people().json(), d.places().json(), d.organizations().json(), d.quotations().json()];
};
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');
const wink = winkNLP(winkModel);
const winkAnnotate = (t) => wink.readDoc(t).entities().out(wink.its.detail);

// [SECTION] Throughput
const rows = [];
const big = corpus(8 * MB);
writeFileSync(path.join(OUT, 'corpus.jsonl'), big.docs.map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n');
const nativeTimes = [];
// The CLI's output goes to /dev/null: read back through a pipe, Node's buffering of the ~25 MB of JSON
// took a third of the time (0.28 s instead of 0.19 s), which is not the CLI's work.
const toNull = { stdio: ['ignore', 'ignore', 'inherit'] };
execFileSync(CLI, ['annotate', '--jsonl', path.join(OUT, 'corpus.jsonl')], toNull); // warm-up
for (let r = 0; r < RUNS; r++) {
  const t0 = performance.now();
  execFileSync(CLI, ['annotate', '--jsonl', path.join(OUT, 'corpus.jsonl')], toNull);
  nativeTimes.push((performance.now() - t0) / 1000);
}
const nativeMBs = big.size / MB / median(nativeTimes);
const wasmMBs = throughput(glossAnnotate, big);
// The same work as the native CLI row (text in, gloss/1 JSON text out), without the JS object.
const wasmJsonMBs = throughput((t) => gloss.annotate(Buffer.from(t)).json, big);
// annotate() alone, no JSON written, on gloss_bench's input: the raw files of tests/golden and bench/corpus
// (headline, dateline, body, related titles), repeated to 8 MB, timed in process CPU time as gloss_bench
// does. The texts are copied into the heap first, so the loop times the call only.
const rawFiles = [path.join(root, 'tests/golden'), path.join(root, 'bench/corpus')].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(dir, f))));
const heapDocs = rawFiles.map((bytes) => {
  const ptr = gloss.module._malloc(bytes.length);
  if (!ptr) throw new Error('gloss bench: out of WASM memory');
  gloss.module.HEAPU8.set(bytes, ptr);
  return [ptr, bytes.length];
});
const rawBytes = rawFiles.reduce((sum, b) => sum + b.length, 0);
const rounds = Math.ceil(8 * MB / rawBytes);
const annotateRounds = () => {
  for (let r = 0; r < rounds; r++) {
    for (const [ptr, n] of heapDocs) {
      if (gloss.module._gloss_bench_annotate(ptr, n) < 0) throw new Error('gloss_bench_annotate failed');
    }
  }
};
annotateRounds(); // warm-up
const coreTimes = [];
for (let r = 0; r < RUNS; r++) {
  const t0 = process.cpuUsage();
  annotateRounds();
  const used = process.cpuUsage(t0);
  coreTimes.push((used.user + used.system) / 1e6);
}
const wasmCoreMBs = rounds * rawBytes / MB / median(coreTimes);
for (const [ptr] of heapDocs) gloss.module._free(ptr);
const winkMBs = throughput(winkAnnotate, corpus(2 * MB));
const compromiseMBs = throughput(compromiseAnnotate, corpus(0.3 * MB));
rows.push(['Throughput, native CLI (`annotate --jsonl`, incl. JSON out to /dev/null), MB/s', fmt(nativeMBs), '–', '–', '']);
rows.push(['Throughput, WASM in Node (annotate → gloss/1 JSON text), MB/s', fmt(wasmJsonMBs), '–', '–', '≥ ½ native']);
rows.push(['… WASM / native CLI (the same work: text in, JSON text out)', `${fmt(wasmJsonMBs / nativeMBs)}`, '', '', '≥ 0.5']);
rows.push(['Throughput, in Node (annotate → JS object, incl. JSON.parse), MB/s', fmt(wasmMBs), fmt(compromiseMBs, 3), fmt(winkMBs), '']);
rows.push(['… Gloss ratio to the peer', '1×', `${fmt(wasmMBs / compromiseMBs, 0)}×`, `${fmt(wasmMBs / winkMBs, 1)}×`, '']);

// [SECTION] Start-up: a fresh Node process each, timing load + init + first annotate of one sentence.
function startup(script) {
  const ms = [];
  for (let r = 0; r < RUNS; r++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(out.stderr);
    ms.push(Number(out.stdout.trim()));
  }
  return median(ms);
}
const sentence = 'Angela Merkel met Emmanuel Macron in Paris on Tuesday.';
const glossStart = startup(`
  import { readFileSync } from 'node:fs'; import { createRequire } from 'node:module';
  const require = createRequire(${JSON.stringify(path.join(here, 'x.js'))});
  const wasmBinary = readFileSync(${JSON.stringify(path.join(WASM_DIR, 'gloss_core.wasm'))}); // "fetched"
  const t0 = performance.now();
  const m = await require(${JSON.stringify(path.join(WASM_DIR, 'gloss_core.js'))})({ wasmBinary });
  const b = new TextEncoder().encode(${JSON.stringify(sentence)}); const p = m._malloc(b.length); m.HEAPU8.set(b, p);
  m._gloss_annotate(p, b.length, 0);
  console.log(performance.now() - t0);`);
const compromiseStart = startup(`
  const t0 = performance.now(); const nlp = (await import('compromise')).default;
  nlp(${JSON.stringify(sentence)}).people().json(); console.log(performance.now() - t0);`);
const winkStart = startup(`
  import { createRequire } from 'node:module'; const require = createRequire(import.meta.url + '/../x.js');
  const t0 = performance.now(); const w = require('wink-nlp')(require('wink-eng-lite-web-model'));
  w.readDoc(${JSON.stringify(sentence)}).entities().out(); console.log(performance.now() - t0);`);
rows.push(['Start-up: load + init + first call, ms', fmt(glossStart, 1), fmt(compromiseStart, 1), fmt(winkStart, 1), '< 50']);

// [SECTION] Transfer size after gzip -9 of what a browser loads.
const gz = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const dist = path.join(root, 'web/dist');
// What the one-tag embed loads: web/dist's script, module and stylesheet (the browser draws the glyphs).
const glossFiles = ['gloss-embed.js', 'gloss.wasm', 'gloss-embed.css'].map((f) => path.join(dist, f));
const esbuild = path.join(here, 'node_modules/.bin/esbuild');
execFileSync(esbuild, ['--bundle', '--minify', '--format=iife', '--global-name=winkBundle', `--outfile=${OUT}/wink-bundle.js`,
  '--log-level=error', path.join(here, 'wink-entry.cjs')]);
// KB = 1000 bytes (as the issue's figures and browsers' network panels count).
const kb = (files) => (gz(files) / 1000).toFixed(1);
rows.push(['Browser payload (everything the embed loads), KB gzip', kb(glossFiles),
  kb([path.join(here, 'node_modules/compromise/builds/compromise.js')]), kb([path.join(OUT, 'wink-bundle.js')]), '< 400']);

// [SECTION] Memory: WASM heap after the corpus, and across 10,000 repeated calls.
const heapAfterCorpus = gloss.module.HEAPU8.length;
const sample = Buffer.from(base[0]);
for (let i = 0; i < 100; i++) gloss.annotate(sample);
const heapBefore = gloss.module.HEAPU8.length;
for (let i = 0; i < 10000; i++) gloss.annotate(sample);
const heapAfter = gloss.module.HEAPU8.length;
rows.push(['WASM heap after the corpus, MB', fmt(heapAfterCorpus / MB, 1), '', '', '']);
rows.push(['WASM heap growth over 10,000 calls, bytes', String(heapAfter - heapBefore), '', '', '0']);
const rss = spawnSync('/usr/bin/time', ['-f', '%M', CLI, 'annotate', '--jsonl', path.join(OUT, 'corpus.jsonl')], { maxBuffer: 1 << 30, encoding: 'utf8' });
const rssKB = Number((rss.stderr || '').trim().split('\n').pop());
rows.push(['Native peak RSS over the 8 MB batch, MB', Number.isFinite(rssKB) ? fmt(rssKB / 1024, 1) : 'n/a', '', '', '']);

// [SECTION] Scaling: one document of 1, 4 and 16 MB (native CLI, best of 3).
const scaling = [];
for (const mb of [1, 4, 16]) {
  const file = path.join(OUT, `scale-${mb}.txt`);
  writeFileSync(file, corpus(mb * MB).docs.join('\n\n'));
  const times = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    // Output to /dev/null: collecting ~60 MB of JSON in Node's buffers grew faster than linearly.
    execFileSync(CLI, ['annotate', file], { stdio: ['ignore', 'ignore', 'inherit'] });
    times.push(performance.now() - t0);
  }
  scaling.push(Math.min(...times));
}
rows.push(['Scaling 1 / 4 / 16 MB (native), ms', scaling.map((x) => fmt(x, 0)).join(' / '), '', '', '']);
rows.push(['… ratios 4 MB÷1 MB, 16 MB÷4 MB', `${fmt(scaling[1] / scaling[0])} / ${fmt(scaling[2] / scaling[1])}`, '', '', '≈ 4 / 4']);

// [SECTION] Figures from the other benchmarks (run by scripts/bench.sh just before this script).
const grab = (file, re) => {
  const f = path.join(OUT, file);
  const m = existsSync(f) ? readFileSync(f, 'utf8').match(re) : null;
  return m ? m[1] : 'n/a';
};
const nativeCoreMBs = grab('gloss_bench.txt', /^annotate: +median ([0-9.]+)/m);
rows.splice(1, 0,
  ['Throughput, native core `annotate()` (gloss_bench, no JSON), MB/s', nativeCoreMBs, '–', '–', '≥ 100'],
  ['… parse + entities only, MB/s', grab('gloss_bench.txt', /parse \+ entities: +median ([0-9.]+)/), '', '', ''],
  ['Throughput, WASM in Node, `annotate()` alone (no JSON), MB/s', fmt(wasmCoreMBs), '–', '–', '≥ ½ native'],
  ['… WASM / native `annotate()` (same files, no JSON, CPU time)', nativeCoreMBs === 'n/a' ? 'n/a' : fmt(wasmCoreMBs / Number(nativeCoreMBs)), '', '', '≥ 0.5']);
rows.push(['Entity table load, ms CPU', grab('gloss_bench.txt', /loaded in ([0-9.]+) ms CPU/), '', '', '< 20']);
rows.push(['Panel CPU per frame, 10,000-word article (worst mean), ms', grab('panel_bench.txt', /worst mean: ([0-9.]+) ms/), '', '', '< 1']);
rows.push(['Navigation → first highlighted frame, headless Chromium, ms', grab('web_bench.txt', /demo page \(sample article\): +([0-9]+) ms/), '', '', '']);
rows.push(['WASM annotate in Chromium (web bench), MB/s', grab('web_bench.txt', /WASM in Chromium: +([0-9.]+) MB\/s/), '', '', '≥ ½ native']);

console.log(`Corpus: ${base.length} project articles repeated; Gloss ${fmt(big.size / MB, 1)} MB, wink 2 MB, compromise 0.3 MB; median of ${RUNS} runs after a warm-up.`);
const version = (pkg) => JSON.parse(readFileSync(path.join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;
console.log(`Peers: compromise ${version('compromise')}, wink-nlp ${version('wink-nlp')} + wink-eng-lite-web-model ${version('wink-eng-lite-web-model')}; Node ${process.version}.\n`);
console.log('| measure | Gloss | compromise | wink-nlp | target |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
// The two WebAssembly modules link differently compiled cores (wasm/CMakeLists.txt).
console.log('\nWASM in Node rows: gloss_core.wasm, whose core is compiled for speed (-O3, link-time optimised);'
  + ' the Chromium row: the browser module gloss.wasm, whose core is tuned for size.');
