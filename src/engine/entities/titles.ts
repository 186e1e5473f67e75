/** Office-title and occupation lexicons, and title normalisation. */
import { foldForMatch } from '../text';
import { memoize } from '../text/memo';

/** Head nouns of offices (singular, normalised spelling). */
const OFFICE_HEADS = new Set([
  'president', 'minister', 'premier', 'chancellor', 'secretary', 'spokesperson', 'aide', 'adviser', 'negotiator',
  'envoy', 'ambassador', 'chief', 'head', 'director', 'governor', 'mayor', 'general', 'commander', 'leader',
  'chairman', 'chairwoman', 'chair', 'chairperson', 'king', 'queen', 'prince', 'princess', 'emperor', 'pope',
  'senator', 'congressman', 'congresswoman', 'representative', 'speaker', 'official', 'diplomat', 'delegate',
  'ruler', 'monarch', 'sultan', 'emir', 'sheikh', 'tsar', 'czar', 'prosecutor', 'judge', 'attorney',
  'lawmaker', 'legislator', 'mp', 'mep', 'deputy', 'admiral', 'colonel', 'marshal', 'lieutenant', 'captain',
  'sergeant', 'officer', 'commissioner', 'ombudsman', 'councillor', 'councilor', 'consul', 'attache',
  'coordinator', 'administrator', 'governor-general', 'ceo', 'founder', 'owner', 'manager', 'executive',
  'chairman', 'vice-president', 'vice-chancellor', 'superintendent', 'inspector', 'treasurer', 'comptroller',
  'patriarch', 'archbishop', 'bishop', 'cardinal', 'rabbi', 'imam', 'mufti', 'spokesman', 'spokeswoman',
  'delegation leader', 'staff', 'sheriff', 'dean', 'rector', 'provost', 'regent', 'viceroy', 'member',
]);

/** Occupation nouns (not offices): "historian", "analyst". */
const OCCUPATIONS = new Set([
  'historian', 'analyst', 'economist', 'journalist', 'reporter', 'correspondent', 'editor', 'writer', 'author',
  'novelist', 'poet', 'lawyer', 'doctor', 'physician', 'surgeon', 'nurse', 'scientist', 'physicist', 'chemist',
  'biologist', 'engineer', 'professor', 'lecturer', 'teacher', 'academic', 'scholar', 'researcher', 'expert',
  'businessman', 'businesswoman', 'entrepreneur', 'banker', 'investor', 'billionaire', 'oligarch', 'tycoon',
  'actor', 'actress', 'singer', 'musician', 'composer', 'artist', 'painter', 'director', 'producer', 'comedian',
  'athlete', 'footballer', 'player', 'coach', 'politician', 'activist', 'campaigner', 'philosopher', 'priest',
  'soldier', 'pilot', 'architect', 'farmer', 'student', 'blogger', 'commentator', 'broadcaster', 'presenter',
  'photographer', 'filmmaker', 'psychologist', 'sociologist', 'lobbyist', 'consultant', 'strategist',
  'observer', 'critic', 'veteran', 'dissident', 'lawyer', 'judge', 'spy', 'hacker',
]);

/** Words that can modify an office head inside a title ("Deputy Foreign Minister"). */
const TITLE_MODIFIERS = new Set([
  'foreign', 'defense', 'defence', 'deputy', 'vice', 'prime', 'first', 'federal', 'presidential', 'special',
  'interior', 'finance', 'economy', 'economic', 'trade', 'health', 'education', 'culture', 'energy', 'justice',
  'agriculture', 'emergencies', 'emergency', 'home', 'state', 'general', 'chief', 'senior', 'top', 'acting',
  'executive', 'assistant', 'associate', 'national', 'security', 'military', 'intelligence', 'press',
  'communications', 'transport', 'environment', 'labour', 'labor', 'digital', 'science', 'sports', 'tourism',
  'industry', 'development', 'infrastructure', 'veterans', 'social', 'policy', 'affairs', 'regional',
  'climate', 'treasury', 'attorney', 'supreme', 'lead', 'peace', 'diplomatic', 'political', 'managing',
  'permanent', 'high', 'lord', 'junior', 'shadow', 'opposition', 'party', 'parliamentary', 'union', 'joint',
  'air', 'naval', 'army', 'navy', 'staff', 'majority', 'minority', 'house', 'senate',
  'commission', 'council', 'office', 'delegation', 'former', 'ex', 'incumbent', 'then', 'outgoing', 'newly',
  'elected', 'appointed', 'interim', 'honorary', 'principal', 'second', 'third', 'secretary', 'minister',
  'defence', 'central', 'bank', 'world', 'information', 'external', 'internal', 'public', 'prosecutor',
  // Bodies a title names before its head ("foreign ministry spokesperson", "State Department official").
  'ministry', 'department', 'agency',
]);

/** Honorifics / ranks that precede names (may be abbreviated with a dot). */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'gen', 'lt', 'col', 'maj', 'capt',
  'sgt', 'adm', 'sen', 'rep', 'gov', 'pres', 'rev', 'fr', 'st', 'hon', 'mme', 'herr',
]);

function norm1(w: string): string {
  return foldForMatch(w).replace(/[.'’]/g, '');
}

/** Normalises one title word's spelling: defence→defense, advisor→adviser, spokesman→spokesperson. */
export function normalizeTitleWord(w: string): string {
  return w.length <= 64 ? normalizeShortWord(w) : normalizeWord(w);
}

const normalizeShortWord = memoize((w: string) => normalizeWord(w), 8192);

function normalizeWord(w: string): string {
  const x = norm1(w);
  if (x.startsWith('ex-') && x.length > 3) return normalizeTitleWord(x.slice(3));
  switch (x) {
    case 'defence':
      return 'defense';
    case 'advisor':
    case 'advisors':
    case 'advisers':
      return 'adviser';
    case 'spokesman':
    case 'spokeswoman':
    case 'spokesmen':
    case 'spokeswomen':
    case 'spokespeople':
    case 'spokespersons':
      return 'spokesperson';
    case 'labour':
      return 'labor';
    case 'programme':
      return 'program';
    case 'czar':
      return 'tsar';
    case 'secretary-general':
      return 'secretary general';
    case 'ex':
      return 'former';
    default:
      return singular(x);
  }
}

function singular(x: string): string {
  if (x === 'ministers' || x === 'presidents' || x === 'officials' || x === 'leaders' || x === 'diplomats') {
    return x.slice(0, -1);
  }
  if (x.endsWith('ies') && OFFICE_HEADS.has(x.slice(0, -3) + 'y')) return x.slice(0, -3) + 'y';
  if (x.endsWith('s') && (OFFICE_HEADS.has(x.slice(0, -1)) || OCCUPATIONS.has(x.slice(0, -1)))) return x.slice(0, -1);
  return x;
}

export function isOfficeHead(word: string): boolean {
  return OFFICE_HEADS.has(normalizeTitleWord(word));
}

export function isOccupation(word: string): boolean {
  return OCCUPATIONS.has(normalizeTitleWord(word));
}

/** Any word that can be part of a title: heads, modifiers. */
export function isTitleWord(word: string): boolean {
  const w = normalizeTitleWord(word);
  return OFFICE_HEADS.has(w) || TITLE_MODIFIERS.has(w) || w === 'spokesperson' || w === 'adviser';
}

export function isTitleModifier(word: string): boolean {
  return TITLE_MODIFIERS.has(normalizeTitleWord(word));
}

/**
 * Whether a normalised title names an office (as opposed to an occupation such
 * as "historian"): its head noun (last word, or the word before "of") is an office.
 */
export function isOfficeTitle(norm: string): boolean {
  const n = norm.trim().toLowerCase();
  if (!n) return false;
  if (OFFICE_HEADS.has(n)) return true;
  const words = n.split(/\s+/);
  const ofAt = words.indexOf('of');
  const head = ofAt > 0 ? words[ofAt - 1]! : words[words.length - 1]!;
  return OFFICE_HEADS.has(normalizeTitleWord(head));
}

/** Words dropped from a normalised title (they do not change the office). */
const SOFT = new Set(['federal', 'the', 'a', 'an', 'current', 'incumbent', 'acting', 'interim', 'newly', 'sitting']);

/**
 * Normalises a title phrase: lower-case, folded, spelling unified, plural heads
 * singular, "former"/"ex-" removed, "minister of X" → "X minister",
 * "secretary-general" → "secretary general".
 */
export function normalizeTitle(title: string): { norm: string; former: boolean } {
  let former = false;
  const words: string[] = [];
  for (const raw of foldForMatch(title).replace(/[,;:()]/g, ' ').split(/\s+/)) {
    if (!raw) continue;
    if (raw.startsWith('ex-') && raw.length > 3) {
      former = true;
      words.push(...normalizeTitleWord(raw.slice(3)).split(' '));
      continue;
    }
    const w = normalizeTitleWord(raw);
    if (w === 'former') {
      former = true;
      continue;
    }
    if (SOFT.has(w) || w === '') continue;
    words.push(...w.split(' '));
  }
  let norm = words.join(' ');
  // "minister of foreign affairs" → "foreign minister"; "minister for defense" → "defense minister"
  const m = /^(deputy |first deputy |vice )?minister (?:of|for) (.+?)( affairs)?$/.exec(norm);
  if (m) norm = `${m[1] ?? ''}${m[2]} minister`;
  norm = norm.replace(/\bforeign affairs minister\b/, 'foreign minister');
  norm = norm.replace(/\bsecretary-general\b/, 'secretary general');
  return { norm, former };
}
