// Small DOM helpers. Article text only ever goes in through textContent / text nodes: never
// innerHTML, never an attribute that a browser would run (on*, href, src).

/** An element with classes and (optionally) text; attributes are plain strings (aria-*, role, ...). */
export function el(tag, className, text, attrs) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

// Errors are logged once per message (a page may mount many panels) and shown as a small notice.
const logged = new Set();
const loggedErrors = new WeakSet(); // the same error reaching several handlers is logged once too
export function logOnce(error, context) {
  const message = `${context}: ${error && error.message ? error.message : String(error)}`;
  const isObject = error !== null && typeof error === 'object';
  if (logged.has(message) || (isObject && loggedErrors.has(error))) return message;
  logged.add(message);
  if (isObject) loggedErrors.add(error);
  console.error(`[gloss] ${message}`, error);
  return message;
}

/** Shows (or updates) a small notice in `host`; returns the element. */
export function showNotice(host, message, kind = 'info') {
  let notice = host.querySelector(':scope > .gloss-notice');
  if (!notice) {
    notice = el('p', 'gloss-notice', null, { role: kind === 'error' ? 'alert' : 'status' });
    host.prepend(notice);
  }
  notice.dataset.kind = kind;
  notice.textContent = message;
  return notice;
}

export function hasWebGL2() {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return true;
  } catch (_) {
    return false;
  }
}

/** A performance mark for the benchmark (web/bench/run.mjs reads "gloss:*" marks); never throws. */
export function mark(name) {
  try { performance.mark(`gloss:${name}`); } catch (_) { /* no User Timing: nothing to record */ }
}
