/**
 * A precision probe that needs no labels: sentences taken from the sources themselves are
 * checked against the other sources (their own left out). In an archive where each story
 * has one or two articles, a figure from one story that another story "contradicts" is a
 * false alarm of the scoping or alignment kind. Prints the rate and examples:
 *   npx vite-node test/eval/probe.ts [--n 300] [--show 20] [--corpus DIR] [--keep]
 * (--keep: the sentence's own source stays in: findings are then sources that disagree with it.
 * --roles: sentences that give someone a title, and the role-mismatch findings on them.
 * --places: sentences that put something "in" or "at" a known city or country.
 * --codes a,b: count findings of these codes instead (with --keep, "unsupported" on a sentence whose own source is in: a false note).
 * --titled: the sentence is drafted under its article's title as a heading, as a writer's
 * section names its story; only findings in the sentence count.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/engine/corpus';
import { findMentions, findRoles } from '../../src/engine/entities';
import { lookupPlace } from '../../src/engine/entities/gazetteer';
import { parseQuantities } from '../../src/engine/quantities';
import { WIKINEWS } from './sets';

export interface ProbeResult {
  checked: number;
  flagged: { file: string; sentence: string; message: string; code: string }[];
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export async function probe(dir: string, n: number, keepOwn = false, titled = false, roles = false, codes?: string[], places = false): Promise<ProbeResult> {
  const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f) && f !== 'SOURCE.md').map((f) => path.join(dir, f));
  const { corpus } = await Corpus.load(files, { cacheDir: false });
  await corpus.analyseAll();
  const r = rng(12345);
  const picked: { file: string; sentence: string }[] = [];
  const pool: { file: string; sentence: string }[] = [];
  for (const doc of corpus.docs) {
    for (const line of doc.text.split('\n').slice(1)) {
      for (const s of line.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
        if (s.length < 40 || s.length > 300 || s.includes('"') || s.includes('“')) continue;
        let n;
        try {
          n = roles ? findRoles(s).length : places ? findMentions(s).filter((m) => m.kind === 'place' && !m.demonym && lookupPlace(m.text) && /\b(?:in|at)\s+(?:the\s+)?$/i.test(s.slice(Math.max(0, m.start - 12), m.start))).length : parseQuantities(s).length;
        } catch {
          continue;
        }
        if (n > 0) pool.push({ file: doc.path, sentence: s });
      }
    }
  }
  while (picked.length < n && pool.length > 0) picked.push(pool.splice(Math.floor(r() * pool.length), 1)[0]!);
  const flagged: ProbeResult['flagged'] = [];
  for (const p of picked) {
    const text = readFileSync(p.file, 'utf8');
    if (!keepOwn) corpus.remove(p.file);
    try {
      const title = text.split('\n').find((l) => l.trim())?.replace(/^#+\s*/, '').trim() ?? '';
      const found = titled ? corpus.check(`# ${title}\n\n${p.sentence}\n`, {}, 'markdown').filter((d) => d.range.start.line === 2) : corpus.check(p.sentence, {}, 'plaintext');
      for (const d of found) {
        const counted = codes ?? (roles ? ['role-mismatch'] : ['contradiction', 'sources-disagree']);
        if (counted.includes(d.code)) flagged.push({ file: path.basename(p.file), sentence: p.sentence, message: d.message, code: d.code });
      }
    } finally {
      if (!keepOwn) corpus.upsert({ path: p.file, text });
    }
  }
  return { checked: picked.length, flagged };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const roles = args.includes('--roles');
  const codes = args.includes('--codes') ? arg('--codes', '').split(',') : undefined;
  const res = await probe(arg('--corpus', WIKINEWS), Number(arg('--n', '300')), args.includes('--keep'), args.includes('--titled'), roles, codes, args.includes('--places'));
  const show = Number(arg('--show', '20'));
  for (const f of res.flagged.slice(0, show)) console.log(`${f.file}: ${f.sentence}\n   ${f.code}: ${f.message.slice(0, 300)}`);
  console.log(`probe: ${res.flagged.length} ${codes ? codes.join('/') : roles ? 'role-mismatch' : 'contradiction/disagreement'} findings on ${res.checked} source sentences checked against the other sources`);
}

void main();
