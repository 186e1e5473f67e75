import type { FactSheet } from '../engine/api';
import { evidenceName } from '../engine/store';

/** A readable Markdown fact sheet. Source text is quoted as text, never as markup. */
export function renderFactSheet(s: FactSheet): string {
  const esc = (t: string) => t.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
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
