/**
 * The peer suites from the command line:
 *   npx vite-node test/eval/peer-report.ts [--failures[=suite substring]] [--floors]
 * prints the table of every suite for every reader; --failures lists what Sourcewise misses
 * (and what it found); --floors writes Sourcewise's figures to peer-floors.json.
 */
import { writeFileSync } from 'node:fs';
import {
  FLOORS_FILE,
  formatTable,
  measureAll,
  peerAvailable,
  PEER_DIR,
  QUANTITY_READERS,
  quantitySuites,
  runQuantities,
  runSentences,
  SENTENCE_READERS,
  sentenceSuites,
  sourcewiseQuantities,
  sourcewiseSentences,
} from './peer';

function main(): void {
  if (!peerAvailable()) {
    console.log(`peer suites not found at ${PEER_DIR}`);
    return;
  }
  const args = process.argv.slice(2);
  const fail = args.find((a) => a.startsWith('--failures'));
  const only = fail?.includes('=') ? fail.slice(fail.indexOf('=') + 1) : undefined;
  const t0 = Date.now();
  const m = measureAll();
  console.log(formatTable(m.quantities, QUANTITY_READERS.map(([n]) => n)));
  console.log();
  console.log(formatTable(m.sentences, SENTENCE_READERS.map(([n]) => n)));
  console.log(`(${Date.now() - t0} ms)`);
  if (fail) {
    for (const s of quantitySuites()) {
      if (only && !s.name.includes(only)) continue;
      for (const o of runQuantities(sourcewiseQuantities, s.cases)) {
        if (o.pass) continue;
        const e = o.c.expect;
        const want = e.date ? e.date.join('-') : e.amounts ? JSON.stringify(e.amounts) : e.value;
        const got = o.found.map((f) => `${o.c.input.slice(f.start, f.end)}=${f.kind}:${f.date?.join('-') ?? f.seconds ?? f.value}`).join(' | ');
        console.log(`FAIL [${s.name}] ${o.c.id} ${JSON.stringify(o.c.text)} want ${e.kind} ${want} ref ${o.c.context?.ReferenceDateTime?.slice(0, 10) ?? ''}\n     in: ${o.c.input.slice(0, 160)}\n     got: ${got}`);
      }
    }
    for (const s of sentenceSuites()) {
      if (only && !s.name.includes(only)) continue;
      for (const o of runSentences(sourcewiseSentences, s.cases)) {
        if (o.pass) continue;
        console.log(`FAIL [${s.name}] ${o.c.id} ${JSON.stringify(o.c.text).slice(0, 300)}\n     want: ${JSON.stringify(o.c.expected).slice(0, 300)}\n     got:  ${JSON.stringify(o.got).slice(0, 300)}`);
      }
    }
  }
  if (args.includes('--floors')) {
    const floors: Record<string, number> = {};
    for (const r of [...m.quantities, ...m.sentences]) floors[r.suite] = r.passed['Sourcewise'] ?? 0;
    writeFileSync(FLOORS_FILE, JSON.stringify(floors, null, 2) + '\n');
    console.log(`wrote ${FLOORS_FILE}`);
  }
}

main();
