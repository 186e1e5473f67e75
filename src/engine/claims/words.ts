/** The word lists the claim frames read (data, each entry with its reason: ./data/words.json). */
import data from './data/words.json';

const set = (group: { words: Record<string, string> }): ReadonlySet<string> => new Set(Object.keys(group.words));

/** Words that make a figure an expectation, plan or possibility. */
export const HEDGE_WORDS = set(data.hedges);
/** Verbs that attribute a statement, not the event a figure measures. */
export const REPORTING_VERBS = set(data.reporting);
/** Nouns that hold a count of something else ("a total of"). */
export const UNIT_NOUNS = set(data.units);
/** Nouns that name an event or act. */
export const EVENT_WORDS = set(data.events);
/** Verbs too general to name what a figure's clause reports ("received", "based on"). */
export const LIGHT_VERBS = set(data.light);
/** Verbs that give the noun before them a value ("the toll rose to 22"). */
export const VALUE_VERBS = set(data.value);
/** Verbs that give a running count's new value, by the way it went: up ("rose to 22") or down ("fell to four"). */
export const CHANGE_UP: ReadonlySet<string> = new Set(Object.keys(data.changes.up));
export const CHANGE_DOWN: ReadonlySet<string> = new Set(Object.keys(data.changes.down));
/** Verbs of ending: with a length of time after them they say how long something lasted ("ended after two hours"). */
export const ENDING_VERBS = set(data.ending);

/** Verbs naming a phase of an event (begin, halt, resume, postpone…), each with its phase (./data/words.json). */
export const PHASE_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(data.phases.classes).flatMap(([phase, words]) => Object.keys(words).map((w): [string, string] => [w, phase])),
);
