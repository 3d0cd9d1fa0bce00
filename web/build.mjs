// Builds web/dist/ from the Emscripten output: the one-tag embed bundle (our sources + Readability +
// the module's JS glue, minified by esbuild), gloss.wasm, the stylesheet, DejaVu Sans subset to the
// scripts the panel draws (Latin, Latin Extended, Greek, Cyrillic, punctuation; made with fontTools'
// pyftsubset from Debian's fonts-dejavu-core), the demo's sample article and the type declarations.
// usage: node web/build.mjs   (env GLOSS_WASM_DIR: where gloss.js + gloss.wasm are; default build/wasm/wasm)
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

// The font subset (one face, regular: the headline is drawn larger, not bold, to stay in budget):
// Latin, Latin-1, Latin Extended-A, the Latin Extended-B letters of national orthographies (Azerbaijani
// Ə, the florin sign, Vietnamese Ơ Ư, Pinyin tones, Ǧ Ǩ, Ǻ Ǽ Ǿ, Romanian Ș Ț; the rest of the block, 7 KB
// gzip, is drawn as U+FFFD), Greek, Cyrillic, punctuation, currency, the simple arrows and the few
// geometric shapes (triangles, squares, circles, diamonds) that the panel's UI and news text use, and
// U+FFFD, which anything else is drawn as. No combining marks (U+0300-036F): the panel's glyph ranges
// (core/panel/src/fonts.cpp) never rasterise them; the accented letters' composite glyphs keep the mark
// outlines they use. The rest of the arrow and geometric-shape blocks cost 8 KB gzip.
const UNICODES = [
  'U+0020-007E', 'U+00A0-017F', 'U+018F', 'U+0192', 'U+01A0-01A1', 'U+01AF-01B0', 'U+01CD-01DC', 'U+01E6-01E9',
  'U+01FA-01FF', 'U+0218-021B', 'U+0370-03FF', 'U+0400-04FF', 'U+2000-206F', 'U+20A0-20CF',
  'U+2116', 'U+2122', 'U+2190-2199', 'U+21D0-21D5', 'U+2212',
  'U+25A0-25A1', 'U+25AA-25AB', 'U+25B2-25C7', 'U+25CB', 'U+25CF', 'U+FFFD',
].join(',');
const fonts = '/usr/share/fonts/truetype/dejavu';
for (const [face, out] of [['DejaVuSans.ttf', 'gloss-font.ttf']]) {
  const target = path.join(dist, out);
  const source = path.join(fonts, face);
  if (existsSync(target) && statSync(target).mtimeMs > statSync(source).mtimeMs && statSync(target).mtimeMs > statSync(fileURLToPath(import.meta.url)).mtimeMs) continue;
  // pyftsubset (Debian: fonttools); python3 -m fontTools.subset is the same tool. stb_truetype (ImGui)
  // reads outlines, metrics and cmap only: no hinting, no layout tables, no names, no MATH.
  const args = [source, `--unicodes=${UNICODES}`, `--output-file=${target}`, '--no-hinting', '--layout-features=',
    '--name-IDs=', '--drop-tables+=GSUB,GPOS,GDEF,kern,FFTM,MATH'];
  try {
    execFileSync('pyftsubset', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
    execFileSync('/usr/bin/python3', ['-m', 'fontTools.subset', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  // Outlines on a 1024-unit em instead of DejaVu's 2048 (the usual grid of PostScript fonts): more of the
  // glyph coordinates fit in one byte (-3.6 KB gzip), and the rounding, 1/2048 em, stays far below a
  // pixel at every size the panel draws (0.03 px at 28 px x devicePixelRatio 2).
  execFileSync('/usr/bin/python3', ['-c', `import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
font = TTFont(sys.argv[1])
scale_upem(font, 1024)
font.save(sys.argv[1])`, target], { stdio: ['ignore', 'ignore', 'pipe'] });
}
console.log(`web: built ${path.relative(root, dist)}/ (gloss-embed.js, gloss.wasm, fonts, css)`);
