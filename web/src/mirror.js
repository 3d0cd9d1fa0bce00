// The accessible DOM mirror of the panel's lists: a canvas is invisible to screen readers, so the
// entities (one button per mention group) and quotations are also real, focusable, labelled buttons.
// Selecting one selects it in the panel; a selection made on the canvas is announced (aria-live).
import { el } from './dom.js';

const TYPE_NAMES = {
  PERSON: 'person', ORG: 'organisation', GPE: 'place (country, city)', LOC: 'location', NORP: 'nationality or group',
  FAC: 'facility', EVENT: 'event', PRODUCT: 'product', DATE: 'date', TIME: 'time', MONEY: 'money', PERCENT: 'percentage',
};

function snippet(text, max = 90) {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export class Mirror {
  /** `onPick(kind, index)`: the user chose entity/quote `index` of the document. */
  constructor(onPick) {
    this.onPick = onPick;
    this.root = el('section', 'gloss-mirror', null, { 'aria-label': 'Gloss: entities and quotations in this article' });
    this.live = el('p', 'gloss-live', null, { 'aria-live': 'polite', role: 'status' });
    this.lists = el('div', 'gloss-lists');
    this.root.append(this.live, this.lists);
    this.doc = null;
    this.entityButtons = new Map(); // mention index -> button of its group
    this.quoteButtons = [];
  }

  render(doc) {
    this.doc = doc;
    this.lists.replaceChildren();
    this.entityButtons.clear();
    this.quoteButtons = [];
    const entities = doc.entities || [];
    const quotes = doc.quotes || [];

    const groups = new Map();
    entities.forEach((e, i) => {
      const key = e.group >= 0 ? `g${e.group}` : `${e.type}:${e.canonical || e.text}`;
      if (!groups.has(key)) groups.set(key, { first: i, entity: e, mentions: [] });
      groups.get(key).mentions.push(i);
    });
    const eh = el('h2', 'gloss-h', `Entities (${groups.size})`, { id: this.uid('entities') });
    const ul = el('ul', 'gloss-list', null, { 'aria-labelledby': eh.id });
    for (const g of groups.values()) {
      const name = g.entity.canonical || g.entity.text;
      const count = g.mentions.length;
      const button = el('button', `gloss-item gloss-t-${g.entity.type}`, null, {
        type: 'button', 'aria-pressed': 'false',
        'aria-label': `${name}, ${TYPE_NAMES[g.entity.type] || g.entity.type}, ${count} mention${count === 1 ? '' : 's'}`,
      });
      button.dataset.kind = 'entity';
      button.dataset.index = String(g.first);
      button.append(el('span', 'gloss-swatch', null, { 'aria-hidden': 'true' }), el('span', 'gloss-name', name),
        el('span', 'gloss-type', g.entity.type, { 'aria-hidden': 'true' }), el('span', 'gloss-count', `×${count}`, { 'aria-hidden': 'true' }));
      button.addEventListener('click', () => this.onPick('entity', g.first));
      for (const m of g.mentions) this.entityButtons.set(m, button);
      ul.append(el('li', null).appendChild(button).parentNode);
    }
    if (!groups.size) ul.append(el('li', 'gloss-empty', 'No entities found.'));

    const qh = el('h2', 'gloss-h', `Quotations (${quotes.length})`, { id: this.uid('quotes') });
    const ql = el('ul', 'gloss-list', null, { 'aria-labelledby': qh.id });
    quotes.forEach((q, i) => {
      const speaker = q.resolved_speaker || (q.speaker && q.speaker.text) || 'unknown speaker';
      const button = el('button', 'gloss-item gloss-quote', null, {
        type: 'button', 'aria-pressed': 'false', 'aria-label': `${q.kind} quotation by ${speaker}: ${snippet(q.text, 200)}`,
      });
      button.dataset.kind = 'quote';
      button.dataset.index = String(i);
      button.append(el('span', 'gloss-qtext', snippet(q.text)), el('span', 'gloss-speaker', `— ${speaker}`));
      button.addEventListener('click', () => this.onPick('quote', i));
      this.quoteButtons.push(button);
      ql.append(el('li', null).appendChild(button).parentNode);
    });
    if (!quotes.length) ql.append(el('li', 'gloss-empty', 'No quotations found.'));
    this.lists.append(eh, ul, qh, ql);
  }

  /** Reflects a selection (from the canvas or the list) and announces it. */
  select(kind, index) {
    for (const b of this.lists.querySelectorAll('button[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
    if (!this.doc || index < 0) return;
    const button = kind === 'entity' ? this.entityButtons.get(index) : this.quoteButtons[index];
    if (button) button.setAttribute('aria-pressed', 'true');
    if (kind === 'entity') {
      const e = this.doc.entities[index];
      if (e) this.live.textContent = `Selected ${TYPE_NAMES[e.type] || e.type}: ${e.canonical || e.text}`;
    } else {
      const q = this.doc.quotes[index];
      if (q) this.live.textContent = `Selected quotation: ${snippet(q.text, 160)}`;
    }
  }

  uid(name) {
    Mirror.counter = (Mirror.counter || 0) + 1;
    return `gloss-${name}-${Mirror.counter}`;
  }
}
