/**
 * parseSource: one decoded file → SourceDoc with metadata and body spans.
 * Pure (no I/O); `text` is always the original file text so offsets and lines
 * point into the real file.
 */
import * as path from 'node:path';
import type { SourceDoc, SourceInput, Span } from '../types';
import { proseSpans } from '../sentences/markdown';
import { filterBoilerplate, lineHints, lineSegments, type Segment } from './boilerplate';
import { pick, readFrontMatter } from './frontmatter';
import { scanHtml } from './html';
import { inferDate, inferOutlet, inferTitle, parseDate, segmentTexts } from './metadata';
import { oneLine } from '../text/plain';

export type SourceKind = 'markdown' | 'html' | 'text';

export function sourceKind(p: string, text: string): SourceKind {
  const clean = p.replace(/[?#].*$/, '').toLowerCase();
  if (/\.(?:md|markdown|mdown|mkd)$/.test(clean)) return 'markdown';
  if (/\.(?:html?|xhtml)$/.test(clean)) return 'html';
  // A saved page with a .txt name that is really HTML.
  if (/^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 512))) return 'html';
  return 'text';
}

/**
 * True when a POSIX path is absolute and already in the form path.resolve gives
 * (no empty, "." or ".." segments, no trailing slash), so resolving leaves it as it is.
 */
function isResolvedPosix(p: string): boolean {
  if (p.length < 2 || p.charCodeAt(0) !== 47 || p.charCodeAt(p.length - 1) === 47) return false;
  return !p.includes('//') && !p.includes('/./') && !p.includes('/../') && !p.endsWith('/.') && !p.endsWith('/..');
}

/** path.relative(root, p), with a shortcut for the usual case of a resolved POSIX path below a resolved root. */
function relativePath(root: string, p: string): string {
  if (
    path.sep === '/' &&
    p.length > root.length + 1 &&
    p.charCodeAt(root.length) === 47 &&
    p.startsWith(root) &&
    isResolvedPosix(root) &&
    isResolvedPosix(p)
  ) {
    return p.slice(root.length + 1);
  }
  return path.relative(root, p);
}

function displayName(p: string, root?: string): string {
  if (root) {
    const rel = relativePath(root, p);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
  return path.basename(p.replace(/[\\/]+$/, '')) || p;
}

/** Intersection of two sorted, non-overlapping span lists. */
export function intersectSpans(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const s = Math.max(x.start, y.start);
    const e = Math.min(x.end, y.end);
    if (s < e) out.push({ start: s, end: e });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

function normalizeDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  return parseDate(s) ?? (/^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);
}

export function parseSource(input: SourceInput, id: number, root?: string): SourceDoc {
  const text = input.text;
  const doc: SourceDoc = {
    id,
    path: input.path,
    file: displayName(input.path, root),
    text,
    body: [],
    warnings: [],
  };
  if (input.mtimeMs !== undefined) doc.mtimeMs = input.mtimeMs;
  if (input.size !== undefined) doc.size = input.size;

  const kind = sourceKind(input.path, text);
  let segments: Segment[];
  let fmTitle: string | undefined;
  let fmOutlet: string | undefined;
  let fmDate: string | undefined;
  let fmUrl: string | undefined;

  if (kind === 'html') {
    const scan = scanHtml(text);
    segments = scan.blocks;
    const m = scan.meta;
    fmTitle = m['og:title'] ?? m['twitter:title'] ?? scan.title;
    fmOutlet = m['og:site_name'] ?? m['application-name'] ?? m['publisher'];
    fmDate = normalizeDate(m['article:published_time'] ?? m['datepublished'] ?? m['date'] ?? m['pubdate'] ?? scan.time);
    fmUrl = m['og:url'] ?? scan.canonical;
  } else if (kind === 'markdown') {
    const fm = readFrontMatter(text);
    if (fm.warning) doc.warnings.push(fm.warning);
    fmTitle = pick(fm.data, ['title', 'headline']);
    fmOutlet = pick(fm.data, ['outlet', 'source', 'publisher', 'site', 'site_name', 'publication']);
    fmDate = normalizeDate(pick(fm.data, ['date', 'published', 'published_at', 'pubdate', 'datepublished']));
    fmUrl = pick(fm.data, ['url', 'link', 'canonical', 'source_url']);
    if (fm.data && pick(fm.data, ['date', 'published', 'published_at', 'pubdate', 'datepublished']) && !fmDate) {
      doc.warnings.push('front matter date is not a recognisable date');
    }
    // Prose only (no code blocks, list/heading markers), line by line for the boilerplate rules.
    const prose = proseSpans(text);
    segments = intersectSpans(lineSegments(text, fm.bodyStart), prose).filter((s) => /\S/.test(text.slice(s.start, s.end)));
  } else {
    segments = lineSegments(text);
  }

  const lines = segmentTexts(text, segments);
  const hints = lineHints(text);
  doc.body = filterBoilerplate(text, segments, hints, lines);

  const title = fmTitle ?? inferTitle(lines, hints);
  const outlet = fmOutlet ?? inferOutlet(lines, hints);
  const date = fmDate ?? inferDate(lines);
  // One-line fields, whatever the source wrote: a line break or control character in a
  // front-matter value would otherwise reach titles, hovers and the footnotes written into drafts.
  if (title && oneLine(title)) doc.title = oneLine(title);
  if (outlet && oneLine(outlet)) doc.outlet = oneLine(outlet);
  if (date && oneLine(date)) doc.date = oneLine(date);
  if (fmUrl) doc.url = fmUrl;
  if (doc.body.length === 0 && /\S/.test(text)) doc.warnings.push('no article text found');
  return doc;
}
