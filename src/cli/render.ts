import type { FactSheet } from '../engine/api';
import { evidenceName } from '../engine/store';

/**
 * Characters a terminal acts on instead of showing: C0 controls (escape, bell, carriage
 * return…), DEL, C1 controls (U+009B is a one-character CSI), and the bidirectional
 * controls that reorder what is shown. Line feed and tab are not in the set: the
 * command line's own layout uses them.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line breaks of every kind, which inside a field would forge lines of output. */
const BREAK = /\r\n|[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/** `\x1B`, `\u202E`: a control character as text a terminal shows rather than obeys. */
function visible(c: string): string {
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text for a terminal: every control character shown escaped; line feeds and tabs kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, visible);
}

/** One field of a line of text output (a source's words, outlet or file name): on one line, controls escaped. */
export function field(text: string): string {
  return terminalSafe(text.replace(BREAK, ' ').replace(/\t/g, ' '));
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but writes DEL, C1
 * and the bidirectional controls as they are; they become \u escapes (the same value).
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A readable Markdown fact sheet. Source text is quoted as text, never as markup. */
export function renderFactSheet(s: FactSheet): string {
  const esc = (t: string) => field(t).replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
  const lines: string[] = [`# ${esc(s.name)}`, ''];
  if (s.aliases.length) lines.push(`Also written: ${s.aliases.map(esc).join(', ')}`, '');
  if (s.roles.length) {
    lines.push('## Roles', '');
    for (const r of s.roles) lines.push(`- ${esc(r.title)} — ${r.outlets.map(esc).join(', ')}`);
    lines.push('');
  }
  if (s.quotes.length) {
    lines.push('## Quotes', '');
    for (const q of s.quotes.slice(0, 10)) lines.push(`- “${esc(q.text)}” — ${esc(evidenceName(q.evidence))} (${esc(q.evidence.source)}:${q.evidence.line + 1})`);
    lines.push('');
  }
  if (s.figures.length) {
    lines.push('## Figures', '');
    for (const f of s.figures.slice(0, 10)) lines.push(`- ${esc(f.evidence.text)} — ${esc(evidenceName(f.evidence))} (${esc(f.evidence.source)}:${f.evidence.line + 1})`);
    lines.push('');
  }
  lines.push(`## Sources (${s.mentions.length} mentions)`, '');
  for (const m of s.mentions.slice(0, 20)) lines.push(`- ${esc(evidenceName(m))} (${esc(m.source)}:${m.line + 1}): ${esc(m.text)}`);
  return lines.join('\n');
}
