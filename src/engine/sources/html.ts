/**
 * A small, linear HTML scanner for saved article pages. It does not build a DOM: it
 * finds the visible text of article content as spans of the ORIGINAL file text, so
 * offsets and lines point into the real file.
 *
 * - Excluded: tags, comments, doctype/processing instructions, the content of
 *   <script>, <style>, <template>, <textarea>, <title>, <noscript>, and of <nav>,
 *   <header>, <footer>, <aside>, <form>, <button>, <select>, <svg>, <iframe>, <menu>,
 *   <dialog>, and of elements whose class or id names page furniture
 *   ("related", "share", "social", "newsletter", "comments", "advert", "promo",
 *   "cookie", "subscribe", "breadcrumb", "sidebar", "menu", "nav", "footer", "recommended").
 * - When the page has <article> or <main> content, only text inside them counts.
 * - One span per block (p, div, h1-h6, li, td, blockquote, br, ...). Text separated only
 *   by inline tags (<a>, <b>, <em>, <span>, ...) stays in one span, which then covers
 *   those tags: sentences do not break at inline markup. Entities are left as they are
 *   in the text (see `decodeEntities`).
 */
import type { Span } from '../types';
import { decodeEntities } from './entities';
import { trimSpan } from './boilerplate';

export interface HtmlScan {
  /** Block-level visible text spans (trimmed), in order. */
  blocks: Span[];
  title?: string;
  /** <meta property|name=…> values, keys lower-cased. */
  meta: Record<string, string>;
  /** datetime of the first <time datetime> in content. */
  time?: string;
  canonical?: string;
}

const RAW = new Set(['script', 'style', 'template', 'textarea', 'title', 'noscript', 'xmp', 'plaintext']);
const EXCLUDED = new Set(['nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'svg', 'iframe', 'menu', 'dialog', 'object', 'canvas', 'math']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen']);
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'img', 'big', 'tt', 'nobr',
]);
const FURNITURE_RE =
  /(?:^|[\s_-])(?:related|share|sharing|social|newsletter|comments?|advert\w*|ads?|promo\w*|cookie\w*|subscribe|subscription|breadcrumbs?|sidebar|menu|nav|navbar|navigation|footer|recommended|recommendations|most-read|trending)(?:$|[\s_-])/i;

const TAG_NAME_RE = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)/y;
const ATTR_RE = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(s); m; m = ATTR_RE.exec(s)) {
    const key = m[1]!.toLowerCase();
    if (!(key in out)) out[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** Index of the '>' that closes a tag opened at `from`, honouring quoted attribute values. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

interface Run {
  start: number;
  end: number;
  block: number;
  inArticle: boolean;
}

export function scanHtml(text: string): HtmlScan {
  const meta: Record<string, string> = {};
  let title: string | undefined;
  let time: string | undefined;
  let canonical: string | undefined;
  const runs: Run[] = [];
  const stack: { name: string; excluded: boolean; article: boolean }[] = [];
  let excludedDepth = 0;
  let articleDepth = 0;
  let block = 0;
  let i = 0;
  const n = text.length;

  const addText = (s: number, e: number): void => {
    if (s >= e || excludedDepth > 0) return;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) {
        runs.push({ start: s, end: e, block, inArticle: articleDepth > 0 });
        return;
      }
    }
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(i, n);
      break;
    }
    if (text.startsWith('<!--', lt)) {
      addText(i, lt);
      const close = text.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      block++;
      continue;
    }
    if (text.startsWith('<!', lt) || text.startsWith('<?', lt)) {
      addText(i, lt);
      const close = text.indexOf('>', lt + 2);
      i = close < 0 ? n : close + 1;
      block++;
      continue;
    }
    TAG_NAME_RE.lastIndex = lt;
    const m = TAG_NAME_RE.exec(text);
    if (!m) {
      // A literal '<' in text: keep scanning after it (the run continues).
      addText(i, lt + 1);
      i = lt + 1;
      continue;
    }
    addText(i, lt);
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const gt = tagEnd(text, lt + m[0].length);
    const tagClose = gt < 0 ? n : gt;
    const attrText = text.slice(lt + m[0].length, tagClose);
    i = gt < 0 ? n : gt + 1;
    if (!INLINE.has(name)) block++;

    if (closing) {
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.name !== name) continue;
        while (stack.length > k) {
          const top = stack.pop()!;
          if (top.excluded) {
            excludedDepth--;
            block++;
          }
          if (top.article) articleDepth--;
        }
        break;
      }
      continue;
    }

    const attrs = parseAttrs(attrText);
    if (name === 'meta') {
      const key = (attrs['property'] ?? attrs['name'] ?? attrs['itemprop'] ?? '').toLowerCase();
      if (key && attrs['content'] !== undefined && !(key in meta)) meta[key] = attrs['content'];
      continue;
    }
    if (name === 'link') {
      if ((attrs['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical') && attrs['href']) canonical ??= attrs['href'];
      continue;
    }
    if (name === 'time' && time === undefined && attrs['datetime'] && excludedDepth === 0) time = attrs['datetime'];

    if (RAW.has(name)) {
      if (/\/\s*$/.test(attrText)) continue;
      const endRe = new RegExp(`</${name}[\\s>/]`, 'gi');
      endRe.lastIndex = i;
      const em = endRe.exec(text);
      const contentEnd = em ? em.index : n;
      if (name === 'title' && title === undefined) title = decodeEntities(text.slice(i, contentEnd)).replace(/\s+/g, ' ').trim();
      if (em) {
        const close = text.indexOf('>', em.index);
        i = close < 0 ? n : close + 1;
      } else i = n;
      block++;
      continue;
    }
    if (VOID.has(name) || /\/\s*$/.test(attrText)) continue;

    const cls = `${attrs['class'] ?? ''} ${attrs['id'] ?? ''} ${attrs['role'] === 'navigation' || attrs['role'] === 'complementary' ? 'nav' : ''}`;
    const excluded = EXCLUDED.has(name) || (cls.trim() !== '' && FURNITURE_RE.test(cls)) || 'hidden' in attrs;
    const article = name === 'article' || name === 'main';
    stack.push({ name, excluded, article });
    if (excluded) {
      excludedDepth++;
      block++;
    }
    if (article) articleDepth++;
  }

  const useArticle = runs.some((r) => r.inArticle);
  const blocks: Span[] = [];
  let cur: { block: number; start: number; end: number } | undefined;
  const flush = (): void => {
    if (!cur) return;
    const t = trimSpan(text, cur.start, cur.end);
    // skip blocks with no visible letter or digit ("&nbsp;", "|", "•")
    if (t && /[\p{L}\p{N}]/u.test(decodeEntities(text.slice(t.start, t.end)).replace(/<[^>]*>/g, ''))) blocks.push(t);
    cur = undefined;
  };
  for (const r of runs) {
    if (useArticle && !r.inArticle) continue;
    if (cur && cur.block === r.block) cur.end = r.end;
    else {
      flush();
      cur = { block: r.block, start: r.start, end: r.end };
    }
  }
  flush();
  return { blocks, title, meta, time, canonical };
}
