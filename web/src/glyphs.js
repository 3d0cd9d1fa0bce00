// The panel's glyphs, drawn by the browser: Canvas 2D rasterises them in the page's UI font (the stack of
// .gloss-panel in gloss-embed.css) at the panel's sizes x devicePixelRatio, and the module packs them into
// ImGui's font atlas (gloss_panel_add_glyphs). No font file to download, no TrueType code in the wasm, and
// any character the browser can draw, within the panel's ranges, draws (those the fonts lack show the
// browser's own missing-glyph box).
//
// Only what is needed is drawn: at mount printable Latin-1, the typographic punctuation of news text and the
// panel's own symbols, with the characters of the first text in the same batch; then the new characters of
// each later text (and of typed input). Drawing the panel's whole ranges (1,800 code points x 4 faces) took
// 140-250 ms in headless Chromium, much of it finding fonts for rare characters; the base set (203 code
// points) with the sample article's takes 35-45 ms there (medians of 5 at devicePixelRatio 1 and 2, on a
// 2-core machine shared with other builds). Each batch is one measureText and one fillText per glyph and
// face on one canvas, read back once.

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", sans-serif';

// Always drawn: printable ASCII and Latin-1 (the panel's own "·" and "×" and the accents of most European
// names), dashes, curly quotes, bullet, ellipsis, U+FFFD (what characters outside the ranges draw as) and
// the panel's other UI symbols (core/panel/src/panel.cpp: → ▸ ◂).
export const BASE = [[0x20, 0x7e], [0xa0, 0xff], [0x2013, 0x2014], [0x2018, 0x2019], [0x201c, 0x201d], [0x2022, 0x2022],
  [0x2026, 0x2026], [0x2192, 0x2192], [0x25b8, 0x25b8], [0x25c2, 0x25c2], [0xfffd, 0xfffd]];
// Not drawn: unassigned code points, controls and surrogates (U+FFFD stands in for them, as for anything
// the ranges leave out).
const SKIP = /[\p{Cn}\p{Cc}\p{Cs}]/u;

export class Glyphs {
  constructor(module, dpr) {
    this.M = module;
    this.dpr = dpr;
    this.seen = new Uint8Array(0x10000); // code units already drawn (or never to be drawn)
    this.rasterMs = 0; // total time spent drawing glyphs, for the benchmark
    // The ranges the panel draws, from the module (core/panel/src/fonts.cpp PanelGlyphRanges).
    const M = module, at = M._gloss_panel_glyph_ranges(), u8 = M.HEAPU8;
    this.ranges = [];
    for (let p = at; ; p += 4) {
      const lo = u8[p] | (u8[p + 1] << 8), hi = u8[p + 2] | (u8[p + 3] << 8);
      if (!lo) break;
      this.ranges.push([lo, hi]);
    }
    const out = M._malloc(12);
    this.faces = [];
    try {
      for (let i = 0; M._gloss_panel_face(i, out); i++) {
        const f = M.HEAPF32.subarray(out >> 2, (out >> 2) + 3);
        this.faces.push(this.face(f[0], f[1], f[2] ? 700 : 400));
      }
    } finally {
      M._free(out);
    }
  }

  // A face's CSS font and metrics. The em is chosen so that the font's ascent + descent fill the line height
  // (stb_truetype's ScaleForPixelHeight, which sized the TrueType faces before), with the baseline where
  // that box sits centred in the line; fonts with unusually tall or short line boxes are kept within
  // 1.1-1.3 em a line, so the text stays at the size the panel's layout was made for.
  face(pixels, oversample, weight) {
    const ctx = this.context(1, 1);
    ctx.font = `${weight} 100px ${FONT_FAMILY}`;
    const m = ctx.measureText('H');
    const known = m.fontBoundingBoxAscent > 0 && m.fontBoundingBoxDescent >= 0;
    const a = known ? m.fontBoundingBoxAscent / 100 : 0.93, d = known ? m.fontBoundingBoxDescent / 100 : 0.24;
    const em = pixels / Math.min(Math.max(a + d, 1.1), 1.3);
    const ascent = a * em, descent = d * em;
    return { font: `${weight} ${em}px ${FONT_FAMILY}`, oversample: Math.max(1, Math.round(oversample)),
      ascent, descent, baseline: Math.round(ascent + (pixels - ascent - descent) / 2) };
  }

  context(width, height) {
    const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
    return canvas.getContext('2d', { willReadFrequently: true });
  }

  inRanges(cp) {
    for (const [lo, hi] of this.ranges) if (cp >= lo && cp <= hi) return true;
    return false;
  }

  /** Draws the base set and the characters of `strings`. */
  start(...strings) {
    const cps = [];
    for (const [lo, hi] of BASE) for (let cp = lo; cp <= hi; cp++) cps.push(cp);
    for (const cp of cps) this.seen[cp] = 1;
    this.add(cps.concat(this.unseen(strings)));
  }

  /** Draws the characters of `strings` the panel has no glyph for yet; true when it drew any. */
  addText(...strings) {
    const cps = this.unseen(strings);
    return cps.length > 0 && this.add(cps);
  }

  // The code units of `strings` not looked at before (marked as seen). A plain loop over UTF-16 units: a 4 MB
  // article takes a few ms. Surrogates are never in the ranges (ImGui 1.86 draws the BMP only).
  unseen(strings) {
    const cps = [], seen = this.seen;
    for (const s of strings) {
      if (typeof s !== 'string') continue;
      for (let i = 0, n = s.length; i < n; i++) {
        const c = s.charCodeAt(i);
        if (!seen[c]) {
          seen[c] = 1;
          cps.push(c);
        }
      }
    }
    return cps;
  }

  add(codePoints) {
    const t0 = performance.now();
    // The rest draw as U+FFFD: never looked at again either.
    const cps = codePoints.filter((cp) => this.inRanges(cp) && !SKIP.test(String.fromCodePoint(cp)));
    for (const cp of codePoints) this.seen[cp] = 1;
    if (!cps.length) return false;
    // 1. Measure: advance and ink box of every glyph of every face (in oversampled columns horizontally),
    //    one pixel of margin around the ink for the antialiasing.
    const measure = this.context(1, 1);
    const items = [];
    this.faces.forEach((face, index) => {
      measure.font = face.font;
      const os = face.oversample;
      for (const cp of cps) {
        const text = String.fromCodePoint(cp);
        const m = measure.measureText(text);
        const item = { index, cp, text, advance: m.width, left: 0, top: 0, w: 0, h: 0 };
        if (m.actualBoundingBoxLeft + m.actualBoundingBoxRight > 0 && m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 0) {
          item.left = Math.floor(-m.actualBoundingBoxLeft * os) - 1;
          item.top = Math.floor(-m.actualBoundingBoxAscent) - 1;
          item.w = Math.ceil(m.actualBoundingBoxRight * os) + 1 - item.left;
          item.h = Math.ceil(m.actualBoundingBoxDescent) + 1 - item.top;
        }
        items.push(item);
      }
    });
    // 2. Place them in rows on one canvas (tallest first) and draw each with one fillText.
    const inked = items.filter((it) => it.w > 0);
    let area = 0;
    for (const it of inked) area += (it.w + 1) * (it.h + 1);
    const width = Math.min(4096, Math.max(256, 2 ** Math.ceil(Math.log2(Math.sqrt(area) * 1.1 + 1))));
    let x = 0, y = 0, row = 0;
    for (const it of [...inked].sort((p, q) => q.h - p.h)) {
      if (x + it.w > width) { x = 0; y += row + 1; row = 0; }
      it.x = x; it.y = y;
      x += it.w + 1;
      row = Math.max(row, it.h);
    }
    const height = Math.max(1, y + row);
    const ctx = this.context(width, height);
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'alphabetic';
    for (const [index, face] of this.faces.entries()) {
      ctx.font = face.font;
      ctx.setTransform(face.oversample, 0, 0, 1, 0, 0);
      for (const it of inked) if (it.index === index) ctx.fillText(it.text, (it.x - it.left) / face.oversample, it.y - it.top);
    }
    // 3. Read back once; the module gets the coverage (alpha) bytes.
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const M = this.M, image = M._malloc(width * height), records = M._malloc(cps.length * 32);
    try {
      if (!image || !records) throw new Error('gloss: out of memory for the panel glyphs');
      const heap = M.HEAPU8;
      for (let i = 0, n = width * height; i < n; i++) heap[image + i] = rgba[i * 4 + 3];
      for (const [index, face] of this.faces.entries()) {
        const mine = items.filter((it) => it.index === index);
        const f = M.HEAPF32.subarray(records >> 2, (records >> 2) + mine.length * 8);
        mine.forEach((it, i) => f.set([it.cp, it.x ?? 0, it.y ?? 0, it.w, it.h, it.left / face.oversample,
          face.baseline + it.top, it.advance], i * 8));
        M._gloss_panel_add_glyphs(index, face.ascent, -face.descent, records, mine.length, image, width, height);
      }
    } finally {
      M._free(image);
      M._free(records);
    }
    this.rasterMs += performance.now() - t0;
    return true;
  }
}
