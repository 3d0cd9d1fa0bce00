// In-page marks: the article's own text, read from its text nodes (with a map back to them), and
// <mark> elements built around exact text-node ranges. Nothing is parsed as HTML: text nodes are
// split with splitText() and moved into marks, so the page's markup and listeners stay as they were.
import { el } from './dom.js';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'BUTTON',
  'SELECT', 'TEXTAREA', 'INPUT', 'FIGURE', 'ASIDE', 'NAV']);
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'FIGCAPTION', 'HR']);

/**
 * The visible text of `root` as paragraphs separated by blank lines (whitespace runs collapsed), with
 * `map[i]` = [text node, offset in it] for each UTF-16 unit i of the text (separators map to null).
 * Elements matching `exclude` (a selector) are left out, as are scripts, forms, figures and asides.
 */
export function readText(root, exclude) {
  const out = [];
  const map = [];
  let pendingBreak = false;
  const push = (ch, node, offset) => { out.push(ch); map.push(node ? [node, offset] : null); };
  const paragraphBreak = () => { if (out.length) pendingBreak = true; };
  const walk = (node) => {
    if (node.nodeType === 3) {
      const data = node.data;
      for (let i = 0; i < data.length; i++) {
        const c = data[i];
        if (c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f') {
          if (out.length && !pendingBreak && out[out.length - 1] !== ' ') push(' ', node, i);
          continue;
        }
        if (pendingBreak) {
          while (out.length && out[out.length - 1] === ' ') { out.pop(); map.pop(); }
          push('\n', null); push('\n', null);
          pendingBreak = false;
        }
        push(c, node, i);
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.tagName.toUpperCase();
    if (SKIP.has(tag) || node.hidden || node.getAttribute('aria-hidden') === 'true') return;
    if (node.classList && [...node.classList].some((c) => c.startsWith('gloss-') && c !== 'gloss-mark')) return;
    if (exclude && node.matches(exclude)) return;
    if (tag === 'BR') { paragraphBreak(); return; }
    const block = BLOCK.has(tag);
    if (block) paragraphBreak();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) paragraphBreak();
  };
  walk(root);
  while (out.length && out[out.length - 1] === ' ') { out.pop(); map.pop(); }
  return { text: out.join(''), map };
}

/**
 * Wraps every entity and quotation of `doc` (annotated from `read.text`, so start16/end16 index it)
 * in <mark> elements. Overlaps are cut into flat pieces, each carrying the classes of all spans over
 * it. Returns a function that removes the marks again.
 */
export function markSpans(read, doc) {
  const spans = [];
  (doc.entities || []).forEach((e, i) => spans.push({ start: e.start16, end: e.end16, cls: `gloss-e gloss-t-${e.type}`, label: e.type, kind: 'entity', index: i }));
  (doc.quotes || []).forEach((q, i) => spans.push({ start: q.start16, end: q.end16, cls: 'gloss-q', label: 'quote', kind: 'quote', index: i }));
  // Elementary intervals between all boundaries, each with the spans covering it.
  const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const pieces = []; // {node, from, to, covering}
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c], b = cuts[c + 1];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) continue;
    let i = a;
    while (i < b) {
      const m = read.map[i];
      if (!m) { i++; continue; }
      const node = m[0];
      let j = i + 1;
      // Collapsed whitespace inside the node is covered too (offsets may jump within one node).
      while (j < b && read.map[j] && read.map[j][0] === node) j++;
      const last = read.map[j - 1];
      pieces.push({ node, from: m[1], to: last[1] + 1, covering });
      i = j;
    }
  }
  // Per node, wrap from the end so earlier offsets stay valid.
  const byNode = new Map();
  for (const p of pieces) {
    if (!byNode.has(p.node)) byNode.set(p.node, []);
    byNode.get(p.node).push(p);
  }
  const marks = [];
  for (const [node, list] of byNode) {
    list.sort((x, y) => y.from - x.from);
    for (const p of list) {
      if (p.to < node.data.length) node.splitText(p.to);
      const middle = p.from > 0 ? node.splitText(p.from) : node;
      const classes = new Set(['gloss-mark']);
      for (const s of p.covering) for (const c of s.cls.split(' ')) classes.add(c);
      const mark = el('mark', [...classes].join(' '));
      const entity = p.covering.find((s) => s.kind === 'entity');
      const quote = p.covering.find((s) => s.kind === 'quote');
      if (entity) mark.dataset.glossEntity = String(entity.index);
      if (quote) mark.dataset.glossQuote = String(quote.index);
      if (entity) mark.title = entity.label;
      middle.parentNode.insertBefore(mark, middle);
      mark.appendChild(middle);
      marks.push(mark);
    }
  }
  return function unmark() {
    const parents = new Set();
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parents.add(parent);
    }
    for (const p of parents) p.normalize();
  };
}
