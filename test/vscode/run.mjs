#!/usr/bin/env node
// Runs test/vscode/suite.ts inside VS Code desktop with @vscode/test-electron:
//   npm run test:vscode        (= npm run build && node test/vscode/run.mjs)
// The suite is bundled with esbuild into out/test/vscode/suite.js; the extension under test is this
// repository (extensionDevelopmentPath), so dist/ must be built. The workspace is a temporary folder with
// a copy of examples/draft.md. VS Code itself is downloaded from update.code.visualstudio.com on first use
// (cached in .vscode-test/); set VSCODE_VERSION to pin one (default: stable), or VSCODE_EXECUTABLE to use
// an installed VS Code instead of downloading.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(REPO, 'out/test/vscode');
const compileOnly = process.argv.includes('--compile-only');

await build({
  entryPoints: [path.join(REPO, 'test/vscode/suite.ts')],
  outfile: path.join(OUT, 'suite.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
if (compileOnly) {
  console.log(`test:vscode: compiled ${path.relative(REPO, path.join(OUT, 'suite.js'))}`);
  process.exit(0);
}
if (!fs.existsSync(path.join(REPO, 'dist/extension.js'))) {
  console.error('test:vscode: dist/extension.js is missing; run `npm run build` first');
  process.exit(1);
}

const { runTests } = await import('@vscode/test-electron');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-vscode-'));
const workspace = path.join(tmp, 'workspace');
fs.mkdirSync(workspace);
fs.copyFileSync(path.join(REPO, 'examples/draft.md'), path.join(workspace, 'draft.md'));

let code = 0;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(OUT, 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(tmp, 'user-data'),
      '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  const msg = String(err?.message ?? err);
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download|update\.code\.visualstudio\.com/i.test(msg) && !process.env.VSCODE_EXECUTABLE) {
    console.error(`test:vscode: could not download VS Code (${msg.split('\n')[0]}).\n` +
      'This suite needs network access to update.code.visualstudio.com the first time (then .vscode-test/ caches it),\n' +
      'or an installed VS Code: VSCODE_EXECUTABLE=/path/to/code npm run test:vscode.\n' +
      'Offline, use `npm run test:e2e`, which runs the same scenarios in code-server.');
  } else {
    console.error(`test:vscode: failed: ${msg}`);
  }
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
