import { describe, expect, it } from 'vitest';
import { termsOf, type Terms } from '../../../src/engine/citations/retrieval';
import { CLASS_PHRASES, classHits, classOfStem, type ClassHit } from '../../../src/engine/claims/lexicon';
import { asciiPunctuation, foldDiacritics, STOPWORDS } from '../../../src/engine/text';
import { stemUncached } from '../../../src/engine/nlp';

// termsOf and classHits as they were defined before the word table and the phrase index.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

function refNorms(text: string): string[] {
  const f = asciiPunctuation(foldDiacritics(text));
  let folded = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    folded += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : f[i];
  }
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push(folded.slice(m.index, m.index + m[0].length));
  return out;
}

function refClassHits(stems: string[]): ClassHit[] {
  const hits: ClassHit[] = [];
  const taken = new Array<boolean>(stems.length).fill(false);
  for (const p of CLASS_PHRASES) {
    for (let i = 0; i + p.stems.length <= stems.length; i++) {
      let ok = true;
      for (let j = 0; j < p.stems.length; j++) {
        if (taken[i + j] || stems[i + j] !== p.stems[j]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        for (let j = 0; j < p.stems.length; j++) taken[i + j] = true;
        hits.push({ cls: p.cls, from: i, to: i + p.stems.length });
      }
    }
  }
  for (let i = 0; i < stems.length; i++) {
    if (taken[i]) continue;
    const cls = classOfStem(stems[i]!);
    if (cls) hits.push({ cls, from: i, to: i + 1 });
  }
  hits.sort((a, b) => a.from - b.from);
  return hits;
}

function refTermsOf(text: string): Terms {
  const norms = refNorms(text);
  const allStems = norms.map((n) => stemUncached(n));
  const stems: string[] = [];
  const set = new Set<string>();
  norms.forEach((n, i) => {
    if (STOPWORDS.has(n)) return;
    stems.push(allStems[i]!);
    set.add(allStems[i]!);
  });
  const classOf = new Map<string, string>();
  for (const h of refClassHits(allStems)) {
    set.add('#' + h.cls);
    for (let i = h.from; i < h.to; i++) if (!classOf.has(allStems[i]!)) classOf.set(allStems[i]!, h.cls);
  }
  return { terms: [...set], stems, classOf };
}

/** Comparable form: Maps as entry lists in their order. */
function plain(t: Terms): unknown {
  return { terms: t.terms, stems: t.stems, classOf: t.classOf ? [...t.classOf] : null };
}

const SENTENCES = [
  'Russian and Ukrainian delegations held talks in Istanbul on Friday, the first face-to-face talks since 2022.',
  'The sides agreed to a prisoner exchange: 1,000 prisoners of war each, officials said.',
  'The sanctions package of sanctions was agreed. A round of talks of talks. They sat down sat down.',
  'A pause in the fighting in fighting. Prisoners of war of war were freed; the truce ended.',
  'TALKS, Talks and talks; the talk’s end—“talked” and talking. It’s U.S.-Russia cease-fire news.',
  'Erdoğan met Zelenskyy in Türkiye. İstanbul ıi ß Straße ΟΔΟΣ 👍🏽 𝐀𝐁𝐂 Cafe\u0301.',
  '',
  '   ...   ',
  `${'a'.repeat(48)} ${'a'.repeat(48)}s ${'a'.repeat(48)}es ${'b'.repeat(60)}s ${'b'.repeat(60)} ${'c'.repeat(49)}`,
  `#meet meet #war war ${'x'.repeat(47)}-y`,
];

describe('termsOf (word table) gives the terms of its definition', () => {
  it('on news sentences, in either order and again from the table', () => {
    for (const s of SENTENCES) expect(plain(termsOf(s))).toEqual(plain(refTermsOf(s)));
    for (const s of [...SENTENCES].reverse()) expect(plain(termsOf(s))).toEqual(plain(refTermsOf(s)));
  });

  it('when the table fills up inside one text and across many', () => {
    const words: string[] = [];
    for (let k = 0; k < 90_000; k++) words.push(`w${k.toString(36)}${['ings', 'ed', 's', ''][k % 4]}`);
    // one text with more distinct words than the table holds
    const one = words.join(' ') + ' talks talk held summit ' + words.slice(0, 50).join(' ');
    expect(plain(termsOf(one))).toEqual(plain(refTermsOf(one)));
    // many sentences: the table fills, starts over, fills again
    for (let k = 0; k < words.length; k += 15) {
      const s = `${words.slice(k, k + 15).join(' ')} held talks, ${SENTENCES[k % SENTENCES.length]}`;
      const got = termsOf(s);
      if (k % 600 === 0) expect(plain(got)).toEqual(plain(refTermsOf(s)));
      else expect(got.terms.length).toBe(new Set(got.terms).size);
    }
    for (const s of SENTENCES) expect(plain(termsOf(s))).toEqual(plain(refTermsOf(s)));
  });
});

describe('classHits (phrase index) finds the hits of trying every phrase everywhere', () => {
  it('on random stem sequences made of phrase words', () => {
    const vocab = [...new Set(CLASS_PHRASES.flatMap((p) => p.stems))];
    vocab.push('talk', 'war', 'xyz', 'of', 'the', 'in');
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let trial = 0; trial < 3000; trial++) {
      const len = rand(25);
      const stems: string[] = [];
      for (let k = 0; k < len; k++) {
        // half the time continue a phrase, so overlapping phrases are common
        if (k > 0 && rand(2) === 0) {
          const p = CLASS_PHRASES[rand(CLASS_PHRASES.length)]!;
          for (const s of p.stems) stems.push(s);
        } else stems.push(vocab[rand(vocab.length)]!);
      }
      expect(classHits(stems)).toEqual(refClassHits(stems));
    }
  });
});
