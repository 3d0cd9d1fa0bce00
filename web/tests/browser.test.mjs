// Real-browser tests: Debian's Chromium (headless, software WebGL2) on the demo pages, served with the
// strict CSP by web/server.mjs. Needs web/dist (node web/build.mjs) and the native CLI.
// usage: node --test web/tests/browser.test.mjs   (env GLOSS_CLI, GLOSS_CHROMIUM)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage } from './browser.mjs';
import { cli, root } from './load.mjs';

const outDir = path.join(root, 'web/tests/out'); // screenshots (git-ignored *.png)
mkdirSync(outDir, { recursive: true });
let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

// In the page: the demo's handle, or the embed's.
const HANDLE = `(async () => window.glossDemo ? window.glossDemo.handle : (await window.Gloss.embed).handle)()`;

async function demo() {
  const opened = await openPage(env.browser, `${env.url}pages/index.html`);
  await opened.page.waitForSelector('html[data-gloss-demo="ready"]', { timeout: 20000 });
  await opened.page.waitForSelector('.gloss-panel[data-gloss-ready="true"]', { timeout: 20000 });
  return opened;
}

// Colourful pixels (max-min channel > 48) in a CSS-pixel rect of the panel canvas (whole canvas when
// rect is null), read right after drawing a frame (WebGL's buffer is intact until the task ends).
async function colourful(page, rect) {
  return page.evaluate(async ([expr, rect]) => {
    const handle = await eval(expr); // test code, not page code: the CSP applies to the page's scripts only
    handle.module._gloss_panel_frame();
    const c = handle.canvas;
    const off = document.createElement('canvas');
    off.width = c.width;
    off.height = c.height;
    const ctx = off.getContext('2d');
    ctx.drawImage(c, 0, 0);
    const s = c.width / c.getBoundingClientRect().width;
    const r = rect ? [rect.x * s, rect.y * s, rect.width * s, rect.height * s].map(Math.round) : [0, 0, c.width, c.height];
    const data = ctx.getImageData(r[0], r[1], Math.max(1, r[2]), Math.max(1, r[3])).data;
    let count = 0, dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      const max = Math.max(data[i], data[i + 1], data[i + 2]), min = Math.min(data[i], data[i + 1], data[i + 2]);
      if (max - min > 48) count++;
      if (max < 110) dark++;
    }
    return { count, dark, total: data.length / 4 };
  }, [HANDLE, rect]);
}

test('the demo page loads, the panel becomes ready and then stays idle (no frame loop)', async () => {
  const { page, log, context } = await demo();
  const state = await page.evaluate(() => ({ frames: glossDemo.handle.frames, fallback: glossDemo.handle.fallback,
    width: glossDemo.handle.canvas.width, cssWidth: glossDemo.handle.canvas.getBoundingClientRect().width,
    dpr: devicePixelRatio, sentences: glossDemo.handle.document.sentences.length }));
  assert.equal(state.fallback, false);
  assert.ok(state.frames >= 1);
  assert.equal(state.width, Math.round(state.cssWidth * state.dpr), 'canvas sized to its container at devicePixelRatio');
  assert.ok(state.sentences > 5);
  const pixels = await colourful(page, null);
  assert.ok(pixels.dark > 2000, `the article text is drawn (${pixels.dark} dark pixels)`);
  const before = await page.evaluate(() => glossDemo.handle.frames);
  await page.waitForTimeout(1200);
  const idle = await page.evaluate(() => glossDemo.handle.frames);
  assert.ok(idle - before <= 1, `idle page drew ${idle - before} frames in 1.2 s`);
  await page.mouse.move(300, 400);
  await page.mouse.move(320, 420);
  await page.waitForTimeout(200);
  assert.ok((await page.evaluate(() => glossDemo.handle.frames)) > idle, 'input wakes the panel');
  await page.screenshot({ path: path.join(outDir, 'demo.png') });
  // Every name in wasm/exports.txt and wasm/panel_exports.txt is a function of the browser module.
  const names = ['exports.txt', 'panel_exports.txt'].flatMap((f) =>
    readFileSync(path.join(root, 'wasm', f), 'utf8').split('\n').filter((l) => l.startsWith('_')));
  const missing = await page.evaluate((names) => names.filter((n) => typeof glossDemo.handle.module[n] !== 'function'), names);
  assert.deepEqual(missing, []);
  assert.ok(names.length >= 15);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.csp, []);
  assert.deepEqual(log.console, []);
  await context.close();
});

test('at devicePixelRatio 2 the canvas has twice the pixels of its box and follows its resizes', async () => {
  const { page, log, context } = await openPage(env.browser, `${env.url}pages/index.html`, { deviceScaleFactor: 2 });
  await page.waitForSelector('.gloss-panel[data-gloss-ready="true"]', { timeout: 20000 });
  const size = () => page.evaluate(() => {
    const c = glossDemo.handle.canvas, r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cw: r.width, ch: r.height, dpr: devicePixelRatio };
  });
  const a = await size();
  assert.equal(a.dpr, 2);
  assert.equal(a.w, Math.round(a.cw * 2));
  assert.equal(a.h, Math.round(a.ch * 2));
  await page.setViewportSize({ width: 900, height: 700 });
  await page.waitForFunction((w) => glossDemo.handle.canvas.width !== w, a.w);
  const b = await size();
  assert.equal(b.w, Math.round(b.cw * 2));
  assert.ok(b.w < a.w);
  await page.screenshot({ path: path.join(outDir, 'demo-dpr2.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('mount() and destroy() twelve times leave no listeners on window or document, and no WebGL warnings', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.addInitScript(() => {
    window.__listeners = 0;
    for (const target of [window, document]) {
      const add = target.addEventListener, remove = target.removeEventListener;
      const live = new Map(); // "type|capture" -> Set of listeners, as the DOM dedupes them
      const set = (type, opts) => {
        const key = `${type}|${opts === true || !!(opts && opts.capture)}`;
        if (!live.has(key)) live.set(key, new Set());
        return live.get(key);
      };
      target.addEventListener = function (type, fn, opts) {
        if (this === target && fn && !set(type, opts).has(fn)) { set(type, opts).add(fn); window.__listeners++; }
        return add.call(this, type, fn, opts);
      };
      target.removeEventListener = function (type, fn, opts) {
        if (this === target && set(type, opts).delete(fn)) window.__listeners--;
        return remove.call(this, type, fn, opts);
      };
    }
  });
  await page.goto(`${env.url}pages/index.html`);
  await page.waitForSelector('.gloss-panel[data-gloss-ready="true"]', { timeout: 20000 });
  const r = await page.evaluate(async () => {
    const before = window.__listeners;
    // Twelve, not more: destroy() loses each WebGL context, but Chromium counts a lost context until it is
    // garbage-collected, and past 16 live ones it warns "Too many active WebGL contexts" (seen on a loaded
    // machine). 12 + the demo's panel stays under that whatever the GC does.
    for (let i = 0; i < 12; i++) {
      const host = document.body.appendChild(document.createElement('div'));
      host.className = 'demo-panel';
      const h = glossDemo.gloss.mount(host, { text: `Angela Merkel met Emmanuel Macron in Paris, round ${i}.` });
      // The first frame comes after the module instance is ready: on a loaded machine that can take a
      // few animation frames, so wait for it (up to ~1 s) rather than for a fixed two.
      for (let f = 0; f < 60 && h.frames < 1 && !h.fallback; f++) await new Promise((r) => requestAnimationFrame(r));
      if (h.frames < 1 || h.fallback) return { error: `mount ${i}: frames ${h.frames}, fallback ${h.fallback}` };
      h.destroy();
      host.remove();
    }
    return { before, after: window.__listeners, panels: document.querySelectorAll('.gloss-panel').length };
  });
  assert.equal(r.error, undefined);
  assert.equal(r.after, r.before, 'window/document listeners after 12 mounts and destroys');
  assert.equal(r.panels, 1, 'only the demo panel is left');
  assert.deepEqual(messages.filter((m) => /WebGL|context|error/i.test(m) && !/GPU stall|ReadPixels/.test(m)), []);
  await context.close();
});

test('JS API JSON in Chromium equals the native CLI on every fixture (gloss, w3c, displacy)', async () => {
  const { page, context } = await demo();
  const dir = path.join(root, 'tests/golden');
  let compared = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const file = path.join(dir, name);
    const bytes = readFileSync(file);
    const text = bytes.toString('utf8');
    const valid = Buffer.from(text, 'utf8').equals(bytes);
    for (const format of ['gloss', 'w3c', 'displacy']) {
      const native = execFileSync(cli, ['annotate', `--format=${format}`, file]).toString('utf8');
      // As a JS string (when the file is valid UTF-8) and as the file's bytes (always, invalid UTF-8 too).
      if (valid) {
        const js = await page.evaluate(([t, f]) => glossDemo.gloss.annotateJson(t, { format: f }), [text, format]);
        assert.equal(js + '\n', native, `${name} ${format} (string)`);
      }
      const fromBytes = await page.evaluate(([b, f]) => glossDemo.gloss.annotateJson(new Uint8Array(b), { format: f }),
        [[...bytes], format]);
      assert.equal(fromBytes + '\n', native, `${name} ${format} (bytes)`);
      compared++;
    }
    if (!valid) continue;
    // The object form carries UTF-16 offsets that index the JS string. Text decoded from JSON (a JSON
    // article, related titles in the var_dump blob) is the exception: its spans cover the escaped source.
    const ok = await page.evaluate((t) => {
      const d = glossDemo.gloss.annotate(t);
      if (d.format === 'json') return true;
      return [...d.sentences, ...d.entities, ...d.quotes].filter((s) => !String(s.field).startsWith('related'))
        .every((s) => t.slice(s.start16, s.end16) === s.text);
    }, text);
    assert.ok(ok, `${name}: start16/end16 slice the JS string to each span's text`);
  }
  assert.ok(compared >= 24);
  await context.close();
});

test('bad input raises an Error with the core message and the module stays usable', async () => {
  const { page, context } = await demo();
  const r = await page.evaluate(() => {
    const out = {};
    try { glossDemo.gloss.annotate('x'.repeat(32 * 1024 * 1024 + 1)); } catch (e) { out.api = `${e.constructor.name}: ${e.message}`; }
    try { glossDemo.handle.setText('y'.repeat(32 * 1024 * 1024 + 1)); } catch (e) { out.panel = `${e.constructor.name}: ${e.message}`; }
    out.after = glossDemo.gloss.annotate('Still working in Paris.').sentences.length;
    glossDemo.handle.setText('A new text, shown.');
    out.panelAfter = glossDemo.handle.document.sentences[0].text;
    return out;
  });
  assert.match(r.api, /^Error: .*limit/);
  assert.match(r.panel, /^Error: .*limit/);
  assert.equal(r.after, 1);
  assert.equal(r.panelAfter, 'A new text, shown.');
  await context.close();
});

test('the canvas shows highlight colours where the entities are', async (t) => {
  const { page, context } = await demo();
  const entities = await page.evaluate(() => glossDemo.handle.document.entities.length);
  const chips = await colourful(page, null);
  assert.ok(chips.count > 50, 'the type legend is drawn in colour');
  if (entities === 0) {
    t.skip('the core finds no entities yet: only the legend colours can be checked');
    await context.close();
    return;
  }
  const body = await page.evaluate(() => glossDemo.handle.document.entities.findIndex((e) => e.field === 'body'));
  const rect = await page.evaluate((i) => glossDemo.handle.entityRect(i), body);
  assert.ok(rect, 'the first body entity is laid out');
  const inside = await colourful(page, rect);
  assert.ok(inside.count > inside.total * 0.2, `entity ${body} is filled with its type colour (${inside.count}/${inside.total})`);

  // A click on it in the canvas selects it, and JS hears about it ('select' from the panel).
  await page.evaluate(() => { window.__events = []; glossDemo.handle.on('select', (e) => window.__events.push(e)); });
  const box = await page.locator('.gloss-canvas').boundingBox();
  await page.mouse.move(box.x + rect.x + rect.width / 2, box.y + rect.y + rect.height / 2);
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction(() => window.__events.some((e) => e.kind === 'entity' && e.index >= 0), null, { timeout: 5000 });
  const event = await page.evaluate(() => window.__events.find((e) => e.kind === 'entity' && e.index >= 0));
  assert.equal(event.source, 'panel');
  assert.equal(event.entity.text, await page.evaluate((i) => glossDemo.handle.document.entities[i].text, body));

  // The mouse wheel scrolls the article inside the canvas, not the page.
  const y0 = rect.y;
  const scroll0 = await page.evaluate(() => scrollY);
  await page.mouse.move(box.x + rect.x + 5, box.y + rect.y + 5);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(300);
  const moved = await page.evaluate((i) => glossDemo.handle.entityRect(i), body);
  assert.ok(!moved || moved.y < y0 - 50, `the article scrolled (${y0} -> ${moved && moved.y})`);
  assert.equal(await page.evaluate(() => scrollY), scroll0, 'the page did not scroll');
  await context.close();
});

test('the browser draws the glyphs: no font file loads, and letters the old font subset lacked draw', async () => {
  for (const deviceScaleFactor of [1, 2]) {
    const { page, log, context } = await openPage(env.browser, `${env.url}pages/index.html`, { deviceScaleFactor });
    await page.waitForSelector('.gloss-panel[data-gloss-ready="true"]', { timeout: 20000 });
    const r = await page.evaluate(async () => {
      // Hausa (ɓ ɗ ƙ, in no font subset before), Vietnamese (ệ, Latin Extended Additional), and the same text
      // with U+FFFD in their place: if those letters had no glyph they would draw as U+FFFD, the same pixels.
      const letters = /[ɓɗƙƁƊƘệ]/gu;
      const hausa = 'Ɓarayi sun ɗauki ƙasa a Ɗanbatta\n\nƘungiyar ta ɓata lokaci, in ji ệ.';
      const panels = [hausa, hausa.replace(letters, '\uFFFD')].map((text) => {
        const host = document.body.appendChild(document.createElement('div'));
        host.className = 'demo-panel';
        return glossDemo.gloss.mount(host, { text, mirror: false });
      });
      for (let f = 0; f < 60 && panels.some((h) => h.frames < 1); f++) await new Promise((r) => requestAnimationFrame(r));
      const pixels = panels.map((h) => {
        h.module._gloss_panel_frame();
        const c = h.canvas, off = document.createElement('canvas');
        off.width = c.width;
        off.height = c.height;
        const ctx = off.getContext('2d');
        ctx.drawImage(c, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height).data;
      });
      let differ = 0, dark = 0;
      for (let i = 0; i < pixels[0].length; i += 4) {
        if (Math.abs(pixels[0][i] - pixels[1][i]) > 40) differ++;
        if (pixels[0][i] < 110) dark++;
      }
      const fonts = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(ttf|otf|woff2?)$/.test(n));
      const sizes = panels.map((h) => [h.canvas.width, h.canvas.height]);
      for (const h of panels) h.destroy();
      return { differ, dark, fonts, sizes, fallback: panels.map((h) => h.fallback) };
    });
    assert.deepEqual(r.fallback, [false, false]);
    assert.deepEqual(r.sizes[0], r.sizes[1]);
    assert.deepEqual(r.fonts, [], 'no font file is loaded');
    assert.ok(r.dark > 500, `the text is drawn (${r.dark} dark pixels)`);
    assert.ok(r.differ > 100 * deviceScaleFactor ** 2, `ɓ ɗ ƙ ệ draw as themselves, not as U+FFFD (${r.differ} pixels differ)`);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.csp, []);
    await context.close();
  }
});

test('a press in the canvas released outside it is a release in the panel: the next click selects', async () => {
  const { page, context } = await demo();
  const [first, second] = await page.evaluate(() => glossDemo.handle.document.entities
    .map((e, i) => (e.field === 'body' ? i : -1)).filter((i) => i >= 0).slice(0, 2));
  const rects = await page.evaluate(([a, b]) => [glossDemo.handle.entityRect(a), glossDemo.handle.entityRect(b)], [first, second]);
  assert.ok(rects[0] && rects[1], 'two body entities are laid out');
  const box = await page.locator('.gloss-canvas').boundingBox();
  const centre = (r) => [box.x + r.x + r.width / 2, box.y + r.y + r.height / 2];
  assert.ok(box.y > 30, 'there is page above the canvas to release the button on');
  // Pressed on the first entity, dragged out of the canvas and released there.
  await page.mouse.move(...centre(rects[0]));
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 20, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(200);
  // One click on the second selects it: the panel saw the button go up outside (else it was still down).
  await page.evaluate(() => { window.__events = []; glossDemo.handle.on('select', (e) => window.__events.push(e)); });
  await page.mouse.move(...centre(rects[1]), { steps: 3 });
  await page.waitForTimeout(100);
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction((i) => window.__events.some((e) => e.kind === 'entity' && e.index === i), second, { timeout: 5000 });
  await context.close();
});

test('a tap on an entity in the canvas selects it (touches are the left button)', async () => {
  const { page, context } = await demo();
  const body = await page.evaluate(() => glossDemo.handle.document.entities.findIndex((e) => e.field === 'body'));
  const rect = await page.evaluate((i) => glossDemo.handle.entityRect(i), body);
  assert.ok(rect, 'the first body entity is laid out');
  await page.evaluate(({ r }) => {
    window.__events = [];
    glossDemo.handle.on('select', (e) => window.__events.push(e));
    const canvas = document.querySelector('.gloss-canvas');
    const box = canvas.getBoundingClientRect();
    const touch = new Touch({ identifier: 1, target: canvas, clientX: box.x + r.x + r.width / 2, clientY: box.y + r.y + r.height / 2 });
    for (const type of ['touchstart', 'touchend']) {
      const touches = type === 'touchstart' ? [touch] : [];
      canvas.dispatchEvent(new TouchEvent(type, { touches, targetTouches: touches, changedTouches: [touch], bubbles: true }));
    }
  }, { r: rect });
  await page.waitForFunction(() => window.__events.some((e) => e.kind === 'entity' && e.index >= 0), null, { timeout: 5000 });
  const event = await page.evaluate(() => window.__events.find((e) => e.kind === 'entity' && e.index >= 0));
  assert.equal(event.entity.text, await page.evaluate((i) => glossDemo.handle.document.entities[i].text, body));
  await context.close();
});

test('clicking an entity in the accessible side list selects it in the panel', async (t) => {
  const { page, context } = await demo();
  // Entities when the core finds some, else quotations (same list mechanics).
  let kind = 'entity';
  let count = await page.locator('.gloss-mirror button[data-kind="entity"]').count();
  if (count === 0) {
    kind = 'quote';
    count = await page.locator('.gloss-mirror button[data-kind="quote"]').count();
    t.diagnostic('no entities found by the core: testing with a quotation');
  }
  assert.ok(count > 0, 'the lists have items');
  await page.evaluate(() => { window.__events = []; glossDemo.handle.on('select', (e) => window.__events.push(e)); });
  const button = page.locator(`.gloss-mirror button[data-kind="${kind}"]`).nth(Math.min(1, count - 1));
  const index = Number(await button.getAttribute('data-index'));
  assert.ok(await button.getAttribute('aria-label'));
  await button.focus();
  await page.keyboard.press('Enter'); // keyboard, as a screen-reader user would
  await page.waitForFunction((k) => window.__events.some((e) => e.kind === k && e.index >= 0), kind);
  const r = await page.evaluate((k) => ({ event: window.__events.find((e) => e.kind === k && e.index >= 0),
    selected: k === 'entity' ? glossDemo.handle.module._gloss_panel_selected_entity() : glossDemo.handle.module._gloss_panel_selected_quote(),
    live: document.querySelector('.gloss-live').textContent }), kind);
  assert.equal(r.event.index, index);
  assert.equal(r.event.source, 'list');
  assert.ok(r.event[kind], 'the event carries the item');
  assert.equal(r.selected, index);
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  assert.match(r.live, /^Selected /);
  await page.screenshot({ path: path.join(outDir, `demo-selected-${kind}.png`) });
  await context.close();
});

test('the news page with the one tag works under the strict CSP header, and the page keeps its keyboard', async () => {
  const { page, log, response, context } = await openPage(env.browser, `${env.url}pages/news.html`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.waitForSelector('.gloss-embed[data-gloss-ready="true"]', { state: 'attached', timeout: 20000 });
  const toggle = page.locator('.gloss-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'gloss-close', 'focus moves into the panel');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Escape closes it');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'gloss-toggle', 'focus returns to the toggle');
  await toggle.click();
  await page.waitForSelector('.gloss-embed .gloss-panel[data-gloss-ready="true"]', { timeout: 20000 });
  const info = await page.evaluate(async () => {
    const embed = await Gloss.embed;
    return { via: embed.article.via, fallback: embed.handle.fallback, title: embed.handle.document.title?.text,
      related: embed.handle.document.related.length, body: embed.handle.document.paragraphs.length,
      marks: document.querySelectorAll('article mark.gloss-mark').length,
      globals: Object.keys(window).filter((k) => /gloss|createGloss/i.test(k) && k !== '__glossCsp'), Gloss: typeof window.Gloss };
  });
  assert.equal(info.via, 'readability');
  assert.equal(info.fallback, false);
  assert.equal(info.title, 'Rhine barge traffic halted as water levels fall to record low');
  assert.equal(info.related, 3);
  assert.equal(info.body, 8);
  assert.deepEqual(info.globals, [], 'no enumerable globals besides the embed\'s non-enumerable Gloss');
  // The panel listens for keys on its canvas only, so the host page's Tab and Backspace still work.
  await page.locator('#q').fill('rhine');
  await page.locator('#q').press('Backspace');
  assert.equal(await page.locator('#q').inputValue(), 'rhin');
  await page.locator('#q').press('Shift+Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'q', 'Tab moves focus on the host page');
  // ...and a keyboard user is not trapped in the canvas: Tab moves on from it.
  await page.locator('.gloss-embed canvas').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName === 'CANVAS'), false, 'Tab leaves the canvas');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'news.png') });
  assert.deepEqual(log.csp, [], 'no CSP violations');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console, []);
  await context.close();
});

test('injection payloads in headline, body, related titles and pic stay text and run nothing', async () => {
  const { page, log, context } = await openPage(env.browser, `${env.url}tests/pages/injection.html`);
  await page.waitForSelector('.gloss-embed .gloss-panel[data-gloss-ready="true"]', { timeout: 20000 });
  await page.waitForTimeout(500);
  const r = await page.evaluate(async () => {
    const embed = await Gloss.embed;
    const doc = embed.handle.document;
    const sheet = document.querySelector('.gloss-embed');
    return {
      via: embed.article.via,
      title: doc.title.text,
      body: doc.paragraphs.map((p) => p.text).join('\n'),
      related: doc.related.map((r) => [r.title.text, r.pic]),
      h1: document.querySelector('h1').textContent,
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      injected: sheet.querySelectorAll('img, script, iframe, svg, object, embed').length,
      onattrs: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
      pwned: window.__pwned === true,
    };
  });
  assert.equal(r.via, 'selector');
  assert.match(r.title, /<img src=x onerror=alert\(1\)> resigns <script>alert\(2\)<\/script>/);
  assert.match(r.body, /<svg onload=alert\(5\)>/);
  assert.equal(r.related[0][0], '<img src=x onerror=alert(8)> Macron visits Berlin');
  assert.equal(r.related[0][1], '<img src=x onerror=alert(7)>');
  assert.equal(r.h1, 'Minister <img src=x onerror=alert(1)> resigns <script>alert(2)</script> in Paris');
  assert.equal(r.imgs, 2, 'no image element was created');
  assert.equal(r.scripts, 1, 'no script element was created');
  assert.equal(r.injected, 0, 'the panel and its lists hold text only');
  assert.equal(r.onattrs, 0);
  // The same payloads through the JS API into a mounted panel's lists.
  const viaApi = await page.evaluate(async () => {
    const gloss = await Gloss.load();
    const host = document.body.appendChild(document.createElement('div'));
    const evil = '<img src=x onerror=alert(11)><script>alert(12)</script>';
    const h = gloss.mount(host, { text: JSON.stringify({ title: `${evil} Angela Merkel`, body: `"${evil}," said Angela Merkel in Berlin.`,
      related: [{ id: '1', pic: evil, title: `${evil} Paris` }] }) });
    const n = host.querySelectorAll('img, script, iframe, svg').length;
    const text = host.textContent;
    h.destroy();
    return { n, text, left: host.childElementCount };
  });
  assert.equal(viaApi.n, 0);
  assert.equal(viaApi.left, 0, 'destroy() removes everything it added');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'injection.png') });
  assert.deepEqual(log.dialogs, [], 'no alert() ran');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.csp.filter((v) => !v.startsWith('img-src')), []);
  await context.close();
});

test('without WebGL2 the embed falls back to lists and in-page marks, with a notice', async () => {
  const { page, log, context } = await openPage(env.browser, `${env.url}pages/news.html`, { noWebGL2: true });
  await page.waitForSelector('.gloss-embed[data-gloss-ready="true"]', { state: 'attached', timeout: 20000 });
  const r = await page.evaluate(async () => {
    const embed = await Gloss.embed;
    return { fallback: embed.handle.fallback, canvas: document.querySelectorAll('.gloss-embed canvas').length,
      notice: document.querySelector('.gloss-embed .gloss-notice')?.textContent ?? '',
      lists: document.querySelectorAll('.gloss-embed .gloss-mirror .gloss-list').length,
      entities: embed.handle.document.entities.length,
      marks: document.querySelectorAll('article mark.gloss-mark.gloss-e').length };
  });
  assert.equal(r.fallback, true);
  assert.equal(r.canvas, 0);
  assert.match(r.notice, /WebGL2 is not available/);
  assert.equal(r.lists, 2);
  if (r.entities > 0) assert.ok(r.marks > 0, 'entities are marked in the article text');
  await page.locator('.gloss-toggle').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, 'news-no-webgl2.png') });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an exception in the panel is caught, logged once and shown as a notice; the page goes on', async () => {
  const { page, log, context } = await demo();
  const r = await page.evaluate(async () => {
    const h = glossDemo.handle;
    h.module._gloss_panel_frame = () => { throw new Error('simulated panel failure'); };
    h.schedule();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    h.schedule();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    document.getElementById('show').click(); // the page still works
    return { notice: document.querySelector('.gloss-panel .gloss-notice')?.textContent ?? '',
      output: document.getElementById('output').textContent };
  });
  assert.match(r.notice, /error/);
  assert.equal(log.console.filter((m) => m.includes('simulated panel failure')).length, 1, 'logged once');
  assert.equal(r.output, 'Shown in the panel.');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('when gloss.wasm cannot be loaded the embed logs once, shows a notice, and the page is untouched', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [], consoleErrors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.route('**/dist/gloss.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${env.url}pages/news.html`);
  await page.waitForSelector('.gloss-failed .gloss-notice', { state: 'attached', timeout: 20000 });
  const r = await page.evaluate(() => ({ notice: document.querySelector('.gloss-failed .gloss-notice').textContent,
    marks: document.querySelectorAll('mark').length, h1: document.querySelector('h1').textContent }));
  assert.match(r.notice, /could not start/);
  assert.equal(r.marks, 0);
  assert.equal(r.h1, 'Rhine barge traffic halted as water levels fall to record low');
  assert.deepEqual(errors, [], 'no uncaught exception reaches the page');
  assert.equal(consoleErrors.filter((m) => m.startsWith('[gloss]')).length, 1, `logged once: ${consoleErrors.join(' | ')}`);
  await context.close();
});
