// One benchmark phase for one corpus, in its own process so memory peaks are clean.
//   node bench/child.mjs cold    <spec.json>   cold index (fresh cache folder), peak RSS / heap
//   node bench/child.mjs warm    <spec.json>   one warm start (the bench runs several, each in a fresh process)
//   node bench/child.mjs queries <spec.json>   reindex, check, re-check, hover, cite, fuse.js baseline
// Prints one JSON object on the last line of stdout.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const { Corpus, draftSentences, Fuse } = require('../dist/bench-engine.js');
const [mode, specFile] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(specFile, 'utf8'));
const quiet = { onWarning: (m) => console.error(m) };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const time = (f) => {
  const t = performance.now();
  const r = f();
  return [performance.now() - t, r];
};
/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Machine speed in this process, now: a fixed workload that no project code takes part in
 * (fuse.js over 1,000 generated strings, 5 queries; median of 5). --check compares each
 * figure relative to it, so a slower or busier machine does not read as a regression.
 */
function calibrate() {
  const r = rng(99);
  const syll = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'de', 'po'];
  const word = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => syll[Math.floor(r() * syll.length)]).join('');
  const list = Array.from({ length: 1000 }, () => Array.from({ length: 8 }, word).join(' '));
  const fuse = new Fuse(list, { includeScore: true, ignoreLocation: true });
  const queries = Array.from({ length: 5 }, () => `${word()} ${word()} ${word()}`);
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(time(() => queries.forEach((q) => fuse.search(q, { limit: 5 })))[0]);
  return median(runs);
}

async function cold() {
  let heapPeak = 0;
  const sample = () => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 50);
  // The index proper: what a fresh start needs before it answers (citations, checks on demand).
  const t = performance.now();
  const { corpus } = await Corpus.load(spec.patterns, { cacheDir: spec.cacheDir, onProgress: sample, analysis: 'deferred', ...quiet });
  const ms = performance.now() - t;
  const rssIndexMB = process.resourceUsage().maxRSS / 1024;
  // What the language server then does in the background: analyse every sentence, write the persistent index.
  const ta = performance.now();
  await corpus.analyseAll({ onProgress: sample });
  const analyseMs = performance.now() - ta;
  const tp = performance.now();
  await corpus.persist();
  const persistMs = performance.now() - tp;
  clearInterval(timer);
  sample();
  const st = corpus.stats();
  return {
    coldMs: ms,
    analyseMs,
    persistMs,
    rssIndexMB,
    rssPeakMB: process.resourceUsage().maxRSS / 1024,
    heapPeakMB: heapPeak / 1048576,
    sources: st.sources,
    sentences: st.sentences,
    entities: st.entities,
    calibMs: calibrate(),
  };
}

/** A ~5,000-word draft of corpus sentences (seeded), every 7th sentence with a figure altered. */
function makeDraft(corpus, words, seed) {
  const r = rng(seed);
  const sents = corpus.store.sents.filter((s) => s && s.alive && s.sent.text.length > 40 && s.sent.text.length < 400);
  const out = [];
  let n = 0;
  let altered = 0;
  while (n < words && sents.length) {
    let t = sents[Math.floor(r() * sents.length)].sent.text.replace(/\s+/g, ' ');
    if (out.length % 7 === 3 && /\b\d+\b/.test(t)) {
      t = t.replace(/\b(\d+)\b/, (d) => String(Number(d) + 3));
      altered++;
    }
    out.push(t);
    n += t.split(' ').length;
  }
  const paras = [];
  for (let i = 0; i < out.length; i += 4) paras.push(out.slice(i, i + 4).join(' '));
  return { text: '# Draft\n\n' + paras.join('\n\n') + '\n', words: n, altered };
}

/**
 * Watches the event loop from now: the returned function stops watching and gives the longest
 * stretch without a turn of the loop (what a request arriving meanwhile waits at most), in ms.
 */
function watchEventLoop() {
  let last = performance.now();
  let longest = 0;
  let watching = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (watching) setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    watching = false;
    return Math.max(longest, performance.now() - last);
  };
}

/**
 * Warm start, in a fresh process as the language server meets it: nothing changed since the
 * cold run wrote the cache. The server answers once load resolves; it then reads the rest of
 * the index file off the event loop's thread (prefetch), and has the analyses decoded in
 * slices on it (restoreAnalysis): timed in all, and by its longest stretch without a turn of
 * the event loop (what a request may wait). A second load in the same process is faster
 * (its code is compiled and its heap grown): the bench runs each warm start in its own process.
 */
async function warmStart() {
  const t = performance.now();
  const { corpus } = await Corpus.load(spec.patterns, { cacheDir: spec.cacheDir, analysis: 'deferred', ...quiet });
  const warmMs = performance.now() - t;
  const tp = performance.now();
  await corpus.prefetch();
  const prefetchMs = performance.now() - tp;
  const stall = watchEventLoop();
  const tr = performance.now();
  await corpus.restoreAnalysis();
  const restoreMs = performance.now() - tr;
  return { corpus, warmMs, prefetchMs, restoreMs, restoreStallMs: stall() };
}

async function queries() {
  const res = { calibQueriesMs: calibrate() };
  // The corpus as a warm start leaves it (timed in their own processes: see warmStart).
  const { corpus } = await warmStart();

  // One changed source reindexed (what the language server does on a file change).
  const r = rng(7);
  const docs = corpus.docs;
  const re = [];
  for (let i = 0; i < 9; i++) {
    const d = docs[Math.floor(r() * docs.length)];
    const text = d.text.replace(/\b(\d+)\b/, (x) => String(Number(x) + 1)) + '\nUpdated.\n';
    re.push(time(() => corpus.upsert({ path: d.path, text, size: text.length, mtimeMs: Date.now() }))[0]);
  }
  res.reindexMs = median(re);

  // Full check of a 5,000-word draft. On a large corpus the searches go to the search thread,
  // which first gets a copy of the index (the language server sends it when idle): the copy
  // made on this thread and the wait until the thread has read it are timed on their own.
  const draft = makeDraft(corpus, 5000, 42);
  res.draftWords = draft.words;
  let paired = false;
  if (corpus.searchThreadWanted) {
    const rssBefore = process.memoryUsage().rss;
    const tHand = performance.now();
    res.threadCopyMs = time(() => corpus.prepareSearchThread())[0];
    while (!(paired = corpus.prepareSearchThread()) && corpus.searchThreadWanted && performance.now() - tHand < 60_000) await new Promise((r) => setTimeout(r, 5));
    res.threadReadyMs = paired ? performance.now() - tHand : undefined;
    // What the thread's copy of the index costs in memory (the worker's heap is in this process's RSS).
    if (paired) res.threadRssMB = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  }
  // The first check in the process, timed on its own: much of its code still runs in V8's
  // interpreter. Then three checks of each kind untimed, as V8 compiles the rest (after one or
  // two, the next checks still ran up to 60% slower than later ones at Reuters), and the two
  // kinds in turn, so both meet the same machine: this machine's speed drifts within a minute.
  res.checkFirstMs = time(() => corpus.check(draft.text))[0];
  if (paired) corpus.withoutSearchThread(() => corpus.check(draft.text));
  for (let i = 0; i < 2; i++) {
    corpus.check(draft.text);
    if (paired) corpus.withoutSearchThread(() => corpus.check(draft.text));
  }
  const full = [];
  const alone = [];
  let found;
  let foundAlone;
  for (let i = 0; i < spec.checkRuns; i++) {
    const [ms, d] = time(() => corpus.check(draft.text));
    full.push(ms);
    found = d;
    if (!paired) continue;
    const share = corpus.lastBatch;
    res.checkThreadShare = share ? share.thread / (share.thread + share.caller) : 0;
    const [ms2, d2] = time(() => corpus.withoutSearchThread(() => corpus.check(draft.text)));
    alone.push(ms2);
    foundAlone = d2;
  }
  res.checkMs = median(full);
  res.checkFindings = found.length;
  if (paired) {
    // The baseline in the same run: every search on this thread.
    res.checkAloneMs = median(alone);
    if (JSON.stringify(foundAlone) !== JSON.stringify(found)) res.checkThreadMismatch = true;
    await corpus.close();
  }

  // Hostile drafts (issue 13): how long a request can wait behind a check of them (the check
  // runs in slices, as the language server runs it: the longest stretch without a turn of the
  // event loop), and how long a hover on them takes itself (the name and figure under the cursor).
  const hostile = [
    ['1 MB of prose', draft.text.repeat(Math.ceil(1_000_000 / draft.text.length)).slice(0, 1_000_000)],
    ['a one-sentence megabyte', 'The talks lasted three hours and '.repeat(30_000)],
    ['a directive and 150,000 tabs', `Intro.\n<!-- sourcewise-disable-next-line${'\t'.repeat(150_000)}\nThe talks lasted three hours.\n`],
    ['75,000 × [^', `The talks lasted three hours. ${'[^'.repeat(75_000)}\n`],
    ['[@ and 150,000 letters', `The talks lasted three hours. [@${'a'.repeat(150_000)}\n`],
  ];
  res.hostileWaitMs = 0;
  res.hostileHoverMs = 0;
  for (const [name, text] of hostile) {
    const stall = watchEventLoop();
    const t = performance.now();
    await corpus.checkSliced(text);
    const longest = stall();
    const checkMs = performance.now() - t;
    const mid = text.length >> 1;
    const [hoverMs] = time(() => {
      corpus.nameAt(text, 5);
      corpus.figureAt(text, 5);
      corpus.nameAt(text, mid);
      return corpus.figureAt(text, mid);
    });
    if (longest > res.hostileWaitMs) (res.hostileWaitMs = longest), (res.hostileWaitDraft = name);
    if (hoverMs > res.hostileHoverMs) (res.hostileHoverMs = hoverMs), (res.hostileHoverDraft = name);
    console.error(`  ${spec.name}: ${name}: checked in ${checkMs.toFixed(0)} ms in slices, a request waited at most ${longest.toFixed(1)} ms; hovers ${hoverMs.toFixed(1)} ms`);
  }

  // Re-check after a one-character edit, only the edited sentence.
  const ds = draftSentences(draft.text, 'markdown');
  const re2 = [];
  for (let i = 0; i < 15; i++) {
    const s = ds[Math.floor(r() * ds.length)];
    const at = s.start + Math.floor(s.text.length / 2);
    const text = draft.text.slice(0, at) + 'x' + draft.text.slice(at);
    re2.push(time(() => corpus.check(text, { only: [{ start: s.start, end: s.end + 1 }] }))[0]);
  }
  res.recheckMs = median(re2);

  // Hover: nameAt + facts over 200 names (seeded sample of entity names).
  const ents = corpus.registry.all().filter((e) => e.kind !== 'other' && /^[A-Z]/.test(e.name));
  const names = [];
  const r3 = rng(11);
  for (let i = 0; i < 200 && ents.length; i++) names.push(ents[Math.floor(r3() * ents.length)].name);
  const hov = names.map((name) => {
    const text = `Yesterday ${name} spoke to reporters.`;
    return time(() => {
      const at = corpus.nameAt(text, 11);
      return corpus.facts(at ? at.name : name);
    })[0];
  });
  res.hoverP50Ms = median(hov);
  res.hoverP95Ms = pct(hov, 95);

  // Citation suggestions for 200 sentences (draft sentences, i.e. corpus sentences with some figures altered).
  const r4 = rng(13);
  const qs = [];
  for (let i = 0; i < 200 && ds.length; i++) qs.push(ds[Math.floor(r4() * ds.length)].text);
  const cite = [];
  const ours = qs.map((q) => {
    const [ms, c] = time(() => corpus.citeText(q, 5));
    cite.push(ms);
    return c.map((x) => `${x.path}:${x.line}:${x.character}`);
  });
  res.citeP50Ms = median(cite);
  res.citeP95Ms = pct(cite, 95);

  // Baseline: plain fuse.js over every sentence of the corpus.
  const recs = corpus.store.sents.filter((s) => s && s.alive);
  const key = (rec) => {
    const d = corpus.store.docs[rec.doc];
    return `${d.path}:${rec.sent.line}:${rec.sent.character}`;
  };
  const tb = performance.now();
  const fuse = new Fuse(recs.map((s) => s.sent.text), { includeScore: true, ignoreLocation: true });
  res.fuseBuildMs = performance.now() - tb;
  const base = [];
  let agree = 0;
  let n = 0;
  const budget = spec.fuseBudgetMs;
  const t0 = performance.now();
  for (let i = 0; i < qs.length; i++) {
    if (n >= 3 && performance.now() - t0 > budget) break;
    const [ms, hits] = time(() => fuse.search(qs[i], { limit: 5 }));
    base.push(ms);
    const theirs = new Set(hits.map((h) => key(recs[h.refIndex])));
    const mine = ours[i];
    if (theirs.size) agree += mine.filter((k) => theirs.has(k)).length / Math.min(5, theirs.size);
    n++;
  }
  res.fuseQueries = n;
  res.fuseP50Ms = median(base);
  res.fuseP95Ms = pct(base, 95);
  res.top5Agreement = n ? agree / n : NaN;
  res.speedup = res.fuseP50Ms / res.citeP50Ms;

  // "At least as good": share of labelled supported cases whose evidence file is in the top 5 (seeds only).
  if (spec.evalFile) {
    const cases = readFileSync(spec.evalFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((c) => c.label === 'supported');
    let a = 0;
    let b = 0;
    for (const c of cases) {
      const want = new Set(c.evidence.map((e) => e.file));
      if (corpus.citeText(c.draft, 5).some((x) => want.has(path.basename(x.path)))) a++;
      const hits = fuse.search(c.draft, { limit: 5 });
      if (hits.some((h) => want.has(path.basename(corpus.store.docs[recs[h.refIndex].doc].path)))) b++;
    }
    res.evalCases = cases.length;
    res.evalTop5Ours = a / cases.length;
    res.evalTop5Fuse = b / cases.length;
  }
  return res;
}

async function warm() {
  const { warmMs, prefetchMs, restoreMs, restoreStallMs } = await warmStart();
  return { warmMs, prefetchMs, restoreMs, restoreStallMs };
}

const out = mode === 'cold' ? await cold() : mode === 'warm' ? await warm() : await queries();
console.log(JSON.stringify(out));
