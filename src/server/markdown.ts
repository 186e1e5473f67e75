/** Markdown builders for hovers and fact sheets. All source text goes through `esc`. */
import type { FactSheet } from '../engine/api';
import type { Evidence } from '../engine/types';
import { escapeMarkdown, lineLink, truncate } from './util';

export const esc = escapeMarkdown;

/** A link target safe inside `( )`. */
export function href(url: string): string {
  return url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `[file:line](file:///…#Lline)` for an evidence. */
export function evidenceLink(ev: { source: string; path: string; line: number }): string {
  return `[${esc(`${ev.source}:${ev.line + 1}`)}](${href(lineLink(ev.path, ev.line))})`;
}

export function who(ev: Evidence): string {
  return esc(ev.outlet ?? ev.source);
}

export interface FactItem {
  kind: 'role' | 'figure' | 'quote';
  markdown: string;
}

/** Fact sheet items in display order: roles, figures, quotes. */
export function factItems(sheet: FactSheet, excerpt = 200): FactItem[] {
  const items: FactItem[] = [];
  for (const r of sheet.roles) {
    const outlets = r.outlets.map(esc).join(', ');
    const links = r.evidence.slice(0, 3).map(evidenceLink).join(', ');
    items.push({ kind: 'role', markdown: `**${esc(r.title)}** — ${outlets}${links ? ` (${links})` : ''}` });
  }
  for (const f of sheet.figures) {
    items.push({
      kind: 'figure',
      markdown: `${esc(truncate(f.text, excerpt))} — ${who(f.evidence)} (${evidenceLink(f.evidence)})`,
    });
  }
  for (const q of sheet.quotes) {
    items.push({
      kind: 'quote',
      markdown: `\u201C${esc(truncate(q.text, excerpt))}\u201D — ${who(q.evidence)} (${evidenceLink(q.evidence)})`,
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
    links.push(`${who(ev)} ${evidenceLink(ev)}`);
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

/** Full fact sheet document for "Show Facts for Name". */
export function factSheetDocument(sheet: FactSheet): string {
  const body = factCard(sheet, { heading: '# ' });
  const mentions = sheet.mentions.map((ev) => `- ${who(ev)} (${evidenceLink(ev)}): ${esc(truncate(ev.text, 300))}`);
  return `${body}\n\n## Mentions (${sheet.mentions.length})\n\n${mentions.join('\n') || '_None._'}\n`;
}
