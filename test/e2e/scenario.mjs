// What the end-to-end scenarios look for in examples/draft.md and how they judge the results.
// Shared by the browser test (test/e2e/run.mjs) and the VS Code desktop suite (test/vscode/suite.ts), so both
// exercise the same names, sentences and expectations. Lines and characters here are 0-based.

/** People the Istanbul draft mentions; the first whose hover is a fact card is used. */
export const PEOPLE = ['Umerov', 'Fidan', 'Medinsky', 'Kyslytsya', 'Peskov', 'Zelensky', 'Zelenskyy', 'Putin', 'Trump', 'Rubio'];

/** A figure, in digits or words. */
export const FIGURE = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|half)\b/i;

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const splitLines = (s) => s.split(/\r?\n/);

/** Lines that are not prose: front matter, headings, lists, quotes, tables, footnote definitions. */
function proseLines(text) {
  const lines = splitLines(text);
  const prose = lines.map(() => true);
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    for (let i = 0; i <= end; i++) prose[i] = false;
  }
  lines.forEach((l, i) => { if (!l.trim() || /^\s*([#>|*+-]|\d+\.\s|\[\^[^\]]+\]:)/.test(l)) prose[i] = false; });
  return { lines, prose };
}

/** Every whole-word occurrence of PEOPLE (or of `only`) in prose, in PEOPLE order. */
export function nameSpots(text, only) {
  const { lines, prose } = proseLines(text);
  const spots = [];
  for (const name of only ? [only] : PEOPLE) {
    const re = new RegExp(`(?<![\\w-])${escapeRe(name)}(?![\\w-])`, 'g');
    lines.forEach((l, line) => {
      if (!prose[line]) return;
      for (const m of l.matchAll(re)) spots.push({ name, line, character: m.index });
    });
  }
  return spots;
}

/**
 * Where to type `[^`: right after the first sentence of a prose line when that sentence has a figure, no
 * problem in it (`problems`: 0-based positions of diagnostics) and no citation yet. `line` forces a line.
 */
export function citationTarget(text, problems = [], line) {
  const { lines, prose } = proseLines(text);
  const candidates = line !== undefined ? [line] : lines.map((_, i) => i);
  for (const i of candidates) {
    const l = lines[i] ?? '';
    const m = /^.*?[\p{L}\p{N}"”')][.!?](?=\s|$)/u.exec(l);
    if (!m) continue;
    if (line === undefined) {
      if (!prose[i] || /\[\^|\[@/.test(m[0]) || !FIGURE.test(m[0])) continue;
      if (problems.some((p) => p.line === i && p.character <= m[0].length)) continue;
    }
    return { line: i, character: m[0].length, sentence: m[0] };
  }
  return undefined;
}

/**
 * The contradiction to fix: the first whose message names the draft's figure as the one ruled out
 * ("…, not “500”."), since that is the kind with a "use the sourced figure" fix; else the first one.
 */
export function figureContradiction(list) {
  return list.find((d) => { const m = /\bnot “([^”]*)”/.exec(d.message); return m && FIGURE.test(m[1]); }) ?? list[0];
}

/** Plain text of Markdown as a hover shows it (links → their text, no emphasis or escapes). */
export function plain(md) {
  return md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1');
}

/**
 * Reads the first role of a fact card ("<Role> — <Outlet>, <Outlet> (<file>:<line>)"). Returns
 * { role, outlets } or { error }. An outlet that looks like a file name does not count as an outlet.
 */
export function roleFromCard(card) {
  const text = plain(card);
  if (!/(^|\n)\s*Roles\s*(\n|$)/.test(text)) return { error: 'the card has no "Roles" section' };
  const line = text.split('\n').map((l) => l.trim().replace(/^[-•*]\s*/, ''))
    .find((l) => /\S\s+—\s+\S/.test(l) && !/^Sources:/.test(l));
  if (!line) return { error: 'the card has no "<role> — <outlet>" line' };
  const [role, rest] = line.split(/\s+—\s+/, 2);
  const outlets = rest.replace(/\s*\(.*$/, '').split(/,\s*/).map((o) => o.trim()).filter(Boolean);
  const named = outlets.filter((o) => !/\.(txt|md|markdown|html?)(:\d+)?$/i.test(o));
  if (!role.trim()) return { error: `no role in "${line}"` };
  if (!named.length) return { error: `the role "${role}" is credited to files, not outlets: "${line}"` };
  return { role: role.trim(), outlets: named };
}

/**
 * Judges a "use the sourced figure" fix. `at` is the diagnostic (0-based line and character, message, and
 * the fix title). Returns { removed, inserted, before, after } or throws with what is wrong.
 */
export function judgeFigureFix(beforeText, afterText, at) {
  const a = splitLines(beforeText), b = splitLines(afterText);
  if (a.length !== b.length) throw new Error(`the fix changed the number of lines (${a.length} → ${b.length})`);
  const changed = a.map((l, i) => (l === b[i] ? -1 : i)).filter((i) => i >= 0);
  if (changed.length !== 1 || changed[0] !== at.line) {
    throw new Error(`expected only line ${at.line + 1} to change; changed: ${changed.map((i) => i + 1).join(', ') || 'none'}`);
  }
  const before = a[at.line], after = b[at.line];
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  // Widen the minimal difference to whole words, so "three hours" → "two hours" reads as such.
  while (p > 0 && /[\w,.]/.test(before[p - 1]) && /[\w,.]/.test(before[p])) p--;
  while (s > 0 && /[\w,]/.test(before[before.length - s]) && /[\w,]/.test(before[before.length - s - 1])) s--;
  const removed = before.slice(p, before.length - s), inserted = after.slice(p, after.length - s);
  if (!FIGURE.test(removed)) throw new Error(`the fix did not replace a figure: "${removed}" → "${inserted}"`);
  if (!FIGURE.test(inserted)) throw new Error(`the fix put no figure in: "${removed}" → "${inserted}"`);
  if (at.character > before.length - s || at.character + 60 < p) {
    throw new Error(`the change ("${removed}" → "${inserted}") is away from the diagnostic at column ${at.character + 1}`);
  }
  const said = `${at.message} ${at.title}`.toLowerCase();
  const core = inserted.trim().replace(/^(the|a|an)\s+/i, '').toLowerCase();
  if (!said.includes(core)) {
    throw new Error(`inserted "${inserted}", which neither the diagnostic ("${at.message}") nor the fix ("${at.title}") mentions`);
  }
  return { removed, inserted, before, after };
}

/**
 * Judges an accepted citation completion at `target` (0-based line/character where `[^` was typed).
 * Returns { marker, label, definition } or throws with what is wrong.
 */
export function judgeCitation(beforeText, afterText, target) {
  const a = splitLines(beforeText), b = splitLines(afterText);
  const oldLine = a[target.line], newLine = b[target.line] ?? '';
  const at = target.character;
  if (newLine.slice(0, at) !== oldLine.slice(0, at)) throw new Error(`the text before the caret changed: "${newLine}"`);
  const m = /^\[\^([^\]\s]+)\]/.exec(newLine.slice(at));
  if (!m) throw new Error(`no footnote marker after the sentence: "${newLine.slice(Math.max(0, at - 30), at + 40)}"`);
  if (newLine.slice(at + m[0].length) !== oldLine.slice(at)) {
    throw new Error(`the rest of the line changed (stray brackets?): "${newLine.slice(Math.max(0, at - 30), at + 60)}"`);
  }
  const defRe = new RegExp(`^\\[\\^${escapeRe(m[1])}\\]:\\s*\\S`);
  const definition = b.find((l) => defRe.test(l));
  if (!definition) throw new Error(`marker ${m[0]} was inserted but there is no "${m[0]}: …" definition`);
  const rest = (lines) => lines.filter((l) => !defRe.test(l) && l.trim()).join('\n');
  const others = [...b]; others[target.line] = oldLine;
  if (rest(others) !== rest(a)) throw new Error('the completion changed more than the marker and its definition');
  return { marker: m[0], label: m[1], definition };
}
