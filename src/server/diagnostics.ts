/**
 * Checking drafts and publishing diagnostics: debounced re-checks, the sentence
 * being typed held back until the writer pauses or moves off it, disable comments,
 * accepted claims, per-code severities and the draft size limit.
 */
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { evidenceName } from '../engine/store';
import type { Diagnostic, Evidence } from '../engine/types';
import { acceptKey } from './accepted';
import type { ServerContext } from './context';
import { silencedLines } from './disable';
import { checksLanguage, draftFormat, formatSize, severityFor } from './settings';
import { sentenceBounds, toUri, truncate, uriToPath } from './util';

export const SOURCE = 'sourcewise';
/** How long after the last keystroke the sentence being typed is reported anyway. */
export const TYPING_PAUSE_MS = 1500;

export interface CheckedDiagnostic {
  lsp: LspDiagnostic;
  engine: Diagnostic;
  /** "Accept this claim" key: the code and the sentence's words (shared by the findings of one sentence and code). */
  key: string;
  /** The finding's own id, sent in `data`: its code, the draft's words and which occurrence of them it is. */
  id: string;
}

/** Where one edit happened: text [start, oldEnd) of the previous version became [start, newEnd). */
export interface EditSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A published diagnostic with its offsets in the document's current text, moved along with edits. */
interface Shown {
  lsp: LspDiagnostic;
  start: number;
  end: number;
}

/** An offset of the text before an edit, in the text after it (a range's end stays before text typed at it). */
export function moveOffset(o: number, e: EditSpan, isEnd: boolean): number {
  if (o < e.start || (o === e.start && isEnd)) return o;
  if (o >= e.oldEnd) return o + (e.newEnd - e.oldEnd);
  return isEnd ? e.newEnd : e.start;
}

/** The span of an edit between two texts: what their common start and end leave. */
export function editSpan(before: string, after: string): EditSpan | undefined {
  if (before === after) return undefined;
  let start = 0;
  const n = Math.min(before.length, after.length);
  while (start < n && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < n - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** A short stable hash (FNV-1a) for finding ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

interface DocState {
  timer?: NodeJS.Timeout;
  pauseTimer?: NodeJS.Timeout;
  /** Offset of the last edit and when it happened (type mode only). */
  typing?: { offset: number; at: number };
  /**
   * What the editor shows now, moved along with every edit since it was published. While a sentence
   * is being typed its findings stay as they were shown (moved with the text) until the check after
   * the pause replaces them: no squiggle goes away and comes back on every keystroke.
   */
  shown: Shown[];
  /** Results of the last check, for code actions and hovers. */
  version?: number;
  results: CheckedDiagnostic[];
  /** Diagnostics shown for files that are not open (Check All). */
  text?: string;
  /** Stops the check under way or waiting for its turn (a newer one is wanted, or the draft closed). */
  check?: AbortController;
}

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function evidenceRange(ev: Evidence): Range {
  const parts = ev.text.split(/\r\n|\r|\n/);
  const endLine = ev.line + parts.length - 1;
  const endChar = parts.length === 1 ? ev.character + ev.text.length : parts[parts.length - 1]!.length;
  return { start: { line: ev.line, character: ev.character }, end: { line: endLine, character: endChar } };
}

export function relatedInformation(d: Diagnostic): DiagnosticRelatedInformation[] {
  return d.evidence.map((ev) => {
    const who = evidenceName(ev);
    const stance = ev.stance === 'contradicts' ? ' (contradicts)' : ev.stance === 'supports' ? ' (supports)' : '';
    // "BBC says “1,000”", but "BBC — said by a Ukrainian official", not "BBC says said by…".
    const says = !ev.says ? '' : /^said by /i.test(ev.says) ? ` — ${ev.says}` : ` says \u201C${truncate(ev.says, 80)}\u201D`;
    return {
      location: { uri: toUri(ev.path), range: evidenceRange(ev) },
      message: `${who}${says}${stance}: "${truncate(ev.text, 200)}"`,
    };
  });
}

export class Checker {
  private states = new Map<string, DocState>();
  /** URIs we have published non-empty diagnostics for. */
  private published = new Set<string>();
  /** What was last published per URI (version and diagnostics), so a re-check that finds the same is not sent again. */
  private lastSent = new Map<string, string>();

  /**
   * Checks run one at a time, each in slices with requests answered between them (see
   * Corpus.checkSliced): a check waiting for its turn is here.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private ctx: ServerContext) {}

  /** Runs `work` after the checks queued before it. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private state(uri: string): DocState {
    let s = this.states.get(uri);
    if (!s) {
      s = { results: [], shown: [] };
      this.states.set(uri, s);
    }
    return s;
  }

  /** Whether a document is a draft Sourcewise should check. */
  isDraft(doc: { uri: string; languageId: string }): boolean {
    if (!checksLanguage(this.ctx.settings, doc.languageId)) return false;
    const p = uriToPath(doc.uri);
    if (p && this.ctx.sources.matches(p)) return false;
    return true;
  }

  /** A document changed; `edit` is where, so what is shown moves with the text and the sentence being typed is known. */
  onChange(doc: TextDocument, edit?: EditSpan): void {
    const st = this.state(doc.uri);
    if (edit) {
      const moved: Shown[] = [];
      for (const d of st.shown) {
        const start = moveOffset(d.start, edit, false);
        const end = Math.max(start, moveOffset(d.end, edit, true));
        moved.push({ lsp: { ...d.lsp, range: { start: doc.positionAt(start), end: doc.positionAt(end) } }, start, end });
      }
      st.shown = moved;
    }
    if (this.ctx.settings.checkOn !== 'type') return;
    if (edit) st.typing = { offset: edit.start, at: Date.now() };
    this.schedule(doc.uri, this.ctx.settings.debounceMs);
  }

  onOpen(doc: TextDocument): void {
    if (this.ctx.settings.checkOn === 'command') return;
    this.schedule(doc.uri, 0);
  }

  onSave(doc: TextDocument): void {
    if (this.ctx.settings.checkOn === 'command') return;
    const st = this.state(doc.uri);
    st.typing = undefined;
    this.schedule(doc.uri, 0);
  }

  onClose(uri: string): void {
    const st = this.states.get(uri);
    st?.check?.abort(new Error('closed'));
    if (st?.timer) clearTimeout(st.timer);
    if (st?.pauseTimer) clearTimeout(st.pauseTimer);
    this.states.delete(uri);
    this.clear(uri);
    this.lastSent.delete(uri);
  }

  /** The cursor moved: if it left the sentence being typed, report it now. */
  onCursor(uri: string, offset: number): void {
    const st = this.states.get(uri);
    const doc = this.ctx.documents.get(uri);
    if (!st?.typing || !doc) return;
    const b = sentenceBounds(doc.getText(), st.typing.offset);
    if (offset < b.start || offset > b.end) {
      st.typing = undefined;
      if (st.pauseTimer) clearTimeout(st.pauseTimer);
      this.publish(uri);
    }
  }

  private schedule(uri: string, delay: number): void {
    const st = this.state(uri);
    if (st.timer) clearTimeout(st.timer);
    // The check under way is of text a newer check replaces.
    st.check?.abort(new Error('superseded'));
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.checkOpen(uri);
    }, delay);
  }

  /** Re-checks every open draft now (after reindexing, setting changes, accepting). */
  recheckAll(): void {
    for (const doc of this.ctx.documents.all()) {
      if (this.ctx.settings.checkOn === 'command' && !this.states.get(doc.uri)?.version) continue;
      this.schedule(doc.uri, 0);
    }
  }

  /**
   * Checks an open document and publishes; resolves when done (or stopped by a newer check of
   * the document, which publishes instead). The check waits for the one under way, then runs
   * in slices: hovers, completions and code actions are answered between them.
   */
  async checkOpen(uri: string): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const st = this.state(uri);
    st.check?.abort(new Error('superseded'));
    if (!this.ctx.checkingEnabled || !this.isDraft(doc)) {
      st.results = [];
      st.version = doc.version;
      this.clear(uri);
      return;
    }
    const control = new AbortController();
    st.check = control;
    const version = doc.version;
    const text = doc.getText();
    let results: CheckedDiagnostic[] | undefined;
    try {
      results = await this.inTurn(() => this.run(text, uri, doc.languageId, control.signal));
    } catch (err) {
      this.ctx.log(`check failed for ${uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return;
    } finally {
      if (st.check === control) st.check = undefined;
    }
    if (!results || control.signal.aborted || this.states.get(uri) !== st) return;
    st.results = results;
    st.version = version;
    this.publish(uri);
    if (st.typing) {
      if (st.pauseTimer) clearTimeout(st.pauseTimer);
      const wait = Math.max(0, st.typing.at + TYPING_PAUSE_MS - Date.now());
      const typing = st.typing;
      st.pauseTimer = setTimeout(() => {
        st.pauseTimer = undefined;
        if (st.typing === typing) st.typing = undefined;
        this.publish(uri);
      }, wait + 10);
    }
  }

  /**
   * Checks a draft's text in slices; results are unfiltered by typing but filtered by
   * everything else. Undefined when `signal` stopped it.
   */
  async run(text: string, uri: string, languageId = 'markdown', signal?: AbortSignal): Promise<CheckedDiagnostic[] | undefined> {
    if (signal?.aborted) return undefined;
    const settings = this.ctx.settings;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > settings.maxFileSize) {
      const lsp: LspDiagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        code: 'too-large',
        message: `Sourcewise skipped checking this draft: it is ${formatSize(bytes)}, over the sourcewise.maxFileSize limit of ${formatSize(settings.maxFileSize)}.`,
      };
      return [{ lsp, key: '', id: 'too-large', engine: { range: lsp.range, severity: 'information', code: 'unsupported', message: lsp.message, evidence: [], fixes: [] } }];
    }
    const corpus = this.ctx.sources.corpus;
    if (!corpus) return [];
    const fsPath = uriToPath(uri);
    const accepted = this.ctx.accepted.keysFor(fsPath);
    let found: Diagnostic[];
    try {
      found = await corpus.checkSliced(
        text,
        { severities: settings.severity, accepted, citationStyle: settings.citationStyle },
        draftFormat(languageId),
        { signal },
      );
    } catch (err) {
      if (signal?.aborted) return undefined;
      this.ctx.log(`check failed for ${uri}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return [];
    }
    const silenced = silencedLines(text);
    const out: CheckedDiagnostic[] = [];
    const occurrences = new Map<string, number>();
    for (const d of found) {
      const sev = severityFor(settings, d.code, d.severity);
      if (sev === 'off') continue;
      if (silenced(d.range.start.line, d.code)) continue;
      const sentence = d.sentence ?? sliceRange(text, d.range);
      const key = acceptKey(sentence, d.code);
      if (accepted.has(key)) continue;
      const what = `${d.code}\u0000${(d.draftSays ?? sliceRange(text, d.range)).toLowerCase()}`;
      const n = occurrences.get(what) ?? 0;
      occurrences.set(what, n + 1);
      const id = `${hash(what)}.${n}`;
      const lsp: LspDiagnostic = {
        range: d.range,
        severity: SEVERITY[sev] ?? DiagnosticSeverity.Warning,
        source: SOURCE,
        code: d.code,
        message: d.message,
        relatedInformation: relatedInformation(d),
        data: { key, id },
      };
      out.push({ lsp, engine: d, key, id });
    }
    return out;
  }

  /**
   * Publishes the stored results. In the sentence being typed (until the writer pauses or leaves it)
   * the findings shown before stay as they were, moved with the text, instead of the new ones:
   * a finding neither blinks out on a keystroke nor appears half-way through a word.
   */
  publish(uri: string): void {
    const st = this.states.get(uri);
    const doc = this.ctx.documents.get(uri);
    if (!st) return;
    if (!doc) {
      this.send(uri, st.results.map((r) => r.lsp));
      return;
    }
    // Results of an older version: the editor shows the last ones, moved with the edits, until the check that is due.
    if (st.version !== doc.version) return;
    const fresh: Shown[] = st.results.map((r) => ({ lsp: r.lsp, start: doc.offsetAt(r.lsp.range.start), end: doc.offsetAt(r.lsp.range.end) }));
    let shown = fresh;
    if (st.typing && Date.now() - st.typing.at < TYPING_PAUSE_MS) {
      const b = sentenceBounds(doc.getText(), st.typing.offset);
      const inside = (d: Shown) => !(d.end < b.start || d.start > b.end);
      shown = [...fresh.filter((d) => !inside(d)), ...st.shown.filter(inside)].sort((a, b2) => a.start - b2.start || a.end - b2.end);
    }
    st.shown = shown;
    this.send(uri, shown.map((d) => d.lsp), doc.version);
  }

  /** Publishes diagnostics for a file that is not open (Check All). */
  async publishClosed(uri: string, text: string, languageId: string): Promise<number> {
    const st = this.state(uri);
    st.results = (await this.inTurn(() => this.run(text, uri, languageId))) ?? [];
    st.text = text;
    this.send(uri, st.results.map((r) => r.lsp));
    return st.results.length;
  }

  private send(uri: string, diagnostics: LspDiagnostic[], version?: number): void {
    // Re-checks after indexing, analysis or settings changes mostly find what is already shown.
    const sent = JSON.stringify([version, diagnostics]);
    if (this.lastSent.get(uri) === sent) return;
    this.lastSent.set(uri, sent);
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
    void this.ctx.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  clear(uri: string): void {
    const st = this.states.get(uri);
    if (st) st.shown = [];
    this.send(uri, [], this.ctx.documents.get(uri)?.version);
  }

  /** Clears every diagnostic Sourcewise has published. */
  clearAll(): void {
    for (const uri of [...this.published]) this.clear(uri);
    for (const st of this.states.values()) st.results = [];
  }

  /** The last results for a document overlapping a range (current version only). */
  resultsAt(uri: string, range: Range): CheckedDiagnostic[] {
    const st = this.states.get(uri);
    const doc = this.ctx.documents.get(uri);
    if (!st || (doc && st.version !== doc.version)) return [];
    return st.results.filter((r) => rangesTouch(r.lsp.range, range));
  }

  results(uri: string): CheckedDiagnostic[] {
    return this.states.get(uri)?.results ?? [];
  }

  /** The last results for a document, if they are of its current version. */
  current(uri: string): CheckedDiagnostic[] {
    const st = this.states.get(uri);
    const doc = this.ctx.documents.get(uri);
    if (!st || (doc && st.version !== doc.version)) return [];
    return st.results;
  }
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

export function rangesTouch(a: Range, b: Range): boolean {
  return cmp(a.start, b.end) <= 0 && cmp(b.start, a.end) <= 0;
}

function sliceRange(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  const out = [(lines[r.start.line] ?? '').slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) out.push(lines[l] ?? '');
  out.push((lines[r.end.line] ?? '').slice(0, r.end.character));
  return out.join('\n');
}
