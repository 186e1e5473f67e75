/**
 * The labelled sets and how each is scored. Public and own cases and the tuning
 * halves of the blind sets are what rules may be judged on while they are written;
 * the held-out halves (written by people who had not read the engine, split by a
 * hash of the case id before anyone looked at results) only ever give figures.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Corpus } from '../../src/engine/corpus';
import { loadCases, runCase, table, type CaseResult } from './run-eval';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');
export const SEEDS = path.join(ROOT, 'seeds');
export const WIKINEWS = path.join(SHARED, 'corpora/wikinews-en-2019-2020');

export interface EvalSet {
  name: string;
  file: string;
  /** Source patterns the cases are checked against. */
  sources: () => string[];
  heldOut: boolean;
}

const seedSources = () => [SEEDS];
const wikinewsSources = () => (existsSync(WIKINEWS) ? readdirSync(WIKINEWS).filter((f) => /^\d+\.txt$/.test(f)).map((f) => path.join(WIKINEWS, f)) : []);

export const EVAL_SETS: EvalSet[] = [
  { name: 'public', file: path.join(SHARED, 'eval/public.jsonl'), sources: seedSources, heldOut: false },
  { name: 'own', file: path.join(__dirname, 'cases.jsonl'), sources: seedSources, heldOut: false },
  { name: 'seeds-tuning', file: path.join(__dirname, 'blind/seeds-tuning.jsonl'), sources: seedSources, heldOut: false },
  { name: 'wikinews-tuning', file: path.join(__dirname, 'blind/wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'seeds-tuning-2', file: path.join(__dirname, 'blind/seeds-tuning-2.jsonl'), sources: seedSources, heldOut: false },
  { name: 'wikinews-tuning-2', file: path.join(__dirname, 'blind/wikinews-tuning-2.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'constructs2-wikinews-tuning', file: path.join(__dirname, 'blind/constructs2-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'constructs3-wikinews-tuning', file: path.join(__dirname, 'blind/constructs3-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'quotes2-wikinews-tuning', file: path.join(__dirname, 'blind/quotes2-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'quotes2-seeds-tuning', file: path.join(__dirname, 'blind/quotes2-seeds-tuning.jsonl'), sources: seedSources, heldOut: false },
  { name: 'roles-wikinews-tuning', file: path.join(__dirname, 'blind/roles-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'quotes-wikinews-tuning', file: path.join(__dirname, 'blind/quotes-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'offsets-seeds-tuning', file: path.join(__dirname, 'blind/offsets-seeds-tuning.jsonl'), sources: seedSources, heldOut: false },
  { name: 'offsets-wikinews-tuning', file: path.join(__dirname, 'blind/offsets-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'seeds-4-tuning', file: path.join(__dirname, 'blind/seeds-4-tuning.jsonl'), sources: seedSources, heldOut: false },
  { name: 'wikinews-4-tuning', file: path.join(__dirname, 'blind/wikinews-4-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  // Written on 2026-12-05 by a helper who had not read the engine, as tuning cases for where
  // things happened (the held-out part is places11).
  { name: 'places12-seeds-tuning', file: path.join(__dirname, 'blind/places12-seeds-tuning.jsonl'), sources: seedSources, heldOut: false },
  { name: 'places12-wikinews-tuning', file: path.join(__dirname, 'blind/places12-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  // Written on 2026-12-05 by a helper who had not read the engine, as tuning cases for titles
  // written every way (the held-out parts are roles, titles7 and constructs6).
  { name: 'roles14-seeds-tuning', file: path.join(__dirname, 'blind/roles14-seeds-tuning.jsonl'), sources: seedSources, heldOut: false },
  { name: 'roles14-wikinews-tuning', file: path.join(__dirname, 'blind/roles14-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  // Written on 2026-12-05 by a helper who had not read the engine, as tuning cases for ages
  // written every way (the held-out parts are constructs6 and constructs8).
  { name: 'ages15-wikinews-tuning', file: path.join(__dirname, 'blind/ages15-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  // Written on 2026-12-05 by a helper who had not read the engine, as tuning cases for dates of
  // a verb whose object names another dated event (the held-out part is dates13).
  { name: 'dates18-wikinews-tuning', file: path.join(__dirname, 'blind/dates18-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  { name: 'seeds-heldout', file: path.join(__dirname, 'blind/seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'wikinews-heldout', file: path.join(__dirname, 'blind/wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-04 after the roles-quotes merge, and scored only once they were committed.
  { name: 'seeds-heldout-3', file: path.join(__dirname, 'blind/seeds-heldout-3.jsonl'), sources: seedSources, heldOut: true },
  { name: 'wikinews-heldout-3', file: path.join(__dirname, 'blind/wikinews-heldout-3.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-04 to test three kinds of sentence that tuning cases had shown (distances from a place,
  // cleft sentences, lengths of time before something ended), before any rule for them was scored on it.
  { name: 'constructs-seeds-heldout', file: path.join(__dirname, 'blind/constructs-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'constructs-wikinews-heldout', file: path.join(__dirname, 'blind/constructs-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  { name: 'offsets-seeds-heldout', file: path.join(__dirname, 'blind/offsets-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'offsets-wikinews-heldout', file: path.join(__dirname, 'blind/offsets-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for casualty counts as nouns or verbs, counts under coordinated verbs, ages written
  // in apposition or as "N-year-old", and counts on nouns of actions, before any rule for them was scored on it.
  { name: 'constructs3-wikinews-heldout', file: path.join(__dirname, 'blind/constructs3-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  { name: 'quotes2-wikinews-heldout', file: path.join(__dirname, 'blind/quotes2-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  { name: 'quotes2-seeds-heldout', file: path.join(__dirname, 'blind/quotes2-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'constructs2-wikinews-heldout', file: path.join(__dirname, 'blind/constructs2-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for people's roles and titles written in many ways (before and after the name,
  // appositions, possessives, "former"), before any rule for them was scored on it.
  { name: 'roles-wikinews-heldout', file: path.join(__dirname, 'blind/roles-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for quotations and who said them (speakers named after the quote, in the sentence
  // before, by a colon or by a title), before any rule for them was scored on it.
  { name: 'quotes-wikinews-heldout', file: path.join(__dirname, 'blind/quotes-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 (a helper that had read no engine code) as one-sentence paraphrases of the seeds and of
  // 33 Wikinews articles, every kind of figure, and split by a hash of the case id before it was first scored.
  { name: 'seeds-4-heldout', file: path.join(__dirname, 'blind/seeds-4-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'wikinews-4-heldout', file: path.join(__dirname, 'blind/wikinews-4-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for four constructions before any rule for them was scored on it: quotations given
  // through a relative clause ("X, who said: …"), paired adverbs next to a date or length ("met face to face in …"),
  // negations that say since or until when, and lengths of time of another thing in the same story.
  { name: 'constructs5-seeds-heldout', file: path.join(__dirname, 'blind/constructs5-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'constructs5-wikinews-heldout', file: path.join(__dirname, 'blind/constructs5-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for ages written every way (of unnamed people, groups, buildings; two people of
  // different ages in one article) and titles written as relative clauses or descriptions, before the age rule of
  // e3628b4 was scored on it (it was committed while this was being written).
  { name: 'constructs6-seeds-heldout', file: path.join(__dirname, 'blind/constructs6-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'constructs6-wikinews-heldout', file: path.join(__dirname, 'blind/constructs6-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for titles written before a name and set off by a comma ("The mayor of Paris, Anne
  // Hidalgo, …"), before the rule for them was scored on it.
  { name: 'titles7-seeds-heldout', file: path.join(__dirname, 'blind/titles7-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'titles7-wikinews-heldout', file: path.join(__dirname, 'blind/titles7-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for ages before a common noun, counts with verbs of having,
  // lengths of time counted from a modified noun phrase, and true figures next to another
  // figure of the same kind (precision), before any rule for them was scored on it.
  { name: 'constructs8-seeds-heldout', file: path.join(__dirname, 'blind/constructs8-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'constructs8-wikinews-heldout', file: path.join(__dirname, 'blind/constructs8-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for lengths of time between two dates the sentence gives
  // (planned events too), times taken written with "in", and lengths between two events the
  // sources date, before the rules for them were scored on it.
  { name: 'offsets9-seeds-heldout', file: path.join(__dirname, 'blind/offsets9-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'offsets9-wikinews-heldout', file: path.join(__dirname, 'blind/offsets9-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for speakers named by a relative clause ("…, who said"), by
  // "told the BBC:", after the quotation or in the next sentence, before any rule for them
  // was scored on it.
  { name: 'quotes10-seeds-heldout', file: path.join(__dirname, 'blind/quotes10-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'quotes10-wikinews-heldout', file: path.join(__dirname, 'blind/quotes10-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for where things happened: an event put in another city or
  // country, two places swapped, "X of <country>", and true places next to other places
  // (precision), before the place rule was scored on it.
  { name: 'places11-seeds-heldout', file: path.join(__dirname, 'blind/places11-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'places11-wikinews-heldout', file: path.join(__dirname, 'blind/places11-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for dates of a clause's verb whose object names another event,
  // sentences that open with a length of time and give both dates, and dates set off by
  // commas after the verb a length is counted to, before the rules for them were scored on it.
  { name: 'dates13-seeds-heldout', file: path.join(__dirname, 'blind/dates13-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'dates13-wikinews-heldout', file: path.join(__dirname, 'blind/dates13-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for ages of named people, told with another fact than the
  // source sentence that gives the age, before the named-holder rules were scored on it.
  { name: 'ages16-wikinews-heldout', file: path.join(__dirname, 'blind/ages16-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for running figures given as what they rose or fell to, next to
  // earlier reports of them, before the rule for them was scored on it.
  { name: 'tolls17-wikinews-heldout', file: path.join(__dirname, 'blind/tolls17-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for totals and their parts (a part next to its whole, a whole
  // worked out from its parts, wrong parts and wrong totals), before the rules for them were
  // scored on it.
  { name: 'parts19-seeds-heldout', file: path.join(__dirname, 'blind/parts19-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'parts19-wikinews-heldout', file: path.join(__dirname, 'blind/parts19-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for the same family, to design rules on (tuning).
  { name: 'parts20-wikinews-tuning', file: path.join(__dirname, 'blind/parts20-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  // Written blind on 2026-12-05 for tallies and scores (votes for and against, court splits,
  // sports scores, seats), before any rule for them was written.
  { name: 'tallies21-seeds-heldout', file: path.join(__dirname, 'blind/tallies21-seeds-heldout.jsonl'), sources: seedSources, heldOut: true },
  { name: 'tallies21-wikinews-heldout', file: path.join(__dirname, 'blind/tallies21-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for the same family, to design rules on (tuning).
  { name: 'tallies22-wikinews-tuning', file: path.join(__dirname, 'blind/tallies22-wikinews-tuning.jsonl'), sources: wikinewsSources, heldOut: false },
  // Written blind on 2026-12-05 for lists of figures given to names (by place, person, party),
  // before the rule for them was scored on it.
  { name: 'lists23-wikinews-heldout', file: path.join(__dirname, 'blind/lists23-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05 for places swapped between roles (where it happened, where it
  // came from or went, a place nearby), while a rule for them was tuned on places12 only (that
  // rule gained nothing here and was not kept: branch place-roles-wip).
  { name: 'places24-wikinews-heldout', file: path.join(__dirname, 'blind/places24-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
  // Written blind on 2026-12-05, after this session's changes, for a measure of them no rule
  // was shaped by: figures, lengths, dates, ages, sums, shares, ranks and places in mixed wordings.
  { name: 'mixed25-wikinews-heldout', file: path.join(__dirname, 'blind/mixed25-wikinews-heldout.jsonl'), sources: wikinewsSources, heldOut: true },
];

export interface SetScore {
  name: string;
  heldOut: boolean;
  cases: number;
  passed: number;
  perLabel: { label: string; pass: number; total: number }[];
  /** Supported cases given a `contradiction`: the false alarms that matter most. */
  falseContradictions: number;
  summary: string;
  results: CaseResult[];
}

const corpora = new Map<string, Promise<Corpus>>();

async function corpusFor(set: EvalSet): Promise<Corpus | undefined> {
  const sources = set.sources();
  if (sources.length === 0) return undefined;
  const key = sources.join('\n');
  let c = corpora.get(key);
  if (!c) corpora.set(key, (c = Corpus.load(sources).then(({ corpus }) => corpus)));
  return c;
}

export async function scoreSet(set: EvalSet): Promise<SetScore | undefined> {
  if (!existsSync(set.file)) return undefined;
  const corpus = await corpusFor(set);
  if (!corpus) return undefined;
  const results = loadCases(set.file).map((c) => runCase(corpus, c));
  const perLabel = table(results);
  const passed = results.filter((r) => r.pass).length;
  const falseContradictions = results.filter((r) => r.c.label === 'supported' && r.diagnostics.some((d) => d.code === 'contradiction')).length;
  const pct = (a: number, b: number) => `${Math.round((100 * a) / Math.max(1, b))}%`;
  const summary =
    `${passed}/${results.length} (${pct(passed, results.length)}) · ` +
    perLabel.map((t) => `${t.label} ${t.pass}/${t.total}`).join(' · ') +
    ` · false contradictions on supported: ${falseContradictions}`;
  return { name: set.name, heldOut: set.heldOut, cases: results.length, passed, perLabel, falseContradictions, summary, results };
}
