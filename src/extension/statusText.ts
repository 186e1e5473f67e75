/**
 * What the status bar item says for a server status: its text, tooltip and screen-reader label.
 * Pure (no `vscode` import) so it can be unit-tested; status.ts puts it on the item.
 */

export interface StatusParams {
  sources: number;
  facts: number;
  indexing: boolean;
  /** Percentage of source sentences analysed, from the moment the index is ready until the analysis is done. */
  analysing?: number;
  /** False after Toggle Checking turned checking off (absent from older servers: on). */
  checking?: boolean;
  /** The bundled seed articles are (among) the sources. */
  usingSeeds?: boolean;
  message?: string;
}

export interface StatusView {
  /** With `$(icon)` codicons. */
  text: string;
  /** Plain text: a Markdown tooltip turns spaces into `&nbsp;`, which screen readers then read out. */
  tooltip: string;
  /** What a screen reader says: no codicons, no Markdown. */
  ariaLabel: string;
  /** Shown with the warning background (checking off). */
  warning: boolean;
}

const count = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function statusView(p: StatusParams): StatusView {
  const checking = p.checking !== false;
  const sources = count(p.sources, p.usingSeeds ? 'sample source' : 'source');
  let state: string;
  let icon: string;
  if (!checking) {
    icon = '$(circle-slash)';
    state = 'checking off';
  } else if (p.indexing) {
    icon = '$(sync~spin)';
    state = 'indexing…';
  } else if (p.analysing !== undefined) {
    icon = '$(sync~spin)';
    state = `${sources} · analysing ${p.analysing}%`;
  } else {
    icon = '$(book)';
    state = `${sources} · ${count(p.facts, 'fact')}`;
  }
  const lines: string[] = [];
  if (!checking) lines.push(`Checking is off: drafts are not checked (${sources} indexed).`);
  else if (p.indexing) lines.push('Indexing the sources…');
  else if (p.analysing !== undefined) {
    lines.push(`${sources}. Citations are ready; the names, figures and quotes of the sources are being analysed (${p.analysing}%), and findings may still change.`);
  } else lines.push(`${sources}, ${count(p.facts, 'fact')} (figures, quotes and titles). Checking is on.`);
  if (p.message) lines.push(p.message);
  lines.push('Click for the Sourcewise menu: turn checking on or off, reindex, show output, open settings.');
  const tooltip = lines.join('\n');
  const ariaLabel = `Sourcewise: ${state.replace(/ · /g, ', ')}. ${checking ? '' : 'Drafts are not checked. '}Opens the Sourcewise menu.`;
  return { text: `${icon} Sourcewise: ${state}`, tooltip, ariaLabel, warning: !checking };
}
