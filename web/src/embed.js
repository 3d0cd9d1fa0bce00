// gloss-embed.js: the one tag. Defines one global, `Gloss` (the JS API: Gloss.load() -> annotate,
// toW3C, toDisplacy, mount), and unless the tag says data-auto="off", finds the article on the page
// and opens a toggleable side panel with the ImGui view of it, an accessible list mirror, and marks
// in the article's own text. Everything it adds is scoped under .gloss-* classes and a stylesheet file
// (no inline styles from markup, so it runs under a strict CSP); any error is caught, logged once and
// shown as a small notice: the host page keeps working.
//
//   <script src="/gloss/gloss-embed.js" data-selector="article .story" data-related="#related" defer></script>
import { compileWasm, instantiate } from './loader.js';
import { wrapCore } from './api.js';
import { createMount } from './panel.js';
import { findArticle, articleInput, readBody } from './article.js';
import { markSpans } from './marks.js';
import { el, hasWebGL2, logOnce, mark, showNotice } from './dom.js';

(function () {
  const script = document.currentScript;
  const data = (script && script.dataset) || {};
  const base = new URL(data.base || '.', (script && script.src) || document.baseURI);
  const asset = (name) => new URL(name, base).href;
  let loading = null;

  function addStylesheet() {
    if (document.querySelector('link[data-gloss-style]')) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = asset('gloss-embed.css');
    link.dataset.glossStyle = '';
    document.head.append(link);
  }

  /** Loads the module (once) and resolves to the JS API. */
  function load() {
    if (loading) return loading;
    loading = (async () => {
      addStylesheet();
      mark('load');
      // One download: the panel's glyphs are drawn by the browser (glyphs.js), no font file.
      const wasmModule = await compileWasm(asset('gloss.wasm'));
      mark('compiled');
      let core = null;
      const restart = () => { core = null; };
      const current = () => core || (core = instantiate(wasmModule, {}, (m) => logOnce(new Error(m), 'WebAssembly')));
      const api = wrapCore(current, restart); // the annotate() instance is made on first use
      const env = { wasmModule };
      return Object.freeze({
        version: api.version,
        webgl2: hasWebGL2(),
        annotate: api.annotate,
        annotateJson: api.annotateJson,
        toW3C: api.toW3C,
        toDisplacy: api.toDisplacy,
        mount: createMount(env),
      });
    })();
    loading.catch((e) => logOnce(e, 'loading'));
    return loading;
  }

  // --- the side panel on an article page -----------------------------------------------------------
  async function embed() {
    const article = findArticle(document, { selector: data.selector, title: data.title, related: data.related, source: data.source });
    if (!article) {
      logOnce(new Error('no article found on this page (give data-selector)'), 'embed');
      return null;
    }
    const body = readBody(article);
    const gloss = await load();
    const shell = el('aside', 'gloss-embed', null, { 'aria-label': 'Gloss annotations', 'data-open': 'false' });
    const toggle = el('button', 'gloss-toggle', 'Gloss', { type: 'button', 'aria-expanded': 'false', 'aria-controls': '' });
    const sheet = el('div', 'gloss-sheet', null, { id: `gloss-sheet-${Math.random().toString(36).slice(2, 8)}` });
    toggle.setAttribute('aria-controls', sheet.id);
    const header = el('div', 'gloss-sheet-header');
    header.append(el('strong', 'gloss-sheet-title', 'Gloss'), el('span', 'gloss-sheet-via', `article found by ${article.via}`));
    const close = el('button', 'gloss-close', '×', { type: 'button', 'aria-label': 'Close the Gloss panel' });
    header.append(close);
    sheet.append(header);
    shell.append(toggle, sheet);
    document.body.append(shell);
    const setOpen = (open) => {
      shell.dataset.open = String(open);
      toggle.setAttribute('aria-expanded', String(open));
      if (open) handle?.resize?.();
    };
    toggle.addEventListener('click', () => {
      const open = shell.dataset.open !== 'true';
      setOpen(open);
      if (open) close.focus({ preventScroll: true });
    });
    close.addEventListener('click', () => { setOpen(false); toggle.focus(); });
    sheet.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && e.target !== handle?.canvas) { setOpen(false); toggle.focus(); }
    });

    let handle = null;
    let unmark = () => {};
    try {
      handle = gloss.mount(sheet, { text: articleInput(article, body.text) });
    } catch (e) {
      showNotice(sheet, 'Gloss could not annotate this article.', 'error');
      logOnce(e, 'embed');
    }
    // Marks in the page's own text: always when WebGL2 is missing (the fallback), else unless data-marks="off".
    const wantMarks = data.marks !== 'off' || !gloss.webgl2 || (handle && handle.fallback);
    if (wantMarks) {
      try {
        const doc = gloss.annotate(body.text);
        unmark = markSpans(body, doc);
        article.root.classList.add('gloss-marked');
        if (!handle) showNotice(sheet, 'Gloss marks the entities and quotations in the article text.');
      } catch (e) {
        logOnce(e, 'marking the article');
      }
    }
    if (data.open === 'true') setOpen(true);
    shell.dataset.glossReady = 'true';
    const result = {
      handle, article, shell,
      open: () => setOpen(true),
      close: () => setOpen(false),
      destroy() {
        unmark();
        article.root.classList.remove('gloss-marked');
        handle?.destroy();
        shell.remove();
      },
    };
    return result;
  }

  let embedded = null;
  const Gloss = Object.freeze({
    version: 'gloss/1',
    load,
    /** The automatic side panel (a Promise of its controller, or null with data-auto="off"). */
    get embed() { return embedded; },
  });
  try {
    Object.defineProperty(window, 'Gloss', { value: Gloss, configurable: true, enumerable: false, writable: false });
  } catch (e) {
    logOnce(e, 'defining window.Gloss');
  }
  if (data.auto !== 'off') {
    const start = () => {
      embedded = embed().catch((e) => {
        logOnce(e, 'embed');
        try { showNotice(document.body.appendChild(el('div', 'gloss-embed gloss-failed')), 'Gloss could not start on this page.', 'error'); } catch (_) { /* nothing more to do */ }
        return null;
      });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
    else start();
  }
})();
