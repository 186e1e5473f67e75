/**
 * What one source sentence says: the names it mentions (registered as entities),
 * its figures as claims, its quotations with their speakers, the roles it gives
 * people, and how many negating words it has.
 *
 * Indexing a source only splits it into sentences and records their search
 * terms; this analysis runs per sentence, the first time a check, hover or fact
 * sheet reads the sentence, or in the background after indexing (see
 * `Corpus.analyseAll`). It reads only the sentence, the few sentences before it
 * (pronoun speakers) and its neighbours (embedded social posts), so its result
 * does not depend on when it runs.
 */
import { claimsOf } from '../claims';
import { NEGATIONS } from '../claims/lexicon';
import { findMentions, findRoles, type EntityRegistry } from '../entities';
import { needsReference, parseQuantities, resolveRelativeDate, type Quantity } from '../quantities';
import { findQuotes, findSocialPostAuthor } from '../quotes';
import type { Claim } from '../claims';
import { isWordish, tokensOf } from '../nlp';
import type { RoleRec, SourceQuote } from '../store';

export interface MentionRef {
  /** Entity id (resolve through `EntityRegistry.get`, which follows merges). */
  entity: number;
  start: number;
  end: number;
}

export interface SentenceAnalysis {
  claims: Claim[];
  quotes: SourceQuote[];
  mentions: MentionRef[];
  /** Number of negating words (not, no, never, …n't). */
  negations: number;
}

/** A role the sentence gives a person, before it is stored with its sentence id. */
export type RoleFinding = Omit<RoleRec, 'sent'>;

export interface SentenceSurroundings {
  /** Publication date of the source (yyyy-mm-dd): resolves "on Friday", "yesterday". */
  date?: string;
  /** Texts of the sentences before it that a pronoun speaker may point back to (oldest first). */
  previous: string[];
  /** How many of the last `previous` are in its paragraph (a quotation left open there goes on in it). */
  inParagraph?: number;
  /** Texts of the sentences after it in its paragraph (a quotation's speaker may be named there). */
  next?: string[];
  /** Text of the sentence before it and after it in the same source. */
  before?: string;
  after?: string;
}

function safeQuantities(text: string): Quantity[] {
  try {
    return parseQuantities(text);
  } catch {
    return [];
  }
}

/** Finds the names a sentence mentions and registers them: the first step of analysing it. */
export function registerMentions(text: string, registry: EntityRegistry): MentionRef[] {
  return findMentions(text).map((m) => ({ entity: registry.add(m).id, start: m.start, end: m.end }));
}

/**
 * Analyses a sentence whose mentions are registered (and those of the sentences
 * in `previous`, so pronoun speakers resolve to entities).
 */
export function analyseSentence(
  text: string,
  mentions: MentionRef[],
  around: SentenceSurroundings,
  registry: EntityRegistry,
): { analysis: SentenceAnalysis; roles: RoleFinding[] } {
  const quantities = safeQuantities(text);
  if (around.date) {
    for (const q of quantities) {
      if (q.date && needsReference(q.date)) {
        try {
          q.date = resolveRelativeDate(q.date, around.date);
        } catch {
          /* leave unresolved */
        }
      }
    }
  }
  const quotes: SourceQuote[] = [];
  const found = findQuotes(text, { previous: around.previous, inParagraph: around.inParagraph, next: around.next });
  for (const [i, q] of found.entries()) {
    const ent = q.speaker && q.speakerKind !== 'descriptor' ? registry.resolve(q.speaker) : undefined;
    const sq: SourceQuote = { text: q.text, start: q.start, end: q.end, speaker: ent?.id, speakerText: q.speaker, speakerKind: q.speakerKind };
    // Parts of one quotation: split by its attribution in this sentence, or running over sentences.
    if (found.some((o, j) => j !== i && o.group === q.group)) sq.group = q.group;
    if (q.open) sq.open = true;
    if (q.continued) sq.continued = true;
    quotes.push(sq);
  }
  // Embedded social posts: a "— Name (@handle) date" line signs the post before it, and a
  // picture link right after it.
  if (!findSocialPostAuthor(text)) {
    const sign = (line: string | undefined) => {
      const author = line === undefined ? undefined : findSocialPostAuthor(line);
      if (!author) return;
      quotes.push({
        text,
        start: 0,
        end: text.length,
        speaker: registry.resolve(author.name)?.id,
        speakerText: author.name,
        speakerKind: 'post',
      });
    };
    if (/pic\.twitter\.com|t\.co\//.test(text)) sign(around.before);
    sign(around.after);
  }
  const roles: RoleFinding[] = [];
  for (const r of findRoles(text)) {
    const ent = registry.resolve(r.person);
    if (!ent) continue;
    const role: RoleFinding = { entity: ent.id, title: r.title, norm: r.norm, country: r.country, former: r.former, occupation: !!r.occupation };
    if (r.org) role.org = r.org;
    if (r.then) role.then = true;
    roles.push(role);
  }
  let negations = 0;
  for (const t of tokensOf(text)) if (isWordish(t) && (NEGATIONS.has(t.norm) || t.norm.endsWith("n't"))) negations++;
  return { analysis: { claims: claimsOf(text, quantities), quotes, mentions, negations }, roles };
}
