// Finding the article on a host page: a selector given by the page, or Mozilla Readability run on a
// clone of the document (the live page is never touched), matched back to the live element that
// holds the same text. Headline, date, source and related links are read as text only.
// The class's own file: the package's index also bundles isProbablyReaderable, which nothing calls.
import Readability from '@mozilla/readability/Readability.js';
import { readText } from './marks.js';

const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

// The smallest live element holding the first and the last paragraph Readability kept (`content` is
// Readability's element, from the clone: its paragraphs are matched by text, whitespace-normalised).
function locate(doc, content) {
  const paragraphs = [...content.querySelectorAll('p')].map((p) => norm(p.textContent)).filter((t) => t.length >= 40);
  if (!paragraphs.length) return null;
  const head = paragraphs[0].slice(0, 80), tail = paragraphs[paragraphs.length - 1].slice(-80);
  let best = null, bestLength = Infinity;
  for (const node of doc.body.querySelectorAll('article, main, section, div, [itemprop="articleBody"]')) {
    const t = norm(node.textContent);
    if (t.length >= bestLength) continue;
    if (t.includes(head) && t.includes(tail)) {
      best = node;
      bestLength = t.length;
    }
  }
  return best;
}

/**
 * The article of `doc`: { root, title, published, source, related, via }. `config` holds the embed's
 * data- attributes: selector, title, related, source. Returns null when nothing article-like is found.
 */
export function findArticle(doc, config = {}) {
  let root = null, via = 'selector', parsed = null;
  if (config.selector) root = doc.querySelector(config.selector);
  if (!root) {
    via = 'readability';
    try {
      parsed = new Readability(doc.cloneNode(true), { charThreshold: 200, serializer: (node) => node }).parse();
      if (parsed) root = locate(doc, parsed.content);
    } catch (_) {
      parsed = null;
    }
  }
  if (!root) {
    via = 'fallback';
    root = doc.querySelector('[itemprop="articleBody"], article, main');
  }
  if (!root) return null;

  const scope = root.closest('article') || root;
  const h1 = (config.title && doc.querySelector(config.title)) || scope.querySelector('h1') || doc.querySelector('h1');
  const title = norm(h1 ? h1.textContent : parsed?.title || doc.title);
  const time = scope.querySelector('time[datetime]') || doc.querySelector('time[datetime]');
  const meta = (name) => doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content') || '';
  const published = (time && time.getAttribute('datetime')) || meta('article:published_time');
  const source = config.source || meta('og:site_name') || parsed?.siteName || '';

  const related = [];
  const list = config.related ? doc.querySelector(config.related) : null;
  if (list) {
    for (const a of list.querySelectorAll('a')) {
      const titleNode = a.querySelector('[data-gloss-title], h3, h4, span') || a;
      const img = a.querySelector('img');
      related.push({
        id: a.getAttribute('data-id') || String(related.length + 1),
        pic: img ? img.getAttribute('src') || '' : '',
        title: norm(titleNode.textContent),
      });
      if (related.length >= 100) break;
    }
  }
  return { root, title, published: published.replace(/(\.\d+)?(Z|[+-]\d\d:?\d\d)$/, ''), source, related, via, h1 };
}

/** The text the panel shows: a gloss JSON article (title, published, body, source, related). */
export function articleInput(article, bodyText) {
  const input = { title: article.title, body: bodyText };
  if (article.published) input.published = article.published;
  if (article.source) input.source = article.source;
  if (article.related.length) input.related = article.related;
  return JSON.stringify(input);
}

/** The body text with its map back to the page's text nodes (the headline is left out). */
export function readBody(article) {
  const exclude = article.h1 && article.root.contains(article.h1) ? 'h1, header, time, figure, aside, nav' : 'header, figure, aside, nav';
  return readText(article.root, exclude);
}
