/**
 * General news vocabulary: words outlets use interchangeably for the same thing.
 * Each class maps to a list of stems (see text/tokens.ts `stem`) or multi-word phrases.
 * Nothing here is specific to any corpus.
 */
import { stem } from '../text/tokens';

const RAW: Record<string, string[]> = {
  meet: [
    'talks', 'talk', 'meeting', 'meet', 'met', 'session', 'negotiation', 'negotiate', 'discussion', 'discuss',
    'dialogue', 'encounter', 'sit down', 'sat down', 'held', 'hold', 'host', 'summit', 'conference', 'gathering',
    'round of talks', 'face-to-face', 'take place', 'took place', 'taken place', 'convene', 'convened',
  ],
  prisoner: ['prisoner', 'pow', 'pows', 'captive', 'detainee', 'prisoners of war', 'prisoner of war', 'captured soldiers', 'captured troops', 'inmate'],
  soldier: ['soldier', 'troop', 'troops', 'serviceman', 'servicemen', 'fighter', 'personnel', 'servicemember'],
  ceasefire: ['ceasefire', 'cease-fire', 'truce', 'armistice', 'pause in the fighting', 'pause in fighting', 'halt to the fighting', 'halt in fighting'],
  sanction: ['sanction', 'sanctions package', 'package of sanctions', 'round of sanctions'],
  war: ['war', 'conflict', 'invasion', 'fighting', 'hostilities'],
  arrive: ['arrive', 'arrival', 'land', 'landed', 'touch down', 'touched down', 'reach', 'reached', 'fly in', 'flew in', 'fly into', 'flew into'],
  announce: ['announce', 'announcement', 'confirm', 'confirmation', 'declare', 'unveil', 'reveal', 'disclose'],
  depart: ['leave', 'left', 'depart', 'departure'],
  document: ['document', 'documents', 'paper', 'paperwork', 'text'],
  end: ['end', 'ended', 'conclude', 'wrap up', 'wrapped up', 'break up', 'broke up', 'finish', 'close'],
  exchange: ['exchange', 'swap', 'release', 'free', 'freed', 'hand over', 'trade'],
  family: ['family', 'families', 'household'],
  death: ['death', 'dead', 'killed', 'fatality', 'casualty', 'die', 'died'],
  percent: ['percent', 'per cent', 'percentage'],
  review: ['review', 'reviewer', 'critic'],
  game: ['game', 'match', 'fixture', 'appearance'],
  birth: ['born', 'birth'],
  world: ['worldwide', 'global', 'globally', 'world', 'total', 'overall', 'internationally', 'altogether'],
};

/** Classes that name an event whose date or duration a claim can measure. */
export const EVENT_CLASSES = ['ceasefire', 'meet', 'arrive', 'announce', 'depart', 'war', 'exchange', 'end'];

export interface ClassPhrase {
  cls: string;
  stems: string[];
}

const PHRASES: ClassPhrase[] = [];
const SINGLE = new Map<string, string>();
for (const [cls, words] of Object.entries(RAW)) {
  for (const w of words) {
    const stems = w.split(/[\s-]+/).map((x) => stem(x));
    if (stems.length === 1) {
      if (!SINGLE.has(stems[0]!)) SINGLE.set(stems[0]!, cls);
    } else PHRASES.push({ cls, stems });
  }
}
PHRASES.sort((a, b) => b.stems.length - a.stems.length);
/** First stems of the phrases: a sentence with none of them has no phrase hit. */
const PHRASE_FIRSTS = new Set(PHRASES.map((p) => p.stems[0]!));

/** Class of a single stem, or undefined. */
export function classOfStem(s: string): string | undefined {
  return SINGLE.get(s);
}

export interface ClassHit {
  cls: string;
  /** Index of the first token of the hit and one past the last. */
  from: number;
  to: number;
}

/**
 * Finds class words and phrases in a token stem sequence, longest phrases first.
 * `stems` must be the stems of consecutive word tokens.
 */
export function classHits(stems: string[]): ClassHit[] {
  const hits: ClassHit[] = [];
  const taken = new Array<boolean>(stems.length).fill(false);
  let phrases = false;
  for (const s of stems) {
    if (PHRASE_FIRSTS.has(s)) {
      phrases = true;
      break;
    }
  }
  if (phrases) for (const p of PHRASES) {
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
    const cls = SINGLE.get(stems[i]!);
    if (cls) hits.push({ cls, from: i, to: i + 1 });
  }
  hits.sort((a, b) => a.from - b.from);
  return hits;
}

/** Words that mark a claim as someone's expectation rather than a reported fact. */
export const HEDGES = new Set(
  ['expect', 'expected', 'will', 'would', 'could', 'may', 'might', 'plan', 'planned', 'scheduled', 'due', 'hope', 'predict', 'likely', 'potentially'].map((w) => stem(w)),
);

/** Quantifier words. */
export const UNIVERSAL = new Set(['every', 'all', 'each', 'none', 'entire', 'whole', 'everyone', 'everybody']);
export const PARTIAL = new Set(['several', 'some', 'many', 'few', 'a few', 'most', 'certain', 'various', 'two', 'three']);

/** Negation cues: words whose presence flips what a clause says. */
export const NEGATIONS = new Set([
  'not', 'no', 'never', 'without', 'none', 'neither', 'nor', 'nothing', 'nobody', "n't", 'cannot', 'refuse', 'refused',
  'rejected', 'reject', 'rebuff', 'rebuffed', 'bare', 'absence', 'absent', 'lack', 'lacked', 'lacking', 'unwilling', 'declined', 'denied', 'deny',
]);
