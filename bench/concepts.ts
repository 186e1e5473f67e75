/**
 * Costs of src/engine/concepts in one fresh process (bundled beside dist/wordnet.bin, as the
 * server and CLI load it): the table's first load, then relatedness, categoryOf and lemma
 * lookups over the test pairs, each the median over many calls. Prints one JSON line.
 */
import { categoryOf, relatedness } from '../src/engine/concepts';
import { findLemma, getTable } from '../src/engine/concepts/table';
import { DIFFERENT, HELD_OUT_DIFFERENT, HELD_OUT_SAME, SAME } from '../test/engine/concepts/pairs';

const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
const p95 = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length * 0.95)]!;

const mem = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const mem0 = mem();
let t = performance.now();
const table = getTable();
const loadMs = performance.now() - t;
const tableMb = (mem() - mem0) / 1e6;

const pairs = [...SAME, ...DIFFERENT, ...HELD_OUT_SAME, ...HELD_OUT_DIFFERENT];
t = performance.now();
for (const [a, b] of pairs) relatedness(a, b);
const firstPassUs = ((performance.now() - t) / pairs.length) * 1000;

const rel: number[] = [];
for (let r = 0; r < 100; r++) {
  for (const [a, b] of pairs) {
    const s = performance.now();
    relatedness(a, b);
    rel.push(performance.now() - s);
  }
}
const words = [...new Set(pairs.flatMap(([a, b]) => [a, b]).filter((w): w is string => typeof w === 'string'))];
const cat: number[] = [];
const find: number[] = [];
for (let r = 0; r < 100; r++) {
  for (const w of words) {
    let s = performance.now();
    categoryOf(w);
    cat.push(performance.now() - s);
    s = performance.now();
    findLemma(table, w);
    find.push(performance.now() - s);
  }
}
const us = (ms: number) => Number((ms * 1000).toFixed(2));
console.log(
  JSON.stringify({
    loadMs: Number(loadMs.toFixed(1)),
    tableMb: Number(tableMb.toFixed(1)),
    firstPassUsPerPair: Number(firstPassUs.toFixed(1)),
    relatednessUs: { median: us(median(rel)), p95: us(p95(rel)), calls: rel.length },
    categoryOfUs: { median: us(median(cat)), calls: cat.length },
    findLemmaUs: { median: us(median(find)), calls: find.length },
  }),
);
