import { describe, expect, it } from 'vitest';
import {
  asciiPunctuation,
  contentStems,
  foldDiacritics,
  foldForMatch,
  LineIndex,
  STEM_MEMO_MAX,
  STOPWORDS,
  stem,
  stemUncached,
  tokenize,
  tokenNorms,
} from '../../../src/engine/text';

// The definitions the fast versions must agree with (as they were written before).
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

function refFold(s: string): string {
  const f = asciiPunctuation(foldDiacritics(s));
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : f[i];
  }
  return out;
}

function refTokenize(text: string) {
  const folded = refFold(text);
  const out = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const first = m[0][0]!;
    out.push({
      norm: folded.slice(m.index, m.index + m[0].length),
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      capitalized: first !== first.toLowerCase() && first === first.toUpperCase(),
    });
  }
  return out;
}

const TRICKY = [
  '',
  'Hello, World! It’s the U.S.-Russia talks; don’t panic — 1,000,000 people.',
  "rock'n'roll o'-x- -x 'x' x'' x-'y a--b a'-b end-",
  'Café Cafe\u0301 Zoë naïve Erdoğan İstanbul ıi ß Straße ŁÓDŹ Œuvre Ærø ﬁnance ΟΔΟΣ Σ ǅ ǈ Ⅻ ⅻ ①②',
  'Zelenskyy 👍🏽 met 👨‍👩‍👧 families 🇺🇦. 𝐀𝐁𝐂 𝟏𝟐 𐐀𐐨 a𝐀b',
  'lone \ud800 high, lone \udc00 low, x\ud800y x\udc00y \ud83d',
  'قال الرئيس إن المحادثات انتهت. ماذا بعد؟ סוף הדברים. 日本語の文。中文！한국어？ हिन्दी ไทย',
  '``back`` ‘single’ “double” ‚low‛ ′prime″ ʼmod «guill» ‐‑‒–—―− nbsp\u00a0thin\u2009narrow\u202ffig\u2007 dots…',
  'a\u0301\u0302\u0303 \u0301lead Z\u0351\u0352a\u0354l\u0355g\u0356o \u200d\u200c\ufeff zero\u200bwidth',
  'x'.repeat(5000) + '-' + 'y'.repeat(5000) + "'s",
  'TALKS Negotiations MEETINGS ceasefire CEASE-FIRE Ministries hopping',
];

describe('tokenize and foldForMatch (scanner and tables) match their definitions', () => {
  it('foldForMatch folds every UTF-16 code unit as the composed definition does', () => {
    let all = '';
    for (let c = 0; c < 65536; c++) all += String.fromCharCode(c);
    expect(foldForMatch(all)).toBe(refFold(all));
    // and mixed strings, short and long, ASCII and not
    for (const s of TRICKY) expect(foldForMatch(s)).toBe(refFold(s));
    const long = TRICKY.join(' ').repeat(20);
    expect(foldForMatch(long)).toBe(refFold(long));
  });

  it('tokenize gives the tokens of the word regex, with the same norms and capitals', () => {
    for (const s of TRICKY) {
      expect(tokenize(s)).toEqual(refTokenize(s));
      expect(tokenNorms(s)).toEqual(refTokenize(s).map((t) => t.norm));
    }
    // every code unit next to letters, separators and digits
    let mixed = '';
    for (let c = 0; c < 65536; c += 7) mixed += `a${String.fromCharCode(c)}b-${String.fromCharCode(c)}'1 `;
    expect(tokenize(mixed)).toEqual(refTokenize(mixed));
  });

  it('contentStems keeps the non-stopword stems in order', () => {
    for (const s of TRICKY) {
      expect(contentStems(s)).toEqual(refTokenize(s).filter((t) => !STOPWORDS.has(t.norm)).map((t) => stemUncached(t.norm)));
    }
  });
});

describe('stem memo', () => {
  const words = [
    'talks', 'talk', 'negotiations', 'attended', 'exchanged', 'ministries', 'hopping', 'falling', 'kissing', 'buzzing',
    'dressed', 'agreements', 'happiness', "government's", 'classes', 'boxes', 'churches', 'buses', 'crisis', 'status',
    'ties', 'dies', 'ΟΔΟΣ', 'İNGS', 'MEETINGS', 'x', 'abc', 'abcd', 'a'.repeat(39) + 'ing', 'a'.repeat(41) + 'ing',
  ];

  it('gives the same stem as without the memo, whichever order words come in', () => {
    const forward = words.map((w) => stem(w));
    const backward = [...words].reverse().map((w) => stem(w)).reverse();
    const direct = words.map((w) => stemUncached(w));
    expect(forward).toEqual(direct);
    expect(backward).toEqual(direct);
    expect(words.map((w) => stem(w))).toEqual(direct); // now from the memo
  });

  it('stays right after it fills up and starts over', () => {
    const many: string[] = [];
    for (let k = 0; k < STEM_MEMO_MAX + 1000; k++) many.push(`w${k.toString(36)}${['ings', 'ed', 's', 'ations', 'ness'][k % 5]}`);
    for (const w of many) expect(stem(w)).toBe(stemUncached(w));
    for (const w of words) expect(stem(w)).toBe(stemUncached(w));
    for (const w of many.slice(0, 2000)) expect(stem(w)).toBe(stemUncached(w));
  });
});

describe('LineIndex (line starts found with indexOf)', () => {
  function refStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  it('starts lines after \\n, \\r\\n and \\r exactly as a character scan does', () => {
    const texts = ['', 'a', '\n', '\r', '\r\n', '\n\r', '\r\r\n\n', 'a\r\nb\rc\nd\n\re\r', 'x\r', 'x\r\n', '\u2028a\u2029b\n'];
    for (const t of texts) {
      const li = new LineIndex(t);
      const starts = refStarts(t);
      expect(li.lineCount).toBe(starts.length);
      for (let k = 0; k < starts.length; k++) expect(li.lineStart(k)).toBe(starts[k]);
    }
  });
});
