import { describe, expect, it } from 'vitest';
import { findQuotes, findSocialPostAuthor } from '../../../src/engine/quotes';

function speakers(sentence: string, previous?: string[]): [string, string | undefined, string][] {
  return findQuotes(sentence, { previous }).map((q) => [q.text, q.speaker, q.speakerKind]);
}

describe('findQuotes: seed sentences', () => {
  it('“…,” said X, <apposition>', () => {
    const s = '“We have agreed that each side will present its vision of a possible future ceasefire and spell it out in detail,” said Vladimir Medinsky, Russia’s chief negotiator.';
    const [q] = findQuotes(s);
    expect(q).toMatchObject({ speaker: 'Vladimir Medinsky', speakerKind: 'named' });
    expect(s.slice(q!.start, q!.end)).toBe('We have agreed that each side will present its vision of a possible future ceasefire and spell it out in detail');
    expect(s.slice(q!.speakerStart, q!.speakerEnd)).toBe('Vladimir Medinsky');
  });

  it('according to X, …: "…" with a straight-quoted, dash-broken quote', () => {
    const s = 'According to NATO Secretary General Mark Rutte, the venue offers all the right conditions for successful talks: "You have politicians—your foreign minister, your president—who will help bring these negotiations to a successful conclusion. Türkiye is indeed crucial here."';
    const [q] = findQuotes(s);
    expect(q).toMatchObject({ speaker: 'Mark Rutte', speakerKind: 'named' });
    expect(q!.text.endsWith('Türkiye is indeed crucial here.')).toBe(true);
  });

  it('passive "by a Ukrainian source" is a descriptor speaker', () => {
    const s = 'Moscow’s conditions for halting the conflict were dismissed by a Ukrainian source as “non-starters”, underscoring the deep divide between the two nations.';
    expect(speakers(s)).toEqual([['non-starters', 'a Ukrainian source', 'descriptor']]);
  });

  it('a quote split by "he said" is one quote, resolved from the previous sentence', () => {
    const prev = ['Ukrainian Defense Minister Rustem Umerov, who led the delegation, confirmed that the swap would take place soon.'];
    const qs = findQuotes('“We know the date,” he said, “but we’re not disclosing it just yet.”', { previous: prev });
    expect(qs).toHaveLength(2);
    expect(qs.map((q) => q.speaker)).toEqual(['Rustem Umerov', 'Rustem Umerov']);
    expect(qs.every((q) => q.speakerKind === 'pronoun' && q.pronoun === 'he')).toBe(true);
    expect(qs[0]!.group).toBe(qs[1]!.group);
    expect(qs[0]!.text).toBe('We know the date');
  });

  it('"the Turkish leader added" resolves to the Turkish president named before', () => {
    const prev = ['Turkish President Recep Tayyip Erdogan reminded observers that Moscow and Kiev had nearly reached a deal in 2022, but their efforts failed due to the interference of “military barons”.'];
    const [q] = findQuotes('"Thanks to recent efforts, a new window of opportunity has opened," the Turkish leader added.', { previous: prev });
    expect(q).toMatchObject({ speaker: 'Recep Tayyip Erdogan', speakerKind: 'pronoun', pronoun: 'the Turkish leader' });
  });

  it('pronoun falls back to the paragraph speaker', () => {
    const [q] = findQuotes('“Nothing’s going to happen,” he stated.', { paragraphSpeaker: 'Donald Trump' });
    expect(q).toMatchObject({ speaker: 'Donald Trump', speakerKind: 'pronoun' });
  });

  it('X stated, urging … “…”: both quotes are X’s', () => {
    const s = '“Ukraine is ready to take the fastest possible steps to bring real peace, and it is important that the world holds a strong stance,” Zelenskyy stated, urging the international community to adopt “tough sanctions” should Russia refuse an unconditional ceasefire.';
    expect(speakers(s).map((x) => x[1])).toEqual(['Zelenskyy', 'Zelenskyy']);
  });

  it('participle clauses take the clause subject, not a later name', () => {
    expect(speakers('British Prime Minister Keir Starmer echoed this sentiment, calling the Russian position “clearly unacceptable”.')).toEqual([
      ['clearly unacceptable', 'Keir Starmer', 'named'],
    ]);
    const s = 'According to Reuters, two sources with direct knowledge of the meeting said Medinsky compared Russia’s resolve to that of Tsar Peter the Great during his prolonged war with Sweden in the early 18th century, stating: “We do not want war, but we are ready to fight for a year, two, three — as long as you want.”';
    expect(speakers(s)[0]![1]).toBe('Medinsky');
    const k = 'Ukraine’s Deputy Foreign Minister, Serhiy Kyslytsya, welcomed the development, calling it “a very good end to a very difficult day” and “potentially excellent news for 1,000 Ukrainian families.”';
    expect(speakers(k).map((x) => x[1])).toEqual(['Serhiy Kyslytsya', 'Serhiy Kyslytsya']);
    const d = 'Following the meeting, Kirill Dmitriev, a senior Russian official, praised the outcome on X, citing “good results... 1. Largest POW exchange, 2. Ceasefire options that may work.”';
    expect(speakers(d)[0]![1]).toBe('Kirill Dmitriev');
  });

  it('mixed quote marks and a descriptor subject with a parenthetical', () => {
    const s = 'A member of the Ukrainian delegation, speaking anonymously, described Russia’s demands as “detached from reality" and going "far beyond anything that was previously discussed”.';
    expect(speakers(s)).toEqual([
      ['detached from reality', 'A member of the Ukrainian delegation', 'descriptor'],
      ['far beyond anything that was previously discussed', 'A member of the Ukrainian delegation', 'descriptor'],
    ]);
  });

  it('subject before the verb, skipping parentheticals and "that"', () => {
    expect(speakers('Medinsky, for his part, stated that Russia had “taken note” of Ukraine’s request.')[0]![1]).toBe('Medinsky');
    expect(speakers('Ukrainian President Volodymyr Zelensky stated that Russian President Vladimir Putin is “afraid” to meet directly.')[0]![1]).toBe('Volodymyr Zelensky');
    expect(speakers('At a European summit in Albania, Zelensky called for a “strong reaction” from the international community.')[0]![1]).toBe('Zelensky');
    expect(speakers('Political analyst Denis Denisov, told TRT World that Ankara’s role remains crucial: "Türkiye is one of the few countries that are effective mediators in this conflict."')[0]![1]).toBe('Denis Denisov');
    expect(speakers('Medinsky stated on Telegram, the goal of the talks is “to establish a long-lasting and durable peace.”')[0]![1]).toBe('Medinsky');
    expect(speakers('During the negotiations, a Ukrainian diplomatic source described Russia’s territorial demands as “unacceptable,” suggesting they were intended to derail the talks.')).toEqual([
      ['unacceptable', 'a Ukrainian diplomatic source', 'descriptor'],
    ]);
    expect(speakers('A Ukrainian official said the Russian side made “new and unacceptable demands,” including requiring Ukraine to pull back.')[0]!.slice(1)).toEqual(['A Ukrainian official', 'descriptor']);
  });

  it('an organisation with its possessive owner', () => {
    const s = 'It marked a shift from the day before, when Russia’s Foreign Ministry insulted President Zelensky, calling him “a clown and a loser.”';
    expect(speakers(s)[0]![1]).toBe('Russia’s Foreign Ministry');
  });

  it('quotes without attribution stay unknown', () => {
    expect(speakers('Kyiv is seeking an “unconditional ceasefire” in the conflict.')).toEqual([['unconditional ceasefire', undefined, 'unknown']]);
  });

  it('apostrophes are not quote marks', () => {
    expect(findQuotes('Kyiv’s delegation met Russia’s team at Istanbul’s palace.')).toEqual([]);
    expect(findQuotes("It's the Ukrainians' view that they won't move.")).toEqual([]);
  });

  it('draft sentences', () => {
    expect(speakers('Starmer dismissed Moscow\'s conditions as "non-starters".')[0]![1]).toBe('Starmer');
    expect(speakers('Trump said "Türkiye is indeed crucial here".')[0]![1]).toBe('Trump');
    expect(speakers('Medinsky complained of "new and unacceptable demands" from Kyiv.')[0]![1]).toBe('Medinsky');
    expect(speakers('"We will see what level the Russians are at," Zelenskyy said before the talks.')[0]![1]).toBe('Zelenskyy');
    expect(speakers('Erdogan called the meeting "the last chance for peace".')[0]![1]).toBe('Erdogan');
    expect(speakers('Peskov said a summit "could happen within weeks".')).toEqual([['could happen within weeks', 'Peskov', 'named']]);
  });

  it('other news text', () => {
    const s = 'Search and rescue was suspended on Tuesday, with Zinichev describing the "real threat of [another] part of the building collapsing" as making it "impossible to continue working in such conditions".';
    expect(speakers(s).map((x) => x[1])).toEqual(['Zinichev', 'Zinichev']);
  });
});

describe('findSocialPostAuthor', () => {
  it('reads the signature line of an embedded post', () => {
    const line = '— Keir Starmer (@Keir_Starmer) May 16, 2025';
    const a = findSocialPostAuthor(line);
    expect(a).toMatchObject({ name: 'Keir Starmer', handle: '@Keir_Starmer' });
    expect(line.slice(a!.start, a!.end)).toBe('Keir Starmer');
    const z = findSocialPostAuthor('— Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) May 16, 2025');
    expect(z).toMatchObject({ name: 'Volodymyr Zelenskyy', handle: '@ZelenskyyUa' });
  });
  it('ignores ordinary lines', () => {
    expect(findSocialPostAuthor('People in Ukraine and across the world have paid the price for Putin’s aggression.')).toBeUndefined();
    expect(findSocialPostAuthor('— and then (@someone) said a long thing that is not a date at all here')).toBeUndefined();
  });
});

describe('findQuotes: other news text', () => {
  it('a person "of" an organisation is the speaker', () => {
    const s = 'George Kimbrell of the Center for Food Safety said "This year\'s count is a temporary reprieve."';
    expect(speakers(s)[0]![1]).toBe('George Kimbrell');
    const w = 'Mike Ryan of the World Health Organization (WHO) told the press the new drugs were only part of the solution: "What will stop Ebola is trust."';
    expect(speakers(w)[0]![1]).toBe('Mike Ryan');
  });
  it('adverbs between subject and verb', () => {
    const s = 'Kerri Kupec, spokeswoman for the Department of Justice, sharply criticized the decision, calling it "gamesmanship".';
    expect(speakers(s)[0]![1]).toBe('Kerri Kupec');
  });
  it('a relative clause after a comma: the speaker is the person it follows', () => {
    const s = 'The harbour board met Mara Lind, who said: "The cranes will be back by spring."';
    expect(speakers(s)[0]![1]).toBe('Mara Lind');
    const t = 'Officials praised Tomas Rey, who told reporters "we did what we had to".';
    expect(speakers(t)[0]![1]).toBe('Tomas Rey');
  });
  it('"who" makes the name before it a person, even a lone surname read as no one in particular', () => {
    expect(speakers('After the talks Okonjo spoke with Brandt, who said that "the port will reopen in June".')[0]![1]).toBe('Brandt');
    expect(speakers('After the talks Okonjo spoke with Brandt, who said: "The port will reopen in June."')[0]![1]).toBe('Brandt');
  });
  it('hyphenated surnames stay whole before a speech verb', () => {
    expect(speakers('Gallego-Lazo said, "Few studies have identified the exact nature of the bonds."')[0]![1]).toBe('Gallego-Lazo');
  });
});

describe('findQuotes: inverted headline attribution is not taken from the wrong noun', () => {
  it('does not make the words after a quote its speaker without a comma', () => {
    const [q] = findQuotes("Zebra stripes may 'dazzle' pathogen-packing horse flies, say scientists");
    expect(q!.speaker).not.toBe('pathogen-packing horse flies');
  });
  it('apposition inside an attribution', () => {
    const [q] = findQuotes('“We will use the full force of the law,” Delfin Lorenzana, the Defence Secretary, said.');
    expect(q!.speaker).toBe('Delfin Lorenzana');
  });
});

/** Each sentence of a paragraph read as the checker and the analysis read it: with the sentences around it. */
function paragraph(...sentences: string[]) {
  return sentences.map((s, i) => findQuotes(s, { previous: sentences.slice(0, i), inParagraph: i, next: sentences.slice(i + 1) }));
}

describe('findQuotes: speakers across sentences', () => {
  it('a quotation over two sentences is spoken by whoever its closing attribution names, not by the body introducing it', () => {
    const [a, b] = paragraph(
      'The agency noted the need to push governments to act: "Every country can still change course.',
      'If they test and trace, they will succeed," said Anna Lind, the agency\'s director.',
    );
    expect(a).toMatchObject([{ speaker: 'Anna Lind', open: true }]);
    expect(b).toMatchObject([{ speaker: 'Anna Lind', continued: true }]);
  });

  it('a quotation over several sentences has the speaker named before it opens', () => {
    const [a, b, c] = paragraph(
      'Prime Minister Lena Moor wrote, "My thoughts are with those who lost their loved ones.',
      'May the injured recover soon.',
      'Help is on the way."',
    );
    expect(a).toMatchObject([{ speaker: 'Lena Moor', open: true }]);
    expect(b).toMatchObject([{ text: 'May the injured recover soon.', speaker: 'Lena Moor', continued: true, open: true, speakerSentence: -1 }]);
    expect(c).toMatchObject([{ text: 'Help is on the way.', speaker: 'Lena Moor', continued: true, speakerSentence: -2 }]);
    expect(c![0]!.open).toBeUndefined();
  });

  it('a speaker named after a long quotation', () => {
    const [a, b] = paragraph('“We are ready to talk.', 'We have always been ready,” said Ivo Marek.');
    expect(a).toMatchObject([{ speaker: 'Ivo Marek', speakerKind: 'named', speakerSentence: 1, open: true }]);
    expect(b).toMatchObject([{ speaker: 'Ivo Marek', continued: true }]);
    expect(b![0]!.speakerSentence).toBeUndefined();
  });

  it('"He said." in the next sentence, but not a sentence that says something of its own', () => {
    expect(paragraph('“We will not give up.”', 'Ivo Marek said.')[0]).toMatchObject([{ speaker: 'Ivo Marek', speakerSentence: 1 }]);
    expect(paragraph('“We will not give up.”', 'Ivo Marek said the talks were over.')[0]).toMatchObject([{ speakerKind: 'unknown' }]);
  });

  it('a pronoun speaker says where the name it stands for is written', () => {
    const [, b] = paragraph('Spokesperson Dana Pell struck a conciliatory note.', '“The port is crucial here,” he said.');
    expect(b).toMatchObject([{ speaker: 'Dana Pell', speakerKind: 'pronoun', antecedent: { sentence: -1, start: 13, end: 22 } }]);
  });

  it('a sentence after a closed quotation is not inside one (straight marks turn over)', () => {
    const [, b, c] = paragraph('Vin Dale, a witness, said, "It exploded in seconds.', 'It was a ball of flames."', 'Dale narrowly escaped.');
    expect(b).toMatchObject([{ speaker: 'Vin Dale', continued: true }]);
    expect(c).toEqual([]);
  });
});

describe('findQuotes: speakers across paragraphs', () => {
  it('a paragraph that opens a quotation left open by the paragraph before goes on with its speaker', () => {
    const before = ['Mayor Ana Vell said: "We will rebuild the quay.', 'It will take a year.'];
    expect(findQuotes('"The ferries will run again by spring."', { previous: before, inParagraph: 0 })).toMatchObject([{ speaker: 'Ana Vell', speakerSentence: -2 }]);
  });
  it('…but not when the quotation before was closed', () => {
    expect(findQuotes('"The ferries will run again by spring."', { previous: ['Mayor Ana Vell said: "We will rebuild the quay."'], inParagraph: 0 })).toMatchObject([{ speakerKind: 'unknown' }]);
  });
});

describe('findQuotes: colon attributions', () => {
  it('the subject of the clause before the colon is the speaker, whatever its verb', () => {
    expect(speakers('Marco Pell sounded upbeat: “Don’t underestimate the meeting on Thursday.”')).toEqual([['Don’t underestimate the meeting on Thursday.', 'Marco Pell', 'named']]);
    expect(speakers('Ivo Marek told the Courier: "We are ready."')[0]![1]).toBe('Ivo Marek');
  });
  it('not a place', () => {
    expect(speakers('Ana Vell of the University of California, Los Angeles disagreed: "The seeps are minor."')[0]![1]).not.toBe('Los Angeles');
  });
});

describe('findQuotes: quoted words that are not speech', () => {
  it('a short adverbial phrase in quotation marks is emphasis, not a quotation', () => {
    expect(findQuotes('Foreign minister Hakan Fidan confirmed that both sides had agreed “in principle” to hold further talks.')).toEqual([]);
    expect(findQuotes('He would fight "at all costs", aides said.')).toEqual([]);
  });
  it('a "so-called" phrase is a label, not a quotation', () => {
    expect(findQuotes('They rejected the so-called "peace plan".')).toEqual([]);
  });
  it('short quoted words that are speech stay quotations', () => {
    expect(speakers('Keir Starmer called the Russian position “clearly unacceptable”.')[0]![1]).toBe('Keir Starmer');
    expect(speakers('Ivo Marek blamed the failure on “military barons”.')).toEqual([['military barons', 'Ivo Marek', 'named']]);
  });
});
