/** Small helpers shared by the server modules: URIs, Markdown escaping, text scanning. */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inertUrls } from '../engine/text/plain';

const URI_RE = /^[a-zA-Z][a-zA-Z0-9+.-]+:/;

/** A source/evidence path (absolute path or URI string) as a URI string. */
export function toUri(p: string): string {
  if (URI_RE.test(p) && !/^[a-zA-Z]:[\\/]/.test(p)) return p;
  return pathToFileURL(p).href;
}

/** The file-system path of a `file:` URI, else undefined. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Canonical form of a path or URI for comparisons. */
export function samePathKey(p: string): string {
  const fsPath = p.startsWith('file:') ? uriToPath(p) ?? p : p;
  const norm = path.normalize(fsPath);
  return process.platform === 'win32' || process.platform === 'darwin' ? norm.toLowerCase() : norm;
}

/** A `file:///…#Lline` link (1-based line, and column when given: `#L3,45`) to a place in a source. */
export function lineLink(p: string, line: number, character?: number): string {
  return `${toUri(p)}#L${line + 1}${character ? `,${character + 1}` : ''}`;
}

/** Control characters and the bidirectional controls that reorder the text around them (U+202E). */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes text for Markdown so that source text can never form links (bare addresses
 * included), HTML, emphasis, headings or tables in a hover, and shows control characters
 * (a right-to-left override, say) as ⟨U+202E⟩ instead of letting them act.
 */
export function escapeMarkdown(text: string): string {
  const shown = text.replace(CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
  return inertUrls(shown.replace(/[\\`*_[\]()<>#|~!{}]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' '));
}

/** Shortens text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Normalizes a sentence for keys: whitespace folded, quotes straightened, lower case. */
export function normalizeSentence(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Bounds [start, end) of the sentence around `offset` in a draft: from after the
 * previous sentence end (. ! ? followed by a space) or line break, to the next one.
 */
export function sentenceBounds(text: string, offset: number): { start: number; end: number } {
  const o = Math.max(0, Math.min(offset, text.length));
  let start = o;
  while (start > 0) {
    const c = text[start - 1]!;
    if (c === '\n' || c === '\r') break;
    if (/\s/.test(c) && start >= 2 && /[.!?]["'\u201D\u2019)\]]?$/.test(text.slice(Math.max(0, start - 3), start - 1))) break;
    start--;
  }
  let end = o;
  while (end < text.length) {
    const c = text[end]!;
    if (c === '\n' || c === '\r') break;
    if (/[.!?]/.test(c)) {
      let e = end + 1;
      while (e < text.length && /["'\u201D\u2019)\]]/.test(text[e]!)) e++;
      if (e >= text.length || /\s/.test(text[e]!)) {
        end = e;
        break;
      }
    }
    end++;
  }
  return { start, end };
}

/**
 * Minimal glob → RegExp for matching watched paths: `**`, `*`, `?`, `{a,b}`, `[...]`. Throws on
 * a glob it cannot express (unbalanced braces, a backwards range): check with patternProblem first.
 */
export function globToRegExp(glob: string): RegExp {
  const g = glob.replace(/\\/g, '/');
  let re = '';
  let inGroup = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*') {
      if (g[i + 1] === '*') {
        const slashAfter = g[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup++;
      re += '(?:';
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
    } else if (c === ',' && inGroup > 0) re += '|';
    else if (c === '[') {
      const close = g.indexOf(']', i + 1);
      if (close > i) {
        let body = g.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body}]`;
        i = close;
      } else re += '\\[';
    } else re += c.replace(/[.+^$()|\\\]]/g, (m) => `\\${m}`);
  }
  return new RegExp(`^${re}$`, process.platform === 'win32' || process.platform === 'darwin' ? 'i' : '');
}
