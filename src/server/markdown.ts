/** Markdown builders for hovers and fact sheets. All source text goes through `esc`. */
import type { FactSheet } from '../engine/api';
import { evidenceName } from '../engine/store';
import type { Evidence, Span } from '../engine/types';
import { escapeMarkdown, lineLink, toUri, truncate } from './util';

export const esc = escapeMarkdown;

/** A link target safe inside `( )`. */
export function href(url: string): string {
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[line N](file:///…#LN)`: a link to the line of an evidence, for where its source is already named. */
export function evidenceLink(ev: { path: string; line: number; character?: number }): string {
  return `[line ${ev.line + 1}](${href(lineLink(ev.path, ev.line, ev.character))})`;
}

/** The source's name (outlet, else title, else short file name), escaped. */
export function who(ev: Pick<Evidence, 'name' | 'outlet' | 'source'>): string {
  return esc(evidenceName(ev));
}

/** `[Outlet](file:///…#LN)`: the source's name, linking to the sentence. */
export function sourceLink(ev: Pick<Evidence, 'name' | 'outlet' | 'source' | 'path' | 'line'> & { character?: number }): string {
  return `[${who(ev)}](${href(lineLink(ev.path, ev.line, ev.character))})`;
}

/**
 * A figure with the words around it, so a reader sees what it measures: "…the discussions lasted
 * **less than two hours**." (escaped Markdown; `spans` are the figures' offsets in `text`).
 */
export function figureInContext(text: string, spans: readonly Span[], around = 45): string {
  if (!spans.length) return esc(truncate(text, 2 * around));
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // Windows around each figure, merged where they meet.
  const windows: { start: number; end: number }[] = [];
  for (const sp of sorted) {
    let start = Math.max(0, sp.start - around);
    let end = Math.min(text.length, sp.end + around);
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  const parts = windows.map((w) => {
    let out = '';
    let at = w.start;
    for (const sp of sorted) {
      if (sp.start < w.start || sp.end > w.end || sp.start < at) continue;
      out += esc(text.slice(at, sp.start)) + `**${esc(text.slice(sp.start, sp.end))}**`;
      at = sp.end;
    }
    out += esc(text.slice(at, w.end));
    return `${w.start > 0 ? '…' : ''}${out.trim()}${w.end < text.length ? '…' : ''}`;
  });
  return parts.join(' ').replace(/……/g, '…');
}

export interface FactItem {
  kind: 'role' | 'figure' | 'quote';
  markdown: string;
}

/** Fact sheet items in display order: roles, figures, quotes. */
export function factItems(sheet: FactSheet, excerpt = 200): FactItem[] {
  const items: FactItem[] = [];
  for (const r of sheet.roles) {
    // Each outlet named once, linking to its first sentence with the title.
    const byOutlet = new Map<string, Evidence>();
    for (const ev of r.evidence) if (!byOutlet.has(evidenceName(ev))) byOutlet.set(evidenceName(ev), ev);
    const outlets = [...byOutlet.values()].map(sourceLink).join(', ') || r.outlets.map(esc).join(', ');
    items.push({ kind: 'role', markdown: `**${esc(r.title)}** — ${outlets}` });
  }
  for (const f of sheet.figures) {
    items.push({ kind: 'figure', markdown: `${figureInContext(f.evidence.text, f.spans ?? [], Math.floor(excerpt / 4))} — ${sourceLink(f.evidence)}` });
  }
  for (const q of sheet.quotes) {
    items.push({
      kind: 'quote',
      markdown: `\u201C${esc(truncate(q.text, excerpt))}\u201D — ${sourceLink(q.evidence)}`,
    });
  }
  return items;
}

const HEADINGS: Record<FactItem['kind'], string> = { role: 'Roles', figure: 'Key figures', quote: 'Quotes' };

function sourcesLine(sheet: FactSheet, max: number): string {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const ev of sheet.mentions) {
    if (seen.has(ev.path)) continue;
    seen.add(ev.path);
    links.push(sourceLink(ev));
  }
  const shown = links.slice(0, max);
  return shown.length ? `**Sources:** ${shown.join(' · ')}${links.length > max ? ` · +${links.length - max}` : ''}` : '';
}

/**
 * A fact card: name, roles with outlets, figures, quotes, sources. With `limit`, only
 * that many facts are listed and `more(n)` renders the rest as a link.
 */
export function factCard(sheet: FactSheet, opts: { limit?: number; heading?: string; more?: (n: number) => string } = {}): string {
  const out: string[] = [];
  const kind = sheet.kind === 'other' ? '' : ` · ${sheet.kind}`;
  out.push(`${opts.heading ?? '**'}${esc(sheet.name)}${opts.heading ? '' : '**'}${kind}`);
  const aliases = sheet.aliases.filter((a) => a !== sheet.name);
  if (aliases.length) out.push(`_Also:_ ${aliases.map(esc).join(', ')}`);
  const items = factItems(sheet);
  const shown = opts.limit !== undefined ? items.slice(0, opts.limit) : items;
  let lastKind: string | undefined;
  for (const item of shown) {
    if (item.kind !== lastKind) {
      out.push(`\n**${HEADINGS[item.kind]}**\n`);
      lastKind = item.kind;
    }
    out.push(`- ${item.markdown}`);
  }
  if (!items.length) out.push('\n_No roles, figures or quotes in the sources._');
  const sources = sourcesLine(sheet, opts.limit !== undefined ? 6 : 100);
  if (sources) out.push(`\n${sources}`);
  const rest = items.length - shown.length;
  if (rest > 0 && opts.more) out.push(`\n${opts.more(rest)}`);
  return out.join('\n');
}

/** Full fact sheet document for "Show Facts for Name" in editors without the fact-sheet view. */
export function factSheetDocument(sheet: FactSheet): string {
  const body = factCard(sheet, { heading: '# ' });
  const mentions = sheet.mentions.map((ev) => `- ${sourceLink(ev)}: ${esc(truncate(ev.text, 300))}`);
  return `${body}\n\n## Mentions (${sheet.mentions.length})\n\n${mentions.join('\n') || '_None._'}\n`;
}

/** A source sentence as the fact-sheet view shows it: the source's name and where to open it. */
export interface SheetEvidence {
  name: string;
  uri: string;
  line: number;
  character: number;
  text: string;
}

/** A fact sheet as data, for a client that renders it itself (the VS Code fact-sheet view). */
export interface FactSheetData {
  name: string;
  kind: FactSheet['kind'];
  aliases: string[];
  roles: { title: string; sources: SheetEvidence[] }[];
  figures: { evidence: SheetEvidence; spans: Span[] }[];
  quotes: { text: string; evidence: SheetEvidence }[];
  mentions: SheetEvidence[];
}

function sheetEvidence(ev: Evidence): SheetEvidence {
  return { name: evidenceName(ev), uri: toUri(ev.path), line: ev.line, character: ev.character, text: ev.text };
}

export function factSheetData(sheet: FactSheet): FactSheetData {
  return {
    name: sheet.name,
    kind: sheet.kind,
    aliases: sheet.aliases.filter((a) => a !== sheet.name),
    roles: sheet.roles.map((r) => {
      const first = new Map<string, Evidence>();
      for (const ev of r.evidence) if (!first.has(evidenceName(ev))) first.set(evidenceName(ev), ev);
      return { title: r.title, sources: [...first.values()].map(sheetEvidence) };
    }),
    figures: sheet.figures.map((f) => ({ evidence: sheetEvidence(f.evidence), spans: f.spans ?? [] })),
    quotes: sheet.quotes.map((q) => ({ text: q.text, evidence: sheetEvidence(q.evidence) })),
    mentions: sheet.mentions.map(sheetEvidence),
  };
}
