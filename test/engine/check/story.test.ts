import { describe, expect, it } from 'vitest';
import { attributedSources, StoryScoper } from '../../../src/engine/check/story';
import { Corpus } from '../../../src/engine/corpus';

// An archive: more sources than a writer gathers by hand, each its own story.
const towns = ['Arnholt', 'Brisca', 'Caddow', 'Dunmere', 'Elsby', 'Farrow', 'Glenturret', 'Hathersage', 'Ingleby', 'Jessop', 'Kirkwall', 'Lanark'];
const fillers = towns.map((t, i) => ({ path: `/a/${t}.md`, text: `---\noutlet: ${t} Gazette\n---\nThe ${t} council approved ${i + 3} new bus routes on Tuesday, and ${20 + i} people attended.\n` }));
const archive = Corpus.fromInputs([
  ...fillers,
  { path: '/a/quake.md', text: '---\noutlet: Harbour Times\n---\nA magnitude 6.1 earthquake struck Velmora on Monday, killing 39 people.\n\nRescuers in Velmora searched the rubble.\n' },
  { path: '/a/fire.md', text: '---\noutlet: Valley Ledger\n---\nA fire in the Ostrander market killed two people on Sunday.\n\nFirefighters in Ostrander worked through the night.\n' },
  { path: '/a/vote.md', text: '---\noutlet: Northgate Post\n---\nVoters in Kessling elected a new mayor with 52 percent.\n' },
  { path: '/a/flood.md', text: '---\noutlet: Coastline Times\n---\nFloods in Dravik forced 5,000 people from their homes.\n' },
  { path: '/a/crash.md', text: '---\noutlet: Airfield News\n---\nA vintage bomber crashed at Tolland airfield, with ten passengers and three crew members aboard.\n\nSeveral crew members of the bomber were rescued by firefighters.\n' },
  { path: '/a/boat.md', text: '---\noutlet: Bayside Courier\n---\nThe dive boat Meridian sank off Calder Island with 39 people aboard.\n' },
]);

describe('story scope', () => {
  it('an archive of different stories is not one story', () => {
    expect(new StoryScoper(archive).isOneStory()).toBe(false);
  });

  it("a sentence's names pick its story's sources, and a sentence naming none picks none", () => {
    const scoper = new StoryScoper(archive);
    const velmora = scoper.scope(new Map(), scoper.weights('The Velmora earthquake killed 52 people.'));
    expect(velmora && velmora !== 'all' ? [...velmora].map((d) => archive.store.docs[d]!.file) : velmora).toEqual(['quake.md']);
    expect(scoper.scope(new Map(), scoper.weights('Ninety people were injured.'))).toBeUndefined();
  });

  it('a source that shares none of the names a sentence gives is another story, whatever other words it shares', () => {
    const scoper = new StoryScoper(archive);
    const files = (scope: ReturnType<StoryScoper['scope']>) => (scope && scope !== 'all' ? [...scope].map((d) => archive.store.docs[d]!.file) : scope);
    // Every word but the name is the fire story's: a fire in another market is not that fire.
    expect(files(scoper.scope(new Map(), scoper.weights('A fire in the Tollgate market killed two people on Sunday.')))).toBeUndefined();
    // A one-word heading is a title word, not a name no source has: the story is read from the words.
    expect(files(scoper.scope(scoper.weights(['Fire', 'Firefighters worked through the night in the market.']), scoper.weights('Firefighters worked through the night in the market.')))).toEqual(['fire.md']);
    // Named in the section, the story holds for a sentence of it that names nothing.
    const section = scoper.weights(['A fire in the Ostrander market killed two people.', 'Firefighters worked through the night.']);
    expect(files(scoper.scope(section, scoper.weights('Firefighters worked through the night.')))).toEqual(['fire.md']);
  });

  it('a first name shared with another story does not make it this story', () => {
    const obits = Corpus.fromInputs([
      ...fillers,
      { path: '/a/tallis.md', text: '---\noutlet: Harbour Times\n---\nRobert Quenby, who led the Velmora port authority, died aged 81.\n' },
      { path: '/a/quake.md', text: '---\noutlet: Valley Ledger\n---\nA magnitude 6.1 earthquake struck Velmora on Monday, killing 39 people.\n' },
    ]);
    const scoper = new StoryScoper(obits);
    const files = (scope: ReturnType<StoryScoper['scope']>) => (scope && scope !== 'all' ? [...scope].map((d) => obits.store.docs[d]!.file) : scope);
    // "Robert" is many people's name: a source about another Robert who died aged 81 is another story.
    expect(files(scoper.scope(new Map(), scoper.weights('Robert Ashdown died aged 81 after leading the union for 37 years.')))).toBeUndefined();
    // The surname is the person: a source naming him is his story.
    expect(files(scoper.scope(new Map(), scoper.weights('Robert Quenby died aged 80.')))).toEqual(['tallis.md']);
  });

  it("a section's heading names its story: sources without any of its names are not in it", () => {
    const c = Corpus.fromInputs([
      ...fillers,
      { path: '/a/quake.md', text: '---\noutlet: Harbour Times\ntitle: Quake strikes Velmora\n---\nA magnitude 6.1 earthquake struck Velmora on Monday, killing 39 people in Dravik province.\n' },
      { path: '/a/flood.md', text: '---\noutlet: Coastline Times\ntitle: Floods in Ostrander\n---\nFloods in Ostrander, Dravik province, killed 12 people on Monday.\n' },
    ]);
    // The sentence names only the province both stories share; the heading says which story it is.
    const under = (heading: string) => c.check(`# ${heading}\n\nThe disaster in Dravik province killed 20 people on Monday.\n`).map((d) => d.message);
    expect(under('Velmora earthquake')).toEqual([expect.stringContaining('39')]);
    expect(under('Ostrander floods')).toEqual([expect.stringContaining('12')]);
    // A heading naming a story no source tells leaves nothing to rule the figure out.
    expect(under('Brisca landslide').filter((m) => /39|12/.test(m))).toEqual([]);
  });

  it('a section weighed once is reused by the next check, with the same scope for each sentence, until the sources change', () => {
    const texts = ['The Velmora earthquake killed 39 people.', 'Rescuers searched the rubble.'];
    const first = new StoryScoper(archive).sectionWeights(texts);
    expect(new StoryScoper(archive).sectionWeights([...texts])).toBe(first);
    const scoper = new StoryScoper(archive);
    const scope = scoper.scopeIn(first, texts[1]!);
    expect(scope).toEqual(scoper.scope(first, scoper.weights(texts[1]!)));
    expect(scope && scope !== 'all' ? [...scope].map((d) => archive.store.docs[d]!.file) : scope).toEqual(['quake.md']);
    const changed = Corpus.fromInputs([...fillers, { path: '/a/quake.md', text: 'A magnitude 6.1 earthquake struck Velmora on Monday.\n' }]);
    expect(new StoryScoper(changed).sectionWeights(texts)).not.toBe(first);
  });

  it('a figure from another story is never offered against the draft', () => {
    const ds = archive.check('The Velmora earthquake killed 52 people.');
    const c = ds.find((d) => d.code === 'contradiction');
    expect(c?.evidence.every((e) => e.source === 'quake.md')).toBe(true);
    expect(c?.fixes[0]?.edits[0]?.newText).toBe('39');
    expect(archive.check('Ninety people were injured.').filter((d) => d.code === 'contradiction')).toEqual([]);
  });

  it('a statement of another story is never the opposite of the draft', () => {
    // The bomber's "several crew members … were rescued" shares the words, not the story.
    const said = (t: string) => archive.check(t).filter((d) => d.code === 'contradiction');
    expect(said('All crew members of the Meridian were rescued by firefighters.')).toEqual([]);
    // Within its story it still is.
    expect(said('All crew members of the bomber were rescued by firefighters at Tolland airfield.').map((d) => d.evidence[0]?.source)).toEqual(['crash.md']);
  });

  it('a sentence that names an outlet is checked against that outlet', () => {
    const ids = attributedSources(archive, 'According to the Valley Ledger, three people died.');
    expect(ids && [...ids].map((d) => archive.store.docs[d]!.outlet)).toEqual(['Valley Ledger']);
    expect(attributedSources(archive, 'Three people died.')).toBeUndefined();
  });
});
