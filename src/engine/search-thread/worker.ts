/**
 * The search thread (bundled on its own as dist/search-worker.js): holds a copy of the
 * sentence index and finds each draft sentence's nearest source sentences for the checking
 * thread, so a full check's searches run on the second core while the first checks the
 * sentences already answered.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ForwardIndex } from './forward';
import { batchViews, CTRL_CANCEL, CTRL_READY, FAILED, PENDING, WORKING, type ToThread } from './protocol';

const ctrl = new Int32Array((workerData as { ctrl: SharedArrayBuffer }).ctrl);
let index: ForwardIndex | undefined;
let version = 0;

parentPort!.on('message', (m: ToThread) => {
  if (m.type === 'index') {
    index = new ForwardIndex(m.state, m.words);
    index.warmUp();
    version = m.version;
    Atomics.store(ctrl, CTRL_READY, version);
    parentPort!.postMessage({ type: 'ready', version });
    return;
  }
  const { flags, ids, matched, scores } = batchViews(m.buffer, m.queries.length, m.limit);
  for (let i = 0; i < m.queries.length; i++) {
    // The checking thread may have taken this one (it does searches itself rather than wait).
    if (Atomics.compareExchange(flags, i, PENDING, WORKING) !== PENDING) continue;
    let n = FAILED;
    // A batch for another version of the index, or one given up on, is answered with failures.
    if (index && m.version === version && Atomics.load(ctrl, CTRL_CANCEL) !== m.id) {
      try {
        const { terms, draft, limit } = m.queries[i]!;
        const hits = index.nearest(terms, draft, Math.min(limit ?? m.limit, m.limit));
        hits.forEach((h, k) => {
          ids[i * m.limit + k] = h.id;
          matched[i * m.limit + k] = h.cov.matched;
          scores[i * m.limit + k] = h.cov.score;
        });
        n = hits.length + 1;
      } catch {
        n = FAILED;
      }
    }
    Atomics.store(flags, i, n);
    Atomics.notify(flags, i);
  }
});
