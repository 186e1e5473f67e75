import { describe, expect, it } from 'vitest';
import * as v8 from 'node:v8';
import { EntityRegistry, findMentions, packRegistry, RegistryUnpacker } from '../../../src/engine/entities';

function registryOf(...texts: string[]): EntityRegistry<number> {
  const r = new EntityRegistry<number>();
  for (const t of texts) for (const m of findMentions(t)) r.add(m, m.start);
  return r;
}

function same(r: EntityRegistry<number>, a: string, b: string): boolean {
  const x = r.resolve(a);
  const y = r.resolve(b);
  return x !== undefined && x === y;
}

describe('EntityRegistry merging', () => {
  const r = registryOf(
    'Ukrainian President Volodymyr Zelenskyy had openly dared Putin to meet.',
    'Kremlin spokesperson Dmitry Peskov acknowledged that discussions are necessary.',
    'Russian President Vladimir Putin declined.',
    'Ukrainian Defense Minister Rustem Umerov, who led the delegation, confirmed the swap.',
    'As in 2022, it is led by Presidential Aide Vladimir Medinsky.',
    'Ukraine’s Deputy Foreign Minister, Serhiy Kyslytsya, welcomed the development.',
    'The negotiators include: Head of the Presidential Office Andriy Yermak and Foreign Minister Andrii Sybiha.',
    'He met with President Erdoğan in Ankara, then went to Türkiye and Kyiv.',
    'The meeting, held at Istanbul’s Dolmabahce Palace, near Atatürk Airport.',
    'Spoke with President Macron, Federal Chancellor Merz, and Turkish Foreign Minister Hakan Fidan and Deputy Defense Minister Alexander Fomin.',
  );

  it.each([
    ['Zelensky', 'Zelenskyy'],
    ['Zelenskiy', 'Volodymyr Zelenskyy'],
    ['Zelensky', 'Volodymyr Zelensky'],
    ['Erdogan', 'Erdoğan'],
    ['Türkiye', 'Turkey'],
    ['Turkiye', 'Türkiye'],
    ['Kyiv', 'Kiev'],
    ['Dolmabahce Palace', 'Dolmabahçe Palace'],
    ['Kyslytsya', 'Kyslytsia'],
    ['Serhiy Kyslytsia', 'Kyslytsya'],
    ['Umerov', 'Umierov'],
    ['Rustem Umierov', 'Umerov'],
    ['Medinsky', 'Medinskiy'],
    ['Vladimir Medinskiy', 'Medinsky'],
    ['Andriy Yermak', 'Andrii Yermak'],
    ['Dmitry Peskov', 'Dmitri Peskov'],
    ['Peskov', 'Dmitri Peskov'],
    ['Atatürk Airport', 'Ataturk Airport'],
    ['Turkish', 'Turkey'],
    ['Ukrainian', 'Ukraine'],
  ])('%s = %s', (a, b) => {
    expect(same(r, a, b)).toBe(true);
  });

  it.each([
    ['Andriy Yermak', 'Andrii Sybiha'],
    ['Putin', 'Peskov'],
    ['Macron', 'Merz'],
    ['Fidan', 'Fomin'],
    ['Vladimir Putin', 'Vladimir Medinsky'],
  ])('%s ≠ %s', (a, b) => {
    expect(same(r, a, b)).toBe(false);
  });

  it('keeps the longest full form as the canonical name', () => {
    expect(r.resolve('Zelensky')?.name).toBe('Volodymyr Zelenskyy');
    expect(r.resolve('Umerov')?.name).toBe('Rustem Umerov');
    expect(r.resolve('Türkiye')?.name).toBe('Turkey');
    expect(r.resolve('Kiev')?.name).toBe('Kyiv');
  });

  it('merges a surname seen before the full name', () => {
    const q = registryOf('Umerov also suggested a meeting.', 'Defense Minister Rustem Umerov spoke.');
    expect(q.all().filter((e) => e.kind === 'person')).toHaveLength(1);
    expect(q.resolve('Umerov')?.name).toBe('Rustem Umerov');
    expect(q.resolve('Umerov')?.refs).toHaveLength(2);
  });

  it('resolves @handles to the person', () => {
    const q = registryOf('— Keir Starmer (@Keir_Starmer) May 16, 2025', 'Volodymyr Zelenskyy spoke.');
    expect(q.resolve('@Keir_Starmer')?.name).toBe('Keir Starmer');
    expect(q.resolve('@ZelenskyyUa')?.name).toBe('Volodymyr Zelenskyy');
  });

  it('applies user aliases', () => {
    const q = registryOf('Volodymyr Zelenskyy spoke.', 'President Ze arrived.');
    q.setAliases({ 'Volodymyr Zelenskyy': ['Ze', 'Green Man'] });
    expect(q.resolve('Ze')?.name).toBe('Volodymyr Zelenskyy');
    expect(q.resolve('Green Man')?.name).toBe('Volodymyr Zelenskyy');
  });

  it('maps demonyms to countries', () => {
    const q = registryOf('Russia and the United States and the United Kingdom and France met.');
    expect(q.resolve('American')?.name).toBe('United States');
    expect(q.resolve('U.S.')?.name).toBe('United States');
    expect(q.resolve('British')?.name).toBe('United Kingdom');
    expect(q.resolve('French')?.name).toBe('France');
    expect(q.resolve('Russian')?.name).toBe('Russia');
  });
});

describe('EntityRegistry: relatives share a surname, not an entity', () => {
  it('a full name with another first name is another person, though "Trump" alone is Donald Trump', () => {
    const r = registryOf('Donald Trump spoke.', 'Trump said it.', 'Ivanka Trump and Melania Trump attended.', 'Hillary Clinton and Bill Clinton arrived.');
    expect(r.resolve('Ivanka Trump')?.name).toBe('Ivanka Trump');
    expect(r.resolve('Ivanka Trump')?.id).not.toBe(r.resolve('Donald Trump')?.id);
    expect(r.resolve('Melania Trump')?.id).not.toBe(r.resolve('Ivanka Trump')?.id);
    expect(r.resolve('Trump')?.name).toBe('Donald Trump');
    expect(r.resolve('Bill Clinton')?.id).not.toBe(r.resolve('Hillary Clinton')?.id);
  });

  it('an initial or a short form of the first name is the same person', () => {
    const r = registryOf('Alexander Stubb spoke.', 'Stubb said it.', 'Alex Stubb and A. Stubb agreed.');
    expect(r.resolve('Alex Stubb')?.id).toBe(r.resolve('Alexander Stubb')?.id);
    expect(r.resolve('A. Stubb')?.id).toBe(r.resolve('Alexander Stubb')?.id);
  });
});

describe('EntityRegistry lookups among many similar names', () => {
  it('ties on references and name length go to the entity fuse.js ranks first', () => {
    const r = registryOf('John Smith met Anna Smith.', 'Peter Smithers left.');
    expect(r.resolve('Smith')?.name).toBe('John Smith');
    expect(r.resolve('Smyth')?.name).toBe('John Smith');
  });

  it('a name sharing only a common word with thousands of others resolves as before', () => {
    const names = Array.from({ length: 3000 }, (_, i) => `Company${String.fromCharCode(97 + (i % 26))}${i} Marsh`);
    const r = new EntityRegistry<number>();
    r.add('Marsh', 0);
    names.forEach((n, i) => r.add(n, i + 1));
    // The first "X Marsh" joins the surname-only "Marsh"; a first word of its own names someone else.
    // (Not "Corp": a name ending in a legal form is a company's, and joins no surname.)
    expect(r.resolve('Companya0 Marsh')?.id).toBe(r.resolve('Marsh')?.id);
    expect(r.resolve('Companyb1 Marsh')?.id).not.toBe(r.resolve('Marsh')?.id);
    expect(r.resolve('Acme Marsh')).toBeUndefined();
  });
});

describe('EntityRegistry read back from the persistent index', () => {
  const texts = [
    'Ukrainian President Volodymyr Zelenskyy had openly dared Putin to meet.',
    'Russian President Vladimir Putin declined, and Zelensky said so in Kyiv.',
    'Ukrainian Defense Minister Rustem Umerov, who led the delegation, confirmed the swap.',
    'He met with President Erdoğan in Ankara, then went to Türkiye.',
    'The meeting, held at Istanbul’s Dolmabahce Palace, near Atatürk Airport.',
    'John Smith met Anna Smith at the United Nations Security Council.',
    ...Array.from({ length: 60 }, (_, i) => `Minister Karel Novak${String.fromCharCode(97 + (i % 26))}${i} visited Brno.`),
  ];
  const lookups = ['Zelenskiy', 'Volodymyr Zelensky', 'Umierov', 'Rustem Umierov', 'Erdogan', 'Turkey', 'Ataturk Airport', 'Dolmabahçe Palace', 'Smyth', 'Anna Smyth', 'UN Security Council', 'Nobody Known'];
  const answers = (r: EntityRegistry<number>) => lookups.map((n) => r.resolve(n)?.name ?? null);
  const original = registryOf(...texts);
  // What the persistent index stores goes through v8 serialization.
  const restore = () => EntityRegistry.fromState(structuredClone(original.exportState()));

  it('answers every lookup as the registry it was saved from, with indexes made at once on first use', () => {
    expect(answers(restore())).toEqual(answers(original));
  });

  it('answers the same when its indexes are made in slices, and when a lookup comes while that is under way', async () => {
    const sliced = restore();
    await sliced.prepare(0, () => Promise.resolve());
    expect(answers(sliced)).toEqual(answers(original));

    const interrupted = restore();
    let pauses = 0;
    let midway: (string | null)[] = [];
    await interrupted.prepare(0, async () => {
      // A request arrives between two slices: it is answered from complete indexes.
      if (++pauses === 1) midway = answers(interrupted);
    });
    expect(pauses).toBeGreaterThanOrEqual(1);
    expect(midway).toEqual(answers(original));
    expect(answers(interrupted)).toEqual(answers(original));
  });

  it('merges new mentions into what it read back', () => {
    const r = restore();
    const more = 'Zelenskiy later met Fidan; Rustem Umierov stayed.';
    for (const m of findMentions(more)) r.add(m, m.start);
    for (const m of findMentions(more)) original.add(m, m.start);
    expect(answers(r)).toEqual(answers(original));
    expect(r.size).toBe(original.size);
  });

  it('packed in chunks and unpacked a chunk at a time, is the same registry', async () => {
    // 5,000 names: several chunks for names, keys and surnames.
    const big = registryOf(...texts, ...Array.from({ length: 5000 }, (_, i) => `Senator Ilse Varga${i} spoke in Graz.`));
    let pauses = 0;
    const packed = await packRegistry(big.exportState(), v8.serialize, () => {
      pauses++;
      return undefined;
    });
    expect(packed.chunks.length).toBeGreaterThanOrEqual(6);
    expect(pauses).toBe(packed.chunks.length);
    // Through the file format's copy, then one chunk per step.
    const unpacker = new RegistryUnpacker<number>(structuredClone(packed), (b) => v8.deserialize(b));
    let steps = 1;
    while (!unpacker.step(0)) steps++;
    expect(steps).toBe(packed.chunks.length);
    const state = unpacker.result();
    const before = big.exportState();
    for (const k of ['entities', 'byKey', 'skelDocs', 'surnameIx', 'aliasOf', 'aliasName'] as const) {
      // Same entries in the same order (the order lookups break ties by).
      expect([...state[k]]).toEqual([...before[k]]);
    }
    const again = EntityRegistry.fromState(state);
    expect(answers(again)).toEqual(answers(big));
    expect(again.resolve('Ilse Varga4321')?.name).toBe(big.resolve('Ilse Varga4321')?.name);
  });
});
