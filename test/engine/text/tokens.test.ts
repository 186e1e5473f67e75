import { describe, expect, it } from 'vitest';
import { asciiPunctuation, foldDiacritics, foldForMatch, LineIndex } from '../../../src/engine/text';

// The definition the fast version must agree with (as it was written before).

function refFold(s: string): string {
  const f = asciiPunctuation(foldDiacritics(s));
  let out = '';
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : f[i];
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

describe('foldForMatch (tables) matches its definition', () => {
  it('foldForMatch folds every UTF-16 code unit as the composed definition does', () => {
    let all = '';
    for (let c = 0; c < 65536; c++) all += String.fromCharCode(c);
    expect(foldForMatch(all)).toBe(refFold(all));
    // and mixed strings, short and long, ASCII and not
    for (const s of TRICKY) expect(foldForMatch(s)).toBe(refFold(s));
    const long = TRICKY.join(' ').repeat(20);
    expect(foldForMatch(long)).toBe(refFold(long));
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
