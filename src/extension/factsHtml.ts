/**
 * The fact sheet as a web page for VS Code's webview: what the sources say about one name, each
 * fact credited to its source by name (outlet, else title, else short file name) with a link that
 * opens the source at the sentence. The page has no script: links are `command:` URIs of the one
 * command the view allows (sourcewise.openSource), and the content security policy lets in only
 * the page's own style. Pure (no `vscode` import) so it can be unit-tested.
 */

export interface SheetEvidence {
  name: string;
  uri: string;
  line: number;
  character: number;
  text: string;
}

export interface FactSheetData {
  name: string;
  kind: string;
  aliases: string[];
  roles: { title: string; sources: SheetEvidence[] }[];
  figures: { evidence: SheetEvidence; spans: { start: number; end: number }[] }[];
  quotes: { text: string; evidence: SheetEvidence }[];
  mentions: SheetEvidence[];
}

export const OPEN_SOURCE_COMMAND = 'sourcewise.openSource';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link that opens the source at the sentence (a `command:` URI the view allows). */
function sourceLink(ev: SheetEvidence, label = ev.name): string {
  const args = encodeURIComponent(JSON.stringify([ev.uri, ev.line, ev.character]));
  return `<a class="src" href="command:${OPEN_SOURCE_COMMAND}?${args}" title="Open ${escapeHtml(ev.name)} at line ${ev.line + 1}">${escapeHtml(label)}</a>`;
}

/** A figure with the words around it, the figure in bold: "…the discussions lasted <b>less than two hours</b>." */
export function figureHtml(text: string, spans: readonly { start: number; end: number }[], around = 60): string {
  const sorted = [...spans].filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start);
  if (!sorted.length) return escapeHtml(text);
  let start = Math.max(0, sorted[0]!.start - around);
  let end = Math.min(text.length, sorted[sorted.length - 1]!.end + around);
  while (start > 0 && /\S/.test(text[start - 1]!)) start--;
  while (end < text.length && /\S/.test(text[end]!)) end++;
  let out = start > 0 ? '…' : '';
  let at = start;
  for (const sp of sorted) {
    if (sp.start < at) continue;
    out += escapeHtml(text.slice(at, sp.start)) + `<b>${escapeHtml(text.slice(sp.start, sp.end))}</b>`;
    at = sp.end;
  }
  out += escapeHtml(text.slice(at, end));
  return end < text.length ? `${out.trimEnd()}…` : out;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 24px; line-height: 1.5; max-width: 860px; }
h1 { font-size: 1.6em; margin: 16px 0 2px; }
h2 { font-size: 1.1em; margin: 22px 0 6px; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 3px; }
.kind, .aka { color: var(--vscode-descriptionForeground); }
ul { padding-left: 18px; margin: 4px 0; }
li { margin: 3px 0; }
a.src { color: var(--vscode-textLink-foreground); text-decoration: none; white-space: nowrap; }
a.src:hover { text-decoration: underline; }
.by { color: var(--vscode-descriptionForeground); }
.title { font-weight: 600; }
q { font-style: italic; }
.source h3 { font-size: 1em; margin: 12px 0 2px; }
`;

/** The whole page. `cspSource` is the webview's own origin; `nonce` marks the one style element allowed. */
export function factSheetHtml(sheet: FactSheetData, opts: { cspSource: string; nonce: string }): string {
  const body: string[] = [];
  body.push(`<h1>${escapeHtml(sheet.name)}</h1>`);
  const kind = sheet.kind && sheet.kind !== 'other' ? sheet.kind : '';
  const sources = new Set(sheet.mentions.map((m) => m.uri)).size;
  body.push(
    `<div class="kind">${[kind, `${sheet.mentions.length} mention${sheet.mentions.length === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`]
      .filter(Boolean)
      .map(escapeHtml)
      .join(' · ')}</div>`,
  );
  if (sheet.aliases.length) body.push(`<div class="aka">Also written: ${sheet.aliases.map(escapeHtml).join(', ')}</div>`);

  if (sheet.roles.length) {
    body.push('<h2>Roles</h2><ul>');
    for (const r of sheet.roles) {
      body.push(`<li><span class="title">${escapeHtml(r.title)}</span> <span class="by">— ${r.sources.map((s) => sourceLink(s)).join(', ')}</span></li>`);
    }
    body.push('</ul>');
  }
  if (sheet.figures.length) {
    body.push('<h2>Key figures</h2><ul>');
    for (const f of sheet.figures) body.push(`<li>${figureHtml(f.evidence.text, f.spans)} <span class="by">— ${sourceLink(f.evidence)}</span></li>`);
    body.push('</ul>');
  }
  if (sheet.quotes.length) {
    body.push('<h2>Quotes</h2><ul>');
    for (const q of sheet.quotes) body.push(`<li><q>${escapeHtml(q.text)}</q> <span class="by">— ${sourceLink(q.evidence)}</span></li>`);
    body.push('</ul>');
  }
  if (!sheet.roles.length && !sheet.figures.length && !sheet.quotes.length) body.push('<p><i>No roles, figures or quotes in the sources.</i></p>');

  if (sheet.mentions.length) {
    body.push('<h2>Mentions, source by source</h2>');
    const bySource = new Map<string, SheetEvidence[]>();
    for (const m of sheet.mentions) {
      const list = bySource.get(m.uri) ?? [];
      list.push(m);
      bySource.set(m.uri, list);
    }
    for (const list of bySource.values()) {
      body.push(`<div class="source"><h3>${escapeHtml(list[0]!.name)}</h3><ul>`);
      for (const m of list) body.push(`<li>${escapeHtml(m.text)} ${sourceLink(m, `line ${m.line + 1}`)}</li>`);
      body.push('</ul></div>');
    }
  }
  const csp = `default-src 'none'; img-src ${opts.cspSource}; style-src 'nonce-${opts.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(sheet.name)}</title>
<style nonce="${opts.nonce}">${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>`;
}
