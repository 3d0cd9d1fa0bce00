// Builds web/dist/ from the Emscripten output: the one-tag embed bundle (our sources + Readability +
// the module's JS glue, minified by esbuild), gloss.wasm, the stylesheet, the demo's sample article and the
// type declarations. No font file: the browser draws the panel's glyphs (web/src/glyphs.js).
// usage: node web/build.mjs   (env GLOSS_WASM_DIR: where gloss.js + gloss.wasm are; default build/wasm/wasm)
import { build, transform } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(web, '..');
const wasmDir = path.resolve(root, process.env.GLOSS_WASM_DIR ?? 'build/wasm/wasm');
const dist = path.join(web, 'dist');
const glue = path.join(wasmDir, 'gloss.js');
for (const f of [glue, path.join(wasmDir, 'gloss.wasm')]) {
  if (!existsSync(f)) throw new Error(`${f} is missing: build the wasm preset first (cmake --preset wasm && cmake --build --preset wasm)`);
}
mkdirSync(path.join(dist, 'samples'), { recursive: true });

await build({
  entryPoints: [path.join(web, 'src/embed.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  legalComments: 'none',
  alias: { 'gloss-wasm-glue': glue },
  outfile: path.join(dist, 'gloss-embed.js'),
  logLevel: 'warning',
});
copyFileSync(path.join(wasmDir, 'gloss.wasm'), path.join(dist, 'gloss.wasm'));
// The stylesheet minified too (comments and spaces: -0.3 KB gzip).
const css = await transform(readFileSync(path.join(web, 'src/gloss-embed.css'), 'utf8'), { loader: 'css', minify: true });
writeFileSync(path.join(dist, 'gloss-embed.css'), css.code);
copyFileSync(path.join(web, 'gloss.d.ts'), path.join(dist, 'gloss.d.ts'));
copyFileSync(path.join(root, 'tests/golden/01_port_strike.txt'), path.join(dist, 'samples/01_port_strike.txt'));

// The font subset of earlier builds, if any: nothing loads it any more.
rmSync(path.join(dist, 'gloss-font.ttf'), { force: true });
console.log(`web: built ${path.relative(root, dist)}/ (gloss-embed.js, gloss.wasm, css)`);
