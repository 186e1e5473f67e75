/**
 * The peer suites (../shared/eval/peer) as a report: every suite with Sourcewise and the
 * libraries a user would otherwise pick, measured in this run. The run fails when
 * Sourcewise falls below its committed floor on a suite (peer-floors.json; rewrite it
 * with `npx vite-node test/eval/peer-report.ts --floors` when figures rise).
 */
import { describe, expect, it } from 'vitest';
import { FLOORS_FILE, formatTable, measureAll, peerAvailable, PEER_DIR, QUANTITY_READERS, readFloors, SENTENCE_READERS } from './peer';

const available = peerAvailable();
if (!available) console.log(`peer suites skipped: ${PEER_DIR} not found (see test/eval/peer.ts)`);

describe.skipIf(!available)('peer suites (../shared/eval/peer)', () => {
  it('Sourcewise stays at or above its floor on every suite', () => {
    const m = measureAll();
    console.log(
      'peer suites: cases passed per reader, in this run\n' +
        formatTable(m.quantities, QUANTITY_READERS.map(([n]) => n)) +
        '\n\n' +
        formatTable(m.sentences, SENTENCE_READERS.map(([n]) => n)),
    );
    const floors = readFloors();
    expect(Object.keys(floors).length, `no floors in ${FLOORS_FILE}`).toBeGreaterThan(0);
    for (const r of [...m.quantities, ...m.sentences]) {
      const floor = floors[r.suite];
      expect.soft(floor, `${r.suite}: no floor`).toBeDefined();
      expect.soft(r.passed['Sourcewise'] ?? 0, `${r.suite}: Sourcewise below its floor`).toBeGreaterThanOrEqual(floor ?? Infinity);
    }
  });
});
