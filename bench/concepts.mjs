// Costs of the WordNet concepts (src/engine/concepts): `npm run bench:concepts`, after `npm run build`.
// Rebuilds the table into a temporary folder (build time, sizes raw and gzipped), then runs
// bench/concepts.ts bundled into dist/ in three fresh processes and prints the median of each figure.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTable } from '../scripts/wordnet-table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-wn-'));
try {
  const t = writeTable(tmp, { force: true });
  const gz = gzipSync(readFileSync(t.file), { level: 9 }).length;
  console.log(`table: built in ${t.ms} ms; ${t.bytes} bytes raw, ${gz} gzipped; ${t.lemmas} lemmas, ${t.senses} senses, ${t.synsets} synsets, ${t.links} links`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const out = path.join(repo, 'dist', 'bench-concepts.js');
await build({ entryPoints: [path.join(here, 'concepts.ts')], outfile: out, bundle: true, platform: 'node', target: 'node18', supported: { 'regexp-unicode-property-escapes': true }, format: 'cjs', logLevel: 'warning' });
const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8' })));
const med = (f) => runs.map(f).sort((a, b) => a - b)[1];
console.log(`load (first use, fresh process): ${med((r) => r.loadMs)} ms, memory ${med((r) => r.tableMb)} MB (runs: ${runs.map((r) => r.loadMs).join(', ')})`);
console.log(`first relatedness of a new pair (words worked out): ${med((r) => r.firstPassUsPerPair)} µs`);
console.log(`relatedness: median ${med((r) => r.relatednessUs.median)} µs, p95 ${med((r) => r.relatednessUs.p95)} µs (${runs[0].relatednessUs.calls} calls a run)`);
console.log(`categoryOf: median ${med((r) => r.categoryOfUs.median)} µs; findLemma: median ${med((r) => r.findLemmaUs.median)} µs`);
