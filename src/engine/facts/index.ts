/** Fact sheets: what the sources say about one name, for hover cards and `sourcewise facts`. */
import type { FactSheet, RoleFact } from '../api';
import type { Corpus } from '../corpus';
import { evidenceOf, outletName, type SentRec } from '../store';
import type { Evidence } from '../types';

export function factSheet(corpus: Corpus, name: string): FactSheet | undefined {
  const ent = corpus.registry.resolve(name.trim());
  if (!ent) return undefined;
  const { store } = corpus;
  const roles = new Map<string, RoleFact>();
  for (const r of store.roles) {
    if (r.entity !== ent.id) continue;
    const rec = store.sents[r.sent];
    if (!rec?.alive) continue;
    // One entry per office: "defence minister" and "Defense Minister" are the same title.
    const key = (r.former ? 'former ' : '') + r.norm;
    let fact = roles.get(key);
    if (!fact) roles.set(key, (fact = { title: r.title, outlets: [], evidence: [] }));
    // Show the title as most outlets capitalise it ("Defense Minister" over "defence minister").
    else if (/[A-Z]/.test(r.title) && !/[A-Z]/.test(fact.title)) fact.title = r.title;
    const outlet = outletName(store.docs[rec.doc]!);
    if (!fact.outlets.includes(outlet)) fact.outlets.push(outlet);
    fact.evidence.push(evidenceOf(store, rec, r.title, 'supports'));
  }
  const mentions: Evidence[] = [];
  const figures: FactSheet['figures'] = [];
  const quotes: { text: string; rec: SentRec; to: number; group?: number; open: boolean }[] = [];
  const seen = new Set<number>();
  for (const rec of store.sents) {
    if (!rec?.alive) continue;
    if (rec.mentions.some((m) => m.entity === ent.id) && !seen.has(rec.id)) {
      seen.add(rec.id);
      const ev = evidenceOf(store, rec);
      mentions.push(ev);
      if (rec.claims.length > 0) {
        const spans = rec.claims.map((c) => ({ start: c.q.start, end: c.q.end })).sort((a, b) => a.start - b.start);
        figures.push({ text: rec.claims.map((c) => c.q.text).join(', '), evidence: ev, spans });
      }
    }
    for (const q of rec.quotes) {
      if (q.speaker !== ent.id) continue;
      // One quotation, not its parts: parts split by the attribution ("“A,” he said, “B.”") are
      // joined with an ellipsis, and a quotation running over sentences is one text.
      const last = quotes[quotes.length - 1];
      if (last && last.rec === rec && q.group !== undefined && last.group === q.group) {
        last.text += ` … ${q.text}`;
        continue;
      }
      if (last && last.open && q.continued && last.rec.doc === rec.doc && last.to + 1 === rec.id) {
        last.text += ` ${q.text}`;
        last.open = !!q.open;
        last.to = rec.id;
        continue;
      }
      quotes.push({ text: q.text, rec, to: rec.id, group: q.group, open: !!q.open });
    }
  }
  const sortedRoles = [...roles.values()].sort((a, b) => b.outlets.length - a.outlets.length || b.evidence.length - a.evidence.length);
  return {
    name: ent.name,
    kind: ent.kind === 'person' || ent.kind === 'organization' || ent.kind === 'place' ? ent.kind : 'other',
    // Sorted: the order names happened to be registered in says nothing.
    aliases: [...ent.variants].filter((v) => v !== ent.name).sort((a, b) => a.localeCompare(b)),
    roles: sortedRoles,
    figures,
    quotes: quotes.map((q) => ({ text: q.text, evidence: evidenceOf(store, q.rec, q.text, 'supports') })),
    mentions,
  };
}
