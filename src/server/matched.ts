/**
 * Which words of a source sentence a draft sentence shares, and how to show the sentence
 * short: its start, and the stretch with those words when they come later.
 */
import { stem, wordTokens as tokenize } from '../engine/nlp';
import { STOPWORDS } from '../engine/text';
import type { Span } from '../engine/types';
import { esc } from './markdown';

/** Spans of the words of `source` whose stems are also in `draft` (stop words left out). */
export function matchedWords(draft: string, source: string): Span[] {
  const wanted = new Set<string>();
  for (const t of tokenize(draft)) if (!STOPWORDS.has(t.norm)) wanted.add(stem(t.norm));
  const out: Span[] = [];
  for (const t of tokenize(source)) {
    if (STOPWORDS.has(t.norm) || !wanted.has(stem(t.norm))) continue;
    out.push({ start: t.start, end: t.end });
  }
  return out;
}

/** Cuts `text` at a word boundary to at most `max` characters, with an ellipsis. */
function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).replace(/[\s,;:]+$/, '')}…`;
}

/**
 * A one-line label for a source sentence: its start, and when the shared words come later, the
 * stretch that has them ("Held in a historic palace … the discussions lasted less than two hours.").
 */
export function sentenceLabel(text: string, matched: readonly Span[], max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lead = text.length - text.trimStart().length;
  const spans = matched.map((m) => ({ start: m.start - lead, end: m.end - lead })).filter((m) => m.start >= 0);
  if (flat.length <= max || !spans.length) return cut(flat, max);
  // The stretch of at most max/2 characters with the most shared words.
  const width = Math.floor(max * 0.6);
  let best = { start: spans[0]!.start, count: 0 };
  for (let i = 0; i < spans.length; i++) {
    let n = 0;
    while (i + n < spans.length && spans[i + n]!.end - spans[i]!.start <= width) n++;
    if (n > best.count) best = { start: spans[i]!.start, count: n };
  }
  if (best.start + width <= max - 2) return cut(flat, max);
  let from = best.start;
  while (from > 0 && flat[from - 1] !== ' ') from--;
  // As many whole words of the start as fit (at least one).
  const headRoom = max - width - 3;
  const words = flat.slice(0, from).trim().split(' ');
  let head = words[0] ?? '';
  for (const w of words.slice(1)) {
    if (head.length + 1 + w.length > headRoom) break;
    head += ` ${w}`;
  }
  return `${head.replace(/[,;:]$/, '')} … ${cut(flat.slice(from), max - head.length - 3)}`;
}

/** The sentence as escaped Markdown with the shared words in bold. */
export function boldMatches(text: string, matched: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const m of matched) {
    if (m.start < at) continue;
    out += esc(text.slice(at, m.start)) + `**${esc(text.slice(m.start, m.end))}**`;
    at = m.end;
  }
  return (out + esc(text.slice(at))).replace(/\*\*(\s+)\*\*/g, '$1');
}
