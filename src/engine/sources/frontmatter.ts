/** YAML front matter of Markdown files (`---` … `---` or `...` at the very top). */
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  /** Offset just after the closing fence line (0 when there is no front matter). */
  bodyStart: number;
  data?: Record<string, unknown>;
  warning?: string;
}

const OPEN_RE = /^---[ \t]*(?:\r\n|\n|\r)/;
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*$/gm;

/** Locates and parses front matter. Never throws. */
export function readFrontMatter(text: string): FrontMatter {
  const open = OPEN_RE.exec(text);
  if (!open) return { bodyStart: 0 };
  CLOSE_RE.lastIndex = open[0].length;
  const close = CLOSE_RE.exec(text);
  if (!close) return { bodyStart: 0, warning: 'front matter is not closed (no closing ---)' };
  let bodyStart = close.index + close[0].length;
  if (text.charCodeAt(bodyStart) === 13) bodyStart++;
  if (text.charCodeAt(bodyStart) === 10) bodyStart++;
  const yamlText = text.slice(open[0].length, close.index);
  try {
    const data: unknown = parseYaml(yamlText);
    if (data === null || data === undefined) return { bodyStart };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { bodyStart, warning: 'front matter is not a YAML mapping' };
    }
    return { bodyStart, data: data as Record<string, unknown> };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { bodyStart, warning: `front matter is not valid YAML: ${msg}` };
  }
}

/** First present key (case-insensitive) with a usable string value. */
export function pick(data: Record<string, unknown> | undefined, keys: string[]): string | undefined {
  if (!data) return undefined;
  const lower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(data)) lower.set(k.toLowerCase(), v);
  for (const k of keys) {
    const v = lower.get(k);
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const name = (v as Record<string, unknown>)['name'];
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  return undefined;
}
