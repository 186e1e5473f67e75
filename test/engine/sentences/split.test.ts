import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/engine/sentences';
import { parseSource } from '../../../src/engine/sources';
import type { Sentence } from '../../../src/engine/types';

const texts = (s: string, opts?: { hardLineBreaks?: boolean }) => splitSentences(s, undefined, opts).map((x) => x.text);

function checkInvariants(src: string, out: Sentence[]): void {
  for (const s of out) {
    expect(s.text).toBe(src.slice(s.start, s.end));
    expect(s.text).toBe(s.text.trim());
  }
}

describe('splitSentences: what a writer would notice', () => {
  it('does not split at U.S. and other abbreviations', () => {
    expect(texts('U.S. President Donald Trump said the talks were useful. Others disagreed.')).toEqual([
      'U.S. President Donald Trump said the talks were useful.',
      'Others disagreed.',
    ]);
    expect(texts('Mr. Smith arrived. He spoke.')).toEqual(['Mr. Smith arrived.', 'He spoke.']);
    expect(texts('Dr. Jones met Gen. Lee and Mrs. Brown on St. Patrick’s Day.')).toHaveLength(1);
    expect(texts('It happened on Jan. 5 in the U.K. capital, i.e. London, e.g. near No. 10 Downing St.')).toHaveLength(1);
    expect(texts('Brazil vs. Argentina ended 2-1.')).toHaveLength(1);
    expect(texts('J. K. Rowling and George W. Bush met.')).toHaveLength(1);
  });

  it('splits after an abbreviation that ends the sentence before a typical opener', () => {
    expect(texts('He moved to the U.S. The move was quick.')).toEqual(['He moved to the U.S.', 'The move was quick.']);
    expect(texts('They sold apples, pears, etc. Then they left.')).toHaveLength(2);
  });

  it('keeps decimals, URLs and handles together', () => {
    expect(texts('It cost 3.5 million.')).toEqual(['It cost 3.5 million.']);
    expect(texts('See pic.twitter.com/xyz and https://example.com/a.b?c=1 for more. Next one.')).toEqual([
      'See pic.twitter.com/xyz and https://example.com/a.b?c=1 for more.',
      'Next one.',
    ]);
  });

  it('handles ? and ! and ellipses', () => {
    expect(texts('Is it over? Nobody knows! Wait... and see. Then... Silence.')).toEqual([
      'Is it over?',
      'Nobody knows!',
      'Wait... and see.',
      'Then...',
      'Silence.',
    ]);
  });

  it('keeps the Dmitriev list sentence whole (seed 001)', () => {
    const s =
      'Following the meeting, Kirill Dmitriev, a senior Russian official, praised the outcome on X, citing “good results... 1. Largest POW exchange, 2. Ceasefire options that may work, 3. Understanding of positions”.';
    expect(texts(s)).toEqual([s]);
  });

  it('quotes: continue after an attribution, split otherwise', () => {
    const medinsky =
      '“We have agreed that each side will present its vision of a possible future ceasefire and spell it out in detail,” said Vladimir Medinsky, Russia’s chief negotiator. “After such a vision has been presented, we believe it would be appropriate, as also agreed, to continue our negotiations.”';
    expect(texts(medinsky)).toEqual([
      '“We have agreed that each side will present its vision of a possible future ceasefire and spell it out in detail,” said Vladimir Medinsky, Russia’s chief negotiator.',
      '“After such a vision has been presented, we believe it would be appropriate, as also agreed, to continue our negotiations.”',
    ]);
    expect(texts('“It is over.” he said. “Really?” she asked.')).toEqual(['“It is over.” he said.', '“Really?” she asked.']);
    expect(texts('"We are ready." Zelenskyy said on Friday. "We will see."')).toEqual([
      '"We are ready." Zelenskyy said on Friday.',
      '"We will see."',
    ]);
    expect(texts('“Nothing’s going to happen.” The room fell silent.')).toHaveLength(2);
  });

  it('list numbers and figures at sentence ends', () => {
    expect(texts('The score was 12. Officials left.')).toHaveLength(2);
    expect(texts('1. Largest exchange so far')).toEqual(['1. Largest exchange so far']);
  });

  it('makes headings and social-post attributions their own sentences (hard line breaks)', () => {
    const src =
      'A cold formality\nThe negotiations were tense. Both sides left.\nSpoke with @POTUS today.\n— Keir Starmer (@Keir_Starmer) May 16, 2025\nI will not accept it.@ZelenskyyUa, Britain stands with Ukraine. pic.twitter.com/pyyMpB83EV\n';
    const out = splitSentences(src);
    checkInvariants(src, out);
    expect(out.map((s) => [s.text, s.line, s.paragraph])).toEqual([
      ['A cold formality', 0, 0],
      ['The negotiations were tense.', 1, 1],
      ['Both sides left.', 1, 1],
      ['Spoke with @POTUS today.', 2, 2],
      ['— Keir Starmer (@Keir_Starmer) May 16, 2025', 3, 3],
      // no split inside "it.@Zelensky" nor before the lowercase picture link
      ['I will not accept it.@ZelenskyyUa, Britain stands with Ukraine. pic.twitter.com/pyyMpB83EV', 4, 4],
    ]);
  });

  it('gives exact offsets with CRLF, tabs, emoji, combining marks and RTL text', () => {
    const src = 'First line here.\r\n\tSecond 🎉 one. Café\u0301 opens.\r\n\r\nمرحبا بالعالم. שלום עולם!\r\nLast';
    const out = splitSentences(src);
    checkInvariants(src, out);
    expect(out.map((s) => s.text)).toEqual([
      'First line here.',
      'Second 🎉 one.',
      'Café\u0301 opens.',
      'مرحبا بالعالم.',
      'שלום עולם!',
      'Last',
    ]);
    const second = out[1]!;
    expect(second.start).toBe(src.indexOf('Second'));
    expect([second.line, second.character]).toEqual([1, 1]);
    expect([out[3]!.line, out[3]!.character]).toEqual([3, 0]);
    expect(out[2]!.start).toBe(src.indexOf('Café'));
    expect(out[5]!.line).toBe(4);
  });

  it('soft line breaks: a wrapped sentence is one, blank lines make paragraphs', () => {
    const src = 'The talks\nended early. Then\nthey left.\n\nNew paragraph here.';
    const out = splitSentences(src, undefined, { hardLineBreaks: false });
    checkInvariants(src, out);
    expect(out.map((s) => [s.text, s.paragraph])).toEqual([
      ['The talks\nended early.', 0],
      ['Then\nthey left.', 0],
      ['New paragraph here.', 1],
    ]);
  });

  it('only splits inside the given spans', () => {
    const src = 'Junk line. Keep this one. More junk.';
    const start = src.indexOf('Keep');
    const out = splitSentences(src, [{ start, end: start + 'Keep this one.'.length }]);
    expect(out).toEqual([{ start, end: start + 14, text: 'Keep this one.', line: 0, character: start, paragraph: 0 }]);
    expect(splitSentences('', [])).toEqual([]);
    expect(splitSentences('abc', [{ start: 10, end: 2 }])).toEqual([]);
  });

  it('never throws and is linear on a 2 MB single line', () => {
    const unit = 'The U.S. economy grew 3.5 percent... and Mr. Smith said “yes.” ';
    const big = unit.repeat(Math.ceil((2 * 1024 * 1024) / unit.length));
    const t0 = Date.now();
    const out = splitSentences(big);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(out.length).toBeGreaterThan(1000);
    const noSpace = 'a.'.repeat(1024 * 1024);
    const t1 = Date.now();
    expect(splitSentences(noSpace)).toHaveLength(1);
    const dots = '. '.repeat(1024 * 1024);
    expect(splitSentences(dots)).toEqual([]);
    expect(Date.now() - t1).toBeLessThan(3000);
  });

  it('splits the seed sources sensibly', () => {
    const dir = path.resolve(__dirname, '../../../seeds');
    const file = readdirSync(dir).find((f) => f.startsWith('003'))!;
    const text = readFileSync(path.join(dir, file), 'utf8');
    const doc = parseSource({ path: path.join(dir, file), text }, 0);
    const out = splitSentences(text, doc.body);
    checkInvariants(text, out);
    const t = out.map((s) => s.text);
    expect(t).toContain('Both countries agreed to release 1,000 prisoners of war each.');
    expect(t).toContain('Meanwhile, former U.S. President Donald Trump weighed in, claiming that any meaningful negotiation must involve him and President Putin directly.');
    expect(t).toContain('“We know the date,” he said, “but we’re not disclosing it just yet.”');
    expect(t.some((x) => x.includes('Leave a Reply'))).toBe(false);
  });
});

describe('splitSentences: soft mode attribution lines', () => {
  it('starts a new sentence at a dash attribution line', () => {
    const src = 'We stand with Ukraine, always\n— Keir Starmer (@Keir_Starmer) May 16, 2025\n-- Another Name';
    expect(splitSentences(src, undefined, { hardLineBreaks: false }).map((s) => s.text)).toEqual([
      'We stand with Ukraine, always',
      '— Keir Starmer (@Keir_Starmer) May 16, 2025',
      '-- Another Name',
    ]);
  });
});

describe('splitSentences: golden rules of other splitters', () => {
  it('one-line lists: each item is a sentence, an enumeration inside a sentence is not', () => {
    expect(texts('1. The first item 2. The second item')).toEqual(['1. The first item', '2. The second item']);
    expect(texts('1) The first item 2) The second item')).toEqual(['1) The first item', '2) The second item']);
    expect(texts('a. The first item b. The second item c. The third list item')).toHaveLength(3);
    expect(texts('• 9. The first item • 10. The second item')).toEqual(['• 9. The first item', '• 10. The second item']);
    // after a comma the numbers enumerate inside one sentence (the Dmitriev test above), and a
    // number that ends a sentence stays a sentence end
    expect(texts('The vote was 1. Then 2. Officials left.')).toHaveLength(3);
  });

  it('spaced ellipses: three dots continue, a fourth ends the sentence', () => {
    expect(texts('I mean...see . . . what I am saying, the thing is . . . I did not mean it.')).toHaveLength(1);
    expect(texts('End it with a period . . . . Next sentence.')).toEqual(['End it with a period . . . .', 'Next sentence.']);
    expect(texts('They combined words. . . . The practice was not abandoned. . . .')).toEqual([
      'They combined words.',
      '. . . The practice was not abandoned. . . .',
    ]);
    expect(texts('“The laws will appear less complex. . . .”')).toHaveLength(1);
  });

  it('omissions in brackets end a sentence only before a capital', () => {
    expect(texts('"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).')).toHaveLength(1);
    expect(texts('"It was the problem from the beginning [...] All they did was add a layer."')).toHaveLength(2);
  });

  it('a missing space after a full stop, the pronoun I, a.m. before a name, numero signs', () => {
    expect(texts('Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.')).toEqual([
      'Hello world.',
      'Today is Tuesday.',
      'Mr. Smith went to the store and bought 1,000.',
      'That is a lot.',
    ]);
    expect(texts('We make a good team, you and I. Did you see Albert I. Jones yesterday?')).toHaveLength(2);
    expect(texts('At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.')).toEqual([
      'At 5 a.m. Mr. Smith went to the bank.',
      'He left the bank at 6 P.M.',
      'Mr. Smith then went to the store.',
    ]);
    expect(texts('You can find it at N°. 1026.253.553. That is where the treasure is.')).toHaveLength(2);
    expect(texts('Finance ministers of Canada, the U.S. And West Germany agreed.')).toHaveLength(1);
  });
});
