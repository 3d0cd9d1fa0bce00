// mount(): the ImGui panel in a canvas sized to its container at devicePixelRatio, plus the
// accessible DOM mirror of its lists. Each mounted panel has its own module instance (ImGui's context
// is global to one). Frames are drawn only after input, a resize or new text, and while the panel asks
// for more (gloss_panel_frame() returns 1): an idle page draws nothing.
import { instantiate } from './loader.js';
import { wrapCore } from './api.js';
import { Mirror } from './mirror.js';
import { Glyphs } from './glyphs.js';
import { el, hasWebGL2, logOnce, mark, showNotice } from './dom.js';

// Events that wake the frame schedule (the input listeners below wake it too).
const INPUT_EVENTS = ['mouseenter'];
// KeyboardEvent.modifier flags -> the module's modifier bits (wasm/panel_main.cpp).
const modifiers = (e) => (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);

// What the panel draws of a document beyond the input text itself: text decoded from JSON escapes (a JSON
// article; related titles in the var_dump blob) and names that come from the core's data (canonical names,
// links, resolved speakers).
function drawnStrings(doc) {
  const out = [];
  if (doc.format === 'json') {
    out.push(doc.title?.text, doc.source?.text);
    for (const p of doc.paragraphs || []) out.push(p.text);
  }
  for (const r of doc.related || []) out.push(r.title?.text);
  for (const e of doc.entities || []) if (e.canonical !== e.text) out.push(e.canonical, e.link);
  for (const q of doc.quotes || []) out.push(q.resolved_speaker);
  return out;
}

export function createMount(env) {
  return function mount(element, options = {}) {
    if (!element || element.nodeType !== 1) throw new TypeError('gloss.mount(element, {text}): element must be a DOM element');
    return new PanelHandle(env, element, options);
  };
}

class PanelHandle {
  static kSideListsMinWidth = 820;

  constructor(env, element, options) {
    this.env = env;
    this.listeners = new Map();
    this.document = null;
    this.frames = 0;
    this.destroyed = false;
    this.selected = { entity: -1, quote: -1 };
    this.sideLists = options.sideLists ?? 'auto';
    this.root = el('div', 'gloss-panel');
    this.mirror = new Mirror((kind, index) => this.guard(() => this.select(kind, index, 'list')));
    this.module = null;
    this.core = null;
    element.append(this.root);
    try {
      mark('mount');
      this.module = instantiate(env.wasmModule, {}, (m) => this.moduleError(m));
      mark('instantiated');
      this.core = wrapCore(() => this.module);
      this.firstText = options.text; // its characters are drawn with the base glyphs, in one batch
      this.fallback = !this.startCanvas();
      mark('panel-init');
    } catch (e) {
      this.fail(e, 'starting the panel');
      this.fallback = true;
    }
    if (this.fallback) this.root.dataset.fallback = 'true';
    if (this.fallback && !this.failed) {
      showNotice(this.root, hasWebGL2() ? 'The Gloss panel could not start; the lists below show the annotations.'
        : 'WebGL2 is not available: Gloss shows the annotations as lists (and marks in the text) instead.');
    }
    if (options.mirror !== false) this.root.append(this.mirror.root);
    try {
      this.setText(options.text ?? '');
    } catch (e) {
      this.destroy();
      throw e;
    }
  }

  // --- the canvas -----------------------------------------------------------------------------------
  startCanvas() {
    const M = this.module;
    if (typeof M._gloss_panel_init !== 'function' || !hasWebGL2()) return false;
    const stage = el('div', 'gloss-stage');
    const canvas = el('canvas', 'gloss-canvas', null, {
      tabindex: '0', role: 'img',
      'aria-label': 'Gloss panel: the article with entities and quotations highlighted (the same lists follow as buttons)',
    });
    stage.append(canvas);
    this.root.append(stage);
    this.stage = stage;
    this.canvas = canvas;
    M.canvas = canvas;
    const dpr = Math.min(Math.max(window.devicePixelRatio || 1, 1), 4);
    this.dpr = dpr;
    const { width, height } = this.pixelSize();
    canvas.width = width;
    canvas.height = height;

    // Wheel deltas normalised to lines (the browser's are pixels, lines or pages).
    this.on_wheel = (e) => {
      e.preventDefault();
      const unit = e.deltaMode === 1 ? 3 : e.deltaMode === 2 ? 0.1 : 100;
      this.guard(() => { M._gloss_panel_scroll(-e.deltaX / unit, -e.deltaY / unit); this.schedule(); });
    };
    canvas.addEventListener('wheel', this.on_wheel, { passive: false });
    // The WebGL2 context, on this panel's own canvas, made current for the module's GL calls. ImGui draws
    // without antialiasing, depth or stencil buffers.
    this.glContext = M.GL.createContext(canvas, { majorVersion: 2, minorVersion: 0, alpha: true, antialias: false,
      depth: false, stencil: false, premultipliedAlpha: true, preserveDrawingBuffer: false });
    if (!this.glContext) {  // no WebGL2: the lists and in-page marks instead
      stage.remove();
      this.canvas = null;
      return false;
    }
    M.GL.makeContextCurrent(this.glContext);
    let ok = M._gloss_panel_init(width, height, dpr);
    if (ok) {
      // The glyphs: the base set and the first text's characters (later texts add theirs in setText). Should
      // Canvas 2D fail, the lists.
      try {
        this.glyphs = new Glyphs(M, dpr);
        this.glyphs.start(this.firstText);
        mark('glyphs');
      } catch (e) {
        logOnce(e, 'drawing the panel font');
        M._gloss_panel_shutdown();
        ok = 0;
      }
    }
    if (!ok) {
      M.GL.deleteContext(this.glContext);
      stage.remove();
      this.canvas = null;
      return false;
    }
    this.resize();
    this.listenInput(canvas);
    const wake = () => this.schedule();
    for (const type of INPUT_EVENTS) canvas.addEventListener(type, wake, { passive: true });
    canvas.addEventListener('mousedown', () => canvas.focus({ preventScroll: true }));
    this.resizeObserver = new ResizeObserver(() => this.guard(() => this.resize()));
    this.resizeObserver.observe(stage);
    return true;
  }

  // Input, on the canvas only (the host page keeps its keyboard): the mouse in device pixels, keys by
  // KeyboardEvent.keyCode, typed characters, focus. As ImGui's GLFW backend had it from emscripten's GLFW:
  // a printable key is also a character unless it is a command (Ctrl or Meta), and Backspace stays in the panel
  // (the search box uses it). Tab is the page's: it moves the focus on (to the accessible lists), so a
  // keyboard user is never trapped in the canvas.
  listenInput(canvas) {
    const M = this.module;
    const at = (p) => {
      const r = canvas.getBoundingClientRect();
      M._gloss_panel_mouse((p.clientX - r.left) * canvas.width / r.width, (p.clientY - r.top) * canvas.height / r.height);
    };
    const OUTSIDE = -3.4028234663852886e38;  // -FLT_MAX: ImGui's "no mouse", so no hover is left behind
    // While a button is held after a press in the canvas, the mouse is followed outside it too (a scrollbar
    // drag goes on), and a release outside releases the button in the panel: otherwise it stayed down
    // until the next click. Window listeners only for the time of the press (see endPress, destroy()).
    const held = new Set();
    const outsideMove = (e) => {
      if (e.target !== canvas) this.guard(() => { at(e); this.schedule(); });
    };
    const outsideUp = (e) => {
      if (e.target !== canvas && held.has(e.button)) {
        this.guard(() => {
          M._gloss_panel_mouse_button(e.button, 0);
          M._gloss_panel_mouse(OUTSIDE, OUTSIDE);
          this.schedule();
        });
      }
      held.delete(e.button);
      if (!held.size) this.endPress();
    };
    this.endPress = () => {
      held.clear();
      window.removeEventListener('mousemove', outsideMove, true);
      window.removeEventListener('mouseup', outsideUp, true);
    };
    const press = (e) => {
      if (!held.size) {
        window.addEventListener('mousemove', outsideMove, true);
        window.addEventListener('mouseup', outsideUp, true);
      }
      held.add(e.button);
    };
    // A touch is the left button (scrollbars and selection can be dragged), as emscripten's GLFW had it.
    const touch = (e, down) => {
      if (e.changedTouches.length) at(e.changedTouches[0]);
      if (down !== undefined) M._gloss_panel_mouse_button(0, down);
    };
    const handlers = {
      mousemove: at,
      // Not the browser's default either: a drag out of the canvas would select the host page's text (the
      // canvas takes the focus itself, above).
      mousedown: (e) => { e.preventDefault(); at(e); M._gloss_panel_mouse_button(e.button, 1); press(e); },
      mouseup: (e) => { at(e); M._gloss_panel_mouse_button(e.button, 0); },
      mouseleave: () => M._gloss_panel_mouse(OUTSIDE, OUTSIDE),
      touchstart: (e) => touch(e, 1),
      touchmove: (e) => touch(e),
      touchend: (e) => touch(e, 0),
      touchcancel: (e) => touch(e, 0),
      keydown: (e) => {
        if (e.keyCode === 9) return;
        M._gloss_panel_key(e.keyCode, 1, modifiers(e));
        // AltGr arrives as Ctrl+Alt on Windows: its characters ("@", "€" on many layouts) are text.
        const command = (e.ctrlKey && !e.altKey) || e.metaKey;
        if ([...e.key].length === 1 && !command) {
          this.glyphs.addText(e.key);
          M._gloss_panel_char(e.key.codePointAt(0));
        }
        if (e.keyCode === 8) e.preventDefault();
      },
      keyup: (e) => { if (e.keyCode !== 9) M._gloss_panel_key(e.keyCode, 0, modifiers(e)); },
      focus: () => M._gloss_panel_focus(1),
      blur: () => M._gloss_panel_focus(0),
    };
    for (const [type, handle] of Object.entries(handlers)) {
      // Touches are not prevented (the page still scrolls), so their listeners can be passive.
      canvas.addEventListener(type, (e) => this.guard(() => { handle(e); this.schedule(); }), { passive: type.startsWith('touch') });
    }
  }

  pixelSize() {
    const rect = this.canvas.getBoundingClientRect();
    return { width: Math.max(1, Math.round(rect.width * this.dpr)), height: Math.max(1, Math.round(rect.height * this.dpr)) };
  }

  resize() {
    if (!this.canvas || this.destroyed) return;
    const { width, height } = this.pixelSize();
    // The panel's own side lists need room; below kSideListsMinWidth CSS pixels the article gets the
    // whole canvas and the DOM lists under it carry the entities and quotations. Set only when that
    // changes, so the panel's own "Lists" button keeps working in between.
    const show = this.sideLists === 'auto' ? width / this.dpr >= PanelHandle.kSideListsMinWidth : !!this.sideLists;
    if (show !== this.sideListsShown && typeof this.module._gloss_panel_show_side_lists === 'function') {
      this.sideListsShown = show;
      this.module._gloss_panel_show_side_lists(show ? 1 : 0);
      this.schedule();
    }
    if (width === this.canvas.width && height === this.canvas.height) return;
    this.canvas.width = width;
    this.canvas.height = height;
    this.module._gloss_panel_resize(width, height);
    this.schedule();
  }

  schedule(frames = 2) {
    if (!this.canvas || this.destroyed) return;
    this.budget = Math.max(this.budget || 0, frames);
    if (!this.raf) this.raf = requestAnimationFrame(() => this.guard(() => this.tick()));
  }

  tick() {
    this.raf = 0;
    if (this.destroyed || !this.canvas) return;
    const again = this.module._gloss_panel_frame() === 1;
    this.frames++;
    this.budget--;
    this.poll();
    if (again || this.budget > 0) this.schedule(again ? 1 : 0);
    if (!this.firstFrame) {
      this.firstFrame = performance.now();
      mark('first-frame');
      this.root.dataset.glossReady = 'true';
      this.emit('ready', { frames: this.frames });
    }
  }

  // Selection made on the canvas: read back after each frame.
  poll() {
    const M = this.module;
    const entity = M._gloss_panel_selected_entity();
    const quote = M._gloss_panel_selected_quote();
    if (entity !== this.selected.entity) this.changed('entity', entity, this.selectSource || 'panel');
    if (quote !== this.selected.quote) this.changed('quote', quote, this.selectSource || 'panel');
    this.selectSource = null;
  }

  changed(kind, index, source) {
    this.selected[kind] = index;
    const doc = this.document || {};
    const item = index >= 0 ? (kind === 'entity' ? doc.entities : doc.quotes)?.[index] ?? null : null;
    if (index >= 0 || kind === 'entity') this.mirror.select(kind, index);
    this.emit('select', { kind, index, [kind]: item, source });
  }

  // --- public API ---------------------------------------------------------------------------------
  /** Shows `text` (any input format). Throws an Error with the core's message; the panel keeps the previous text. */
  setText(text) {
    if (this.destroyed) throw new Error('gloss: this panel was destroyed');
    if (typeof text !== 'string') throw new TypeError('gloss: setText(text): text must be a string');
    if (!this.core) return;
    const doc = this.core.annotate(text); // throws on a broken limit
    mark('annotated');
    this.document = doc;
    this.mirror.render(doc);
    this.selected = { entity: -1, quote: -1 };
    if (this.canvas) {
      const M = this.module;
      // Glyphs that fail to draw show as U+FFFD; the text itself still goes to the panel.
      try { this.glyphs.addText(text, ...drawnStrings(doc)); } catch (e) { logOnce(e, 'drawing the panel font'); }
      const bytes = new TextEncoder().encode(text);
      const ptr = M._malloc(bytes.length + 1);
      if (!ptr) throw new Error('gloss: out of memory for the panel text');
      try {
        M.HEAPU8.set(bytes, ptr);
        if (!M._gloss_panel_set_text(ptr, bytes.length)) throw new Error(JSON.parse(M.UTF8ToString(M._gloss_panel_error())).error.message);
        mark('panel-text');
      } finally {
        M._free(ptr);
      }
      this.schedule();
    } else {
      this.emit('ready', { frames: 0, fallback: true });
      this.root.dataset.glossReady = 'fallback';
    }
  }

  /** Selects entity or quote `index` (-1: none) as a click in the list does. */
  select(kind, index, source = 'api') {
    if (kind !== 'entity' && kind !== 'quote') throw new TypeError("gloss: select(kind, index): kind is 'entity' or 'quote'");
    if (this.canvas) {
      this.selectSource = source;
      if (kind === 'entity') this.module._gloss_panel_select_entity(index);
      else this.module._gloss_panel_select_quote(index);
      this.schedule();
    } else {
      this.changed(kind, index, source);
    }
  }

  /** Subscribes to 'select' ({kind, index, entity|quote, source}) or 'ready'; returns an unsubscribe function. */
  on(event, fn) {
    if (typeof fn !== 'function') throw new TypeError('gloss: on(event, fn): fn must be a function');
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event).add(fn);
    return () => this.off(event, fn);
  }

  off(event, fn) { this.listeners.get(event)?.delete(fn); }

  emit(event, detail) {
    for (const fn of this.listeners.get(event) || []) {
      try { fn(detail); } catch (e) { logOnce(e, `a '${event}' listener failed`); }
    }
  }

  /** Where entity mention `index` was drawn last frame, in CSS pixels relative to the canvas (or null). */
  entityRect(index) {
    if (!this.canvas) return null;
    const M = this.module;
    const ptr = M._malloc(16);
    try {
      if (!M._gloss_panel_entity_rect(index, ptr)) return null;
      const f = M.HEAPF32.subarray(ptr >> 2, (ptr >> 2) + 4);
      const s = this.canvas.getBoundingClientRect().width / this.canvas.width;
      return { x: f[0] * s, y: f[1] * s, width: (f[2] - f[0]) * s, height: (f[3] - f[1]) * s };
    } finally {
      M._free(ptr);
    }
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.resizeObserver?.disconnect();
    this.endPress?.();
    try {
      if (this.canvas && this.module) {
        this.module._gloss_panel_shutdown();
        const gl = this.module.GL.getContext(this.glContext)?.GLctx;
        this.module.GL.deleteContext(this.glContext);
        gl?.getExtension('WEBGL_lose_context')?.loseContext();
      }
    } catch (e) {
      logOnce(e, 'closing the panel');
    }
    this.root.remove();
    this.listeners.clear();
    this.module = null;
  }

  // --- errors: caught, logged once, shown; the page goes on ------------------------------------------
  guard(fn) {
    try {
      return fn();
    } catch (e) {
      this.fail(e, 'panel');
      return undefined;
    }
  }

  moduleError(message) {
    if (/aborted/.test(message)) this.fail(new Error(message), 'WebAssembly');
  }

  fail(error, context) {
    const message = logOnce(error, context);
    if (error instanceof WebAssembly.RuntimeError || /aborted/.test(message)) {
      this.failed = true;
      if (this.stage) this.stage.remove();
      this.canvas = null;
      this.root.dataset.fallback = 'true';
    }
    showNotice(this.root, 'Gloss hit an error and shows what it can; the page is not affected.', 'error');
    this.emit('error', { message });
  }
}
