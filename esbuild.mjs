// Bundles the command line, the language server, its search thread and the VS Code client into dist/.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { writeTable } from './scripts/wordnet-table.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Node has had Unicode property escapes (/\p{Lu}/u) since version 10, but esbuild turns each
  // such literal into `new RegExp(…)` for any node target, which inside a function builds the
  // regex again at every call (a tenth of a microsecond each: noticeable per token).
  supported: { 'regexp-unicode-property-escapes': true },
};

const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  // The search thread of a full check (src/engine/search-thread), started from beside the server, the CLI and the bench.
  { entryPoints: ['src/engine/search-thread/worker.ts'], outfile: 'dist/search-worker.js' },
  { entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
].filter((e) => existsSync(e.entryPoints[0]));

// The WordNet table beside the bundles (dist/wordnet.bin, read by src/engine/concepts); skipped when up to date.
const table = writeTable('dist');
if (table.built) console.log(`wordnet table: ${table.file}, ${table.bytes} bytes in ${table.ms} ms`);

for (const e of entries) {
  if (watch) {
    const { context } = await import('esbuild');
    const ctx = await context({ ...common, ...e });
    await ctx.watch();
  } else {
    await build({ ...common, ...e });
  }
}
