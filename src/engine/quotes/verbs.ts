/**
 * Verbs of saying, by lemma: the verbs news writing reports speech and writing with
 * ("said", "told", "added", "wrote", "tweeted"), and those that frame what was said
 * ("called it", "described as", "dismissed as", "accused", "warned"). One list for every
 * form: the tagger (../nlp) gives the lemma, so "says", "said" and "saying" are one entry.
 * Names (a person is who says things), quotations (who said them) and roles read it.
 */
import type { Word } from '../entities/words';

/** Lemmas, grouped by what they report. */
const GROUPS: Record<string, string> = {
  // Plain reporting verbs: the speaker's words follow or precede them.
  report: 'say tell add state write note explain reply respond answer recall remark comment observe mention continue conclude',
  // Reporting with the speaker's stance: a warning, a claim, an insistence.
  stance:
    'warn insist argue claim declare announce confirm acknowledge stress emphasize emphasise urge predict promise vow ' +
    'pledge threaten reiterate reveal admit concede boast lament quip shout proclaim suggest ask demand cite echo express',
  // Verbs that frame quoted words as the speaker's judgement ("called it “a trap”", "dismissed as “nonsense”").
  judgement:
    'call describe dismiss label brand term dub liken deem characterize characterise accuse criticize criticise condemn ' +
    'reject slam blast decry praise hail laud tout welcome complain blame remind',
  // Writing in public.
  publish: 'tweet post',
};

export const SPEECH_VERBS: ReadonlySet<string> = new Set(Object.values(GROUPS).join(' ').split(/\s+/));

/**
 * Verbs whose subject in news is a person or a body acting as one, beyond the verbs of saying:
 * meeting, visiting, leading (a delegation, a government). A capitalised word before one is a name.
 */
const PERSON_VERBS: ReadonlySet<string> = new Set('meet speak visit arrive lead head chair'.split(' '));

function verbal(w: Word): boolean {
  // The tagger may read a past form as a noun or adjective ("branded"): an -ed form of a listed lemma counts.
  return w.pos === 'VERB' || w.pos === 'AUX' || ((w.pos === 'NOUN' || w.pos === 'ADJ') && w.norm.endsWith('ed'));
}

/** A verb of saying, in any form ("said", "says", "saying", "tweeted"). */
export function isSpeechVerb(w: Word): boolean {
  return SPEECH_VERBS.has(w.lemma) && verbal(w);
}

/** A verb of saying in a finite form ("said", "tells"), not a participle ("saying"). */
export function isFiniteSpeech(w: Word): boolean {
  return isSpeechVerb(w) && !w.norm.endsWith('ing');
}

/** A verb of saying as an -ing participle ("…, saying …", "calling it …"). */
export function isSpeechParticiple(w: Word): boolean {
  return SPEECH_VERBS.has(w.lemma) && w.norm.endsWith('ing');
}

/** A verb whose subject is a person: a verb of saying or of meeting, visiting, leading. */
export function isPersonVerb(w: Word): boolean {
  return (SPEECH_VERBS.has(w.lemma) || PERSON_VERBS.has(w.lemma)) && verbal(w);
}

/**
 * A verb of saying at word `k`, also where the tagger reads a present form as a plural noun
 * after its subject ("President Trump claims he …": "claims" after a name or pronoun).
 */
export function speechVerbAt(words: readonly Word[], k: number): boolean {
  const w = words[k]!;
  if (isSpeechVerb(w)) return true;
  const prev = words[k - 1];
  return w.pos === 'NOUN' && SPEECH_VERBS.has(w.lemma) && w.norm.endsWith('s') && prev !== undefined && (prev.pos === 'PROPN' || prev.pos === 'PRON') && !prev.possessive;
}
