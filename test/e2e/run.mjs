#!/usr/bin/env node
// End-to-end test: the packaged extension inside a real VS Code workbench, used the way a writer uses it.
//
//   npm run test:e2e            (= npm run package && bash test/e2e/setup.sh && node test/e2e/run.mjs)
//   node test/e2e/run.mjs [--vsix FILE] [--draft FILE] [--out DIR] [--no-images] [--keep] [--timeout SEC]
//                         [--hover NAME] [--cite-line N]
//
// It builds nothing. It takes sourcewise-<version>.vsix from the repository root, starts code-server (installed
// by test/e2e/setup.sh) on a free 127.0.0.1 port with its own user-data, extensions dir and config, installs the
// .vsix there, opens a temporary workspace holding only a copy of examples/draft.md (no sources folder, so the
// bundled seed articles are used) in headless chromium, and then, through keyboard and mouse only:
//   1. opens draft.md with Quick Open and waits for activation and the first squiggles;
//   2. hovers a person's name and checks the card names a role and an outlet;
//   3. reads the Problems panel and checks there is a `contradiction` from `sourcewise`;
//   4. puts the cursor on that contradiction, opens Quick Fix (Ctrl+.), applies the preferred fix, saves, and
//      checks that only the figure changed on that line;
//   5. types `[^` after a sentence the sources support, checks each item's label is a source sentence, accepts
//      the first completion, saves, and checks that a footnote marker and its definition were added;
//   6. opens Show Facts for a name: a webview naming sources by outlet (no raw Markdown, no install path), whose
//      link opens the bundled seed read-only;
//   7. opens the status bar menu, turns checking off and on (the status bar says so, squiggles go and come back),
//      reindexes (a notification says how many sources), and runs Check All (its message has "Show Problems");
//   8. opens the Getting Started walkthrough;
//   9. types inside a flagged sentence and pauses: the squiggle stays on screen throughout;
//  10. rests the caret on a correct sentence: no lightbulb;
//  11. speaks plain LSP to the packaged server: a `.txt` draft opened with language id `text` gets findings.
// Screenshots go to test/e2e/out/ (and the ones used by the README to images/). Exit code 0 only when every
// step passed; the last line is always `e2e: N passed, M failed`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builtinModules } from 'node:module';
import zlib from 'node:zlib';
import { PEOPLE, citationTarget, figureContradiction, judgeCitation, judgeFigureFix, nameSpots, roleFromCard } from './scenario.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = process.env.SOURCEWISE_E2E_HOME || path.join(os.homedir(), '.cache/sourcewise-e2e');

// ------------------------------------------------------------------------------------------------ options
const opts = { images: true, keep: false };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-images') opts.images = false;
    else if (a === '--keep') opts.keep = true;
    else if (/^--(vsix|draft|out|timeout|hover|cite-line)$/.test(a) && i + 1 < argv.length) opts[a.slice(2)] = argv[++i];
    else {
      console.error(`e2e: unknown argument ${a}\nusage: node test/e2e/run.mjs [--vsix FILE] [--draft FILE] [--out DIR] ` +
        '[--no-images] [--keep] [--timeout SEC] [--hover NAME] [--cite-line N]');
      process.exit(2);
    }
  }
}
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const VSIX = path.resolve(opts.vsix ?? path.join(REPO, `${pkg.name}-${pkg.version}.vsix`));
const DRAFT = path.resolve(opts.draft ?? path.join(REPO, 'examples/draft.md'));
const OUT = path.resolve(opts.out ?? path.join(REPO, 'test/e2e/out'));
const IMAGES = path.join(REPO, 'images');
const WAIT = 1000 * Number(opts.timeout ?? 30);


// ------------------------------------------------------------------------------------------------ plumbing
const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class StepFailure extends Error {}
const fail = (msg) => { throw new StepFailure(msg); };
const results = [];
const done = new Set();
/** Runs one user-visible step; `needs` names steps that must have passed first. */
async function step(name, needs, fn) {
  const missing = needs.filter((n) => !done.has(n));
  if (missing.length) {
    results.push({ name, ok: false, detail: `skipped: needs ${missing.join(', ')}` });
    log(`SKIP ${name} (needs ${missing.join(', ')})`);
    return;
  }
  const started = Date.now();
  log(`---- ${name}`);
  try {
    const detail = await fn();
    results.push({ name, ok: true, detail, ms: Date.now() - started });
    done.add(name);
    log(`PASS ${name}${detail ? `: ${detail}` : ''} (${Date.now() - started} ms)`);
  } catch (e) {
    const detail = e instanceof StepFailure ? e.message : String(e?.stack ?? e);
    results.push({ name, ok: false, detail, ms: Date.now() - started });
    log(`FAIL ${name}: ${detail}`);
    if (page) await shot(`99-failed-${name}.png`).catch(() => {});
    if (page) await page.keyboard.press('Escape').catch(() => {});
  }
}

function findCodeServer() {
  const root = process.env.SOURCEWISE_E2E_CODE_SERVER || path.join(CACHE, 'code-server');
  const entry = path.join(root, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(entry)) return null;
  return entry;
}
async function importPlaywright() {
  for (const base of [path.join(REPO, 'package.json'), path.join(CACHE, 'pw/package.json')]) {
    try {
      const mod = await import(pathToFileURL(createRequire(base).resolve('playwright-core')).href);
      return mod.chromium ? mod : mod.default;
    } catch {}
  }
  return null;
}
function chromiumPath() {
  if (process.env.CHROMIUM_BIN) return process.env.CHROMIUM_BIN;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(p)) return p;
  return null;
}
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}
function walk(dir, keep, acc = []) {
  if (!fs.existsSync(dir)) return acc;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, keep, acc); else if (keep(p)) acc.push(p);
  }
  return acc;
}

/** Entries of a zip file (a .vsix), with a function to read each one. */
function readZip(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10), csize = buf.readUInt32LE(p + 20), size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28), xlen = buf.readUInt16LE(p + 30), clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    const read = () => {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + csize);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    };
    entries.push({ name, size, read });
    p += 46 + nlen + xlen + clen;
  }
  return { size: buf.length, entries };
}

// ------------------------------------------------------------------------------------------------ state
let server = null;
let browser = null;
let page = null;
let runDir = null;
const ctx = {}; // facts found by one step and used by a later one

async function stopAll() {
  try { if (browser) await browser.close(); } catch {}
  browser = null;
  if (server && server.exitCode === null && server.signalCode === null && !opts.keep) {
    const group = -server.pid; // code-server was started detached: it leads its own process group
    try { process.kill(group, 'SIGTERM'); } catch {}
    for (let i = 0; i < 30 && server.exitCode === null && server.signalCode === null; i++) await sleep(100);
    try { process.kill(group, 'SIGKILL'); } catch {}
  }
}
let finishing = false;
async function finish(code) {
  if (finishing) return;
  finishing = true;
  await stopAll();
  if (runDir) {
    // Keep the logs next to the screenshots: the extension host log and every output channel.
    for (const f of walk(path.join(runDir, 'data/logs'), (p) => p.endsWith('.log'))) {
      const rel = path.relative(path.join(runDir, 'data/logs'), f).split(path.sep).slice(1).join('__');
      try { fs.copyFileSync(f, path.join(OUT, 'logs', rel)); } catch {}
    }
    try { fs.copyFileSync(path.join(runDir, 'server.log'), path.join(OUT, 'logs', 'code-server.log')); } catch {}
    if (!opts.keep) fs.rmSync(runDir, { recursive: true, force: true });
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify({ results, ctx, seconds: (Date.now() - t0) / 1000 }, null, 2));
  console.log('');
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : `: ${r.detail}`}`);
  console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots, results.json and logs in ${path.relative(process.cwd(), OUT) || '.'}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(code ?? (failed || !results.length ? 1 : 0));
}
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => { results.push({ name: 'interrupted', ok: false, detail: `got ${sig}` }); finish(code); });
}
// A hung workbench must not hang CI.
setTimeout(() => { log('overall time limit reached'); results.push({ name: 'time limit', ok: false, detail: 'run took over 6 minutes' }); finish(1); }, 6 * 60_000).unref();

// ------------------------------------------------------------------------------------------------ UI helpers
const EDITOR = '.editor-group-container.active .monaco-editor';
const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

async function shot(name, widget) {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  let clip;
  if (widget) {
    // README images: the widget plus the caret's line and a line or two around it, from the line numbers on.
    clip = await page.evaluate(({ widget, editor, pad }) => {
      // One widget, or several (a list and its details pane): their union.
      const rects = [].concat(widget).map((sel) => document.querySelector(sel)?.getBoundingClientRect()).filter((r) => r && r.width && r.height);
      const w = rects.length ? {
        left: Math.min(...rects.map((r) => r.left)), top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)), bottom: Math.max(...rects.map((r) => r.bottom)),
      } : undefined;
      const caret = document.querySelector(`${editor} .cursors-layer .cursor`)?.getBoundingClientRect();
      const margin = document.querySelector(`${editor} .margin`)?.getBoundingClientRect();
      if (!w || !caret) return null;
      // The right end of the caret's line of text, so the whole sentence is in the picture.
      const line = [...document.querySelectorAll(`${editor} .view-lines .view-line`)]
        .map((l) => l.firstElementChild?.getBoundingClientRect())
        .find((r) => r && r.top <= caret.top + 2 && r.bottom >= caret.bottom - 2);
      const x0 = Math.max(0, Math.min(w.left, margin ? margin.left : caret.left) - pad);
      const y0 = Math.max(0, Math.min(w.top, caret.top - 2 * caret.height) - pad);
      const x1 = Math.min(innerWidth, Math.max(w.right, caret.right + 40, line ? line.right : 0) + pad);
      const y1 = Math.min(innerHeight, Math.max(w.bottom, caret.bottom + 2 * caret.height) + pad);
      return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    }, { widget, editor: EDITOR, pad: 12 });
  }
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  return file;
}

/** Ctrl+G to a 1-based line and column; the line is scrolled into view and the caret put there. */
async function goTo(line, column) {
  await page.keyboard.press('Control+g');
  await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(QUICK_INPUT, { state: 'hidden' });
  await sleep(250);
}

/** Screen position of the primary caret. */
async function caretBox() {
  return page.evaluate((sel) => {
    const c = document.querySelector(`${sel} .cursors-layer .cursor`);
    if (!c) return null;
    const b = c.getBoundingClientRect();
    return { x: b.left, y: b.top, height: b.height };
  }, EDITOR);
}

/** Visible hover widget: each part's text (extension hovers and diagnostics are separate parts). */
async function hoverParts() {
  return page.evaluate(() => [...document.querySelectorAll('.monaco-hover:not(.hidden) .hover-row')]
    .filter((r) => !r.classList.contains('status-bar') && r.offsetParent !== null && r.innerText.trim())
    .map((r) => r.innerText.trim()));
}

async function closeWidgets() {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await sleep(150);
}

async function focusEditor() {
  await closeWidgets();
  const box = await page.locator(`${EDITOR} .view-lines`).boundingBox();
  if (!box) fail('the editor is not visible');
  await page.mouse.click(box.x + 40, box.y + 10);
}

const DIRTY_TAB = '.editor-group-container.active .tab.active.dirty';

/**
 * Saves the active editor (Ctrl+S) and returns the file's text once the save is done. Workspace edits from
 * quick fixes may already have been saved by VS Code (files.refactoring.autoSave), so "changed on disk" alone
 * does not mean "this save finished": wait until the tab is no longer dirty.
 */
async function saveAndRead(file, before) {
  await page.keyboard.press('Control+s');
  await page.waitForSelector(DIRTY_TAB, { state: 'detached', timeout: WAIT }).catch(() => fail('Ctrl+S did not save draft.md'));
  await sleep(200);
  const now = fs.readFileSync(file, 'utf8');
  if (now === before) fail('draft.md on disk is unchanged after the edit and Ctrl+S');
  return now;
}

/** Waits until an edit shows: the tab turns dirty, or the file changes on disk (auto-saved). */
async function editLanded(file, before, ms = 5000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await page.locator(DIRTY_TAB).count()) return true;
    if (fs.readFileSync(file, 'utf8') !== before) return true;
    await sleep(100);
  }
  return false;
}

/** Runs a command from the Command Palette (F1), as a writer does, by its title. */
async function runCommand(title) {
  await closeWidgets();
  await page.keyboard.press('F1');
  await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
  await page.keyboard.type(title, { delay: 10 });
  await page.waitForFunction((t) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
    .some((r) => r.innerText.includes(t)), title, { timeout: WAIT }).catch(() => fail(`no "${title}" in the Command Palette`));
  await sleep(150);
  await page.keyboard.press('Enter');
}

/** The Sourcewise status bar item: its text and its screen-reader label. */
async function statusItem() {
  return page.evaluate(() => {
    const el = [...document.querySelectorAll('.statusbar-item')].find((e) => /^Sourcewise: /.test((e.innerText || '').trim()));
    if (!el) return null;
    const a = el.querySelector('a') ?? el;
    return { text: el.innerText.trim(), ariaLabel: a.getAttribute('aria-label') ?? el.getAttribute('aria-label') ?? '' };
  });
}

/** Text of the visible notification toasts, with their buttons. */
async function notifications() {
  return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-toast')]
    .filter((t) => t.offsetParent !== null)
    .map((t) => ({ text: t.innerText.replace(/\s+/g, ' ').trim(), buttons: [...t.querySelectorAll('.monaco-button')].map((b) => b.innerText.trim()) })));
}

async function waitForNotification(re, ms = WAIT) {
  const end = Date.now() + ms;
  let seen = [];
  while (Date.now() < end) {
    seen = await notifications();
    const hit = seen.find((n) => re.test(n.text));
    if (hit) return hit;
    await sleep(150);
  }
  fail(`no notification matching ${re}; saw ${JSON.stringify(seen.map((n) => n.text))}`);
}

async function clearNotifications() {
  await page.evaluate(() => {
    for (const b of document.querySelectorAll('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close')) b.click();
  });
  await sleep(200);
}

/** Squiggles on the screen line (a wrapped line's part) whose text matches `pattern`, by the overlay at its height. */
async function squigglesOnLine(pattern) {
  return page.evaluate(({ editor, source }) => {
    const re = new RegExp(source);
    const line = [...document.querySelectorAll(`${editor} .view-lines .view-line`)].find((l) => re.test(l.textContent.replace(/\u00a0/g, ' ')));
    if (!line) return -1;
    const top = line.style.top;
    const overlay = [...document.querySelectorAll(`${editor} .view-overlays > div`)].find((o) => o.style.top === top);
    return overlay ? overlay.querySelectorAll('[class*="squiggly-"]').length : 0;
  }, { editor: EDITOR, source: pattern.source });
}

// ------------------------------------------------------------------------------------------------ run
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'logs'), { recursive: true });

await step('prerequisites', [], async () => {
  const missing = [];
  if (!fs.existsSync(VSIX)) missing.push(`${path.relative(REPO, VSIX)} (run \`npm run package\`)`);
  if (!fs.existsSync(DRAFT)) missing.push(`${DRAFT}`);
  if (!findCodeServer()) missing.push(`code-server under ${CACHE} (run \`bash test/e2e/setup.sh\`)`);
  if (!chromiumPath()) missing.push('chromium (run `bash test/e2e/setup.sh`, or set CHROMIUM_BIN)');
  if (!(await importPlaywright())) missing.push('playwright-core (run `npm ci`)');
  if (missing.length) fail(`missing: ${missing.join('; ')}`);
  return `${path.basename(VSIX)}, ${path.relative(REPO, DRAFT) || DRAFT}`;
});

await step('package contents', ['prerequisites'], async () => {
  const zip = readZip(VSIX);
  const names = zip.entries.map((e) => e.name.replace(/^extension\//, ''));
  const problems = [];
  // The budget is 5 MB; the WordNet table (dist/wordnet.bin) is about 1.24 MB of the 1.9 MB.
  if (zip.size > 5 * 1024 * 1024) problems.push(`${(zip.size / 1024).toFixed(0)} KB, over 5 MB`);
  const stray = names.filter((n) => /^(node_modules|src|test|bench|examples|\.ci|\.git)\//.test(n) || /\.(map|ts)$/.test(n));
  if (stray.length) problems.push(`ships files it should not: ${stray.slice(0, 6).join(', ')}${stray.length > 6 ? ', …' : ''}`);
  for (const need of ['package.json', pkg.main?.replace(/^\.\//, '') ?? 'dist/extension.js', 'dist/server.js', 'dist/search-worker.js', 'dist/wordnet.bin']) {
    if (!names.includes(need)) problems.push(`${need} is missing`);
  }
  if (!names.some((n) => n.startsWith('seeds/'))) problems.push('no seeds/');
  // --no-dependencies is only right if the bundles need nothing from node_modules but `vscode` itself.
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const e of zip.entries.filter((x) => /^extension\/dist\/.*\.js$/.test(x.name))) {
    const code = e.read().toString('utf8');
    const external = [...code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1])
      .filter((m) => m !== 'vscode' && !builtins.has(m) && !builtins.has(m.split('/')[0]));
    if (external.length) problems.push(`${e.name.slice(10)} requires ${[...new Set(external)].join(', ')} from node_modules`);
  }
  if (problems.length) fail(problems.join('; '));
  return `${names.filter((n) => !n.endsWith('/')).length - 2} files, ${(zip.size / 1024).toFixed(0)} KB`;
});

await step('start code-server', ['prerequisites'], async () => {
  const entry = findCodeServer();
  runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-e2e-'));
  const data = path.join(runDir, 'data');
  const exts = path.join(runDir, 'extensions');
  const ws = path.join(runDir, 'workspace');
  fs.mkdirSync(path.join(data, 'User'), { recursive: true });
  fs.mkdirSync(exts);
  fs.mkdirSync(ws);
  fs.copyFileSync(DRAFT, path.join(ws, 'draft.md'));
  ctx.workspace = ws;
  ctx.draftFile = path.join(ws, 'draft.md');
  fs.writeFileSync(path.join(runDir, 'config.yaml'), 'auth: none\ncert: false\n');
  // A quiet, predictable workbench: no welcome page, tips, telemetry, update checks, AI panels or git.
  fs.writeFileSync(path.join(data, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.colorTheme': 'Default Light Modern',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    'editor.hover.delay': 300,
    'editor.hover.sticky': true,
    'window.title': 'draft.md — Sourcewise',
  }, null, 2));
  const common = ['--config', path.join(runDir, 'config.yaml'), '--user-data-dir', data, '--extensions-dir', exts];

  const inst = spawnSync(process.execPath, [entry, ...common, '--install-extension', VSIX], { encoding: 'utf8', timeout: 120_000 });
  const said = `${inst.stdout}${inst.stderr}`.trim();
  if (inst.status !== 0 || /Failed Installing|not compatible/i.test(said)) fail(`installing ${path.basename(VSIX)} failed: ${said.split('\n').slice(-3).join(' | ')}`);
  const installed = JSON.parse(fs.readFileSync(path.join(exts, 'extensions.json'), 'utf8'));
  ctx.extensionId = installed[0]?.identifier?.id;
  if (!ctx.extensionId) fail('install reported success but extensions.json lists nothing');

  const port = await freePort();
  const out = fs.openSync(path.join(runDir, 'server.log'), 'w');
  server = spawn(process.execPath, [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ws],
  { detached: true, stdio: ['ignore', out, out], env: { ...process.env, EXTENSIONS_GALLERY: '{"serviceUrl":""}' } });
  ctx.url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`;
  const end = Date.now() + WAIT;
  for (;;) {
    if (server.exitCode !== null) fail(`code-server exited with ${server.exitCode}; see ${OUT}/logs/code-server.log`);
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch {}
    if (Date.now() > end) fail(`code-server did not answer on port ${port}`);
    await sleep(200);
  }
  return `${ctx.extensionId} installed; port ${port}, pid ${server.pid}`;
});

await step('open draft.md', ['start code-server'], async () => {
  const { chromium } = await importPlaywright();
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Our own signal handlers stop code-server too; playwright's would exit before they ran.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(WAIT);
  const consoleLines = [];
  ctx.browserErrors = consoleLines;
  page.on('pageerror', (e) => consoleLines.push(e.message));
  await page.goto(ctx.url);
  await page.waitForSelector('.monaco-workbench .part.editor');
  await page.waitForSelector('.monaco-workbench .part.statusbar');
  await sleep(800);
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+p');
    await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
    await page.keyboard.type('draft.md');
    try {
      await page.waitForFunction(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')]
        .some((r) => r.textContent.includes('draft.md')), null, { timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.waitForFunction((sel) => {
        const tab = document.querySelector('.editor-group-container.active .tab.active');
        return tab?.textContent.includes('draft.md') && document.querySelector(`${sel} .view-lines .view-line`);
      }, EDITOR, { timeout: 10_000 });
      break;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt === 3) fail('Quick Open did not open draft.md (the file search may be broken: is rg installed?)');
    }
  }
  await shot('01-draft-open.png');
  return 'opened with Quick Open';
});

await step('extension activates and reports problems', ['open draft.md'], async () => {
  const logsDir = path.join(runDir, 'data/logs');
  const id = ctx.extensionId.toLowerCase();
  const end = Date.now() + 2 * WAIT;
  let activated = false;
  while (Date.now() < end) {
    const text = walk(logsDir, (p) => p.endsWith('exthost.log')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const mine = text.split('\n').filter((l) => l.toLowerCase().includes(id));
    const failedLine = mine.find((l) => /Activating extension .* failed/i.test(l));
    if (failedLine) fail(`activation failed: ${failedLine.trim()}`);
    activated ||= mine.some((l) => l.includes('ExtensionService#_doActivateExtension'));
    const squiggles = await page.locator(`${EDITOR} .view-overlays [class*="squiggly-"]`).count();
    if (activated && squiggles) {
      await shot('02-diagnostics.png');
      return `${id} active, ${squiggles} squiggle(s) in view after ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    }
    await sleep(250);
  }
  fail(activated ? 'activated, but no squiggles appeared in draft.md' : `no "ExtensionService#_doActivateExtension ${id}" in the extension host log`);
});

await step('hover card on a name', ['extension activates and reports problems'], async () => {
  const spots = nameSpots(fs.readFileSync(ctx.draftFile, 'utf8'), opts.hover);
  if (!spots.length) fail(`none of ${opts.hover ?? PEOPLE.join(', ')} occurs in the draft's prose`);
  const tried = [];
  for (const spot of spots.slice(0, 6)) {
    await focusEditor();
    await goTo(spot.line + 1, spot.character + 1 + Math.floor(spot.name.length / 2));
    const caret = await caretBox();
    if (!caret) fail('no caret in the editor');
    // Come from elsewhere and rest on the word, as a mouse does.
    await page.mouse.move(caret.x + 200, caret.y + 120);
    await sleep(100);
    await page.mouse.move(caret.x + 1, caret.y + caret.height / 2, { steps: 4 });
    try {
      await page.waitForSelector('.monaco-hover:not(.hidden) .hover-row', { state: 'visible', timeout: 5000 });
    } catch {
      tried.push(`${spot.name} (line ${spot.line + 1}): no hover`);
      continue;
    }
    await sleep(600); // let every hover provider answer
    const parts = await hoverParts();
    const card = parts.find((p) => /(^|\n)\s*Roles\s*(\n|$)/.test(p));
    if (!card) {
      tried.push(`${spot.name} (line ${spot.line + 1}): ${JSON.stringify(parts.join(' | ').slice(0, 140))}`);
      continue;
    }
    const got = roleFromCard(card);
    if (got.error) fail(`${spot.name} (line ${spot.line + 1}): ${got.error}:\n${card}`);
    ctx.hover = { name: spot.name, line: spot.line + 1, role: got.role, outlets: got.outlets, card };
    await shot('03-hover.png');
    await shot('03-hover-card.png', '.monaco-hover:not(.hidden)');
    return `${spot.name} (line ${spot.line + 1}): "${got.role}" per ${got.outlets.join(', ')}`;
  }
  fail(`no fact card on any name. Tried: ${tried.join('; ')}`);
});

await step('Problems panel lists a contradiction', ['extension activates and reports problems'], async () => {
  await closeWidgets();
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', { state: 'visible' });
  // The list is virtualised: only rows on screen exist. Wait for our rows, then scroll through all of them.
  const readRows = () => page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
    .map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  const end = Date.now() + WAIT;
  let rows = [];
  while (Date.now() < end) {
    rows = await readRows();
    if (rows.some((t) => /\bsourcewise\b/.test(t))) break;
    await sleep(250);
  }
  await shot('04-problems.png');
  const box = await page.locator('.markers-panel .monaco-list').boundingBox();
  const seen = new Set(rows);
  for (let i = 0; box && i < 40; i++) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, box.height * 0.8);
    await sleep(150);
    const more = (await readRows()).filter((t) => !seen.has(t));
    if (!more.length) break;
    for (const t of more) { seen.add(t); rows.push(t); }
  }
  if (box) await page.mouse.wheel(0, -100_000); // back to the top, for the later screenshots
  // A marker row reads "<message> sourcewise(<code>) [Ln L, Col C]"; related-information rows have no source.
  const markers = rows.map((t) => {
    const m = /^(.*?)\s+(\S+)\s*\(?([\w-]+)?\)?\s*\[Ln (\d+), Col (\d+)\]$/.exec(t);
    return m && { message: m[1], source: m[2], code: m[3], line: Number(m[4]), column: Number(m[5]) };
  }).filter((m) => m && m.source === 'sourcewise');
  ctx.problems = markers;
  const contradictions = markers.filter((m) => m.code === 'contradiction');
  if (!contradictions.length) fail(`no "contradiction" from "sourcewise" among ${markers.length} problem(s): ${JSON.stringify(rows.slice(0, 8))}`);
  ctx.contradiction = figureContradiction(contradictions);
  const codes = [...new Set(markers.map((m) => m.code))].join(', ');
  return `${markers.length} problem(s) (${codes}); fixing ${ctx.contradiction.line}:${ctx.contradiction.column}: ${ctx.contradiction.message}`;
});

await step('Quick Fix replaces the contradicted figure', ['Problems panel lists a contradiction'], async () => {
  const before = fs.readFileSync(ctx.draftFile, 'utf8');
  const { line, column, message } = ctx.contradiction;
  await focusEditor();
  await goTo(line, column);
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget .monaco-list-row.action', { state: 'visible' });
  await sleep(300);
  const actions = await page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row.action')].map((r) => ({
    title: r.innerText.replace(/\s+/g, ' ').trim(),
    focused: r.classList.contains('focused'),
    disabled: r.classList.contains('option-disabled') || r.getAttribute('aria-disabled') === 'true',
  })));
  ctx.quickFixes = actions.map((a) => a.title);
  await shot('05-quick-fix.png');
  await shot('05-quick-fix-menu.png', '.action-widget');
  const chosen = actions.find((a) => a.focused) ?? actions[0];
  if (!chosen || chosen.disabled) fail(`no applicable fix in the menu: ${JSON.stringify(ctx.quickFixes)}`);
  ctx.appliedFix = chosen.title;
  await page.keyboard.press('Enter'); // the focused entry; VS Code lists preferred fixes first
  const dirty = await editLanded(ctx.draftFile, before);
  if (!dirty) {
    const ruledOut = /\bnot “([^”]*)”/.exec(message)?.[1];
    const same = ruledOut && message.split(/,?\s*not “/)[0].includes(`“${ruledOut}”`);
    fail(`applying "${chosen.title}" left the draft unchanged` +
      (same ? ` (the diagnostic rules out “${ruledOut}” while quoting the sources saying exactly that)` : ''));
  }
  const after = await saveAndRead(ctx.draftFile, before);
  await shot('06-after-fix.png');

  let diff;
  try {
    diff = judgeFigureFix(before, after, { line: line - 1, character: column - 1, message, title: chosen.title });
  } catch (e) { fail(e.message); }
  ctx.fixDiff = { line, ...diff };
  return `"${chosen.title}": "${diff.removed}" → "${diff.inserted}" on line ${line}; rest of the line unchanged`;
});

await step('citation completion inserts a footnote', ['extension activates and reports problems'], async () => {
  const before = fs.readFileSync(ctx.draftFile, 'utf8');
  const problems = (ctx.problems ?? []).map((p) => ({ line: p.line - 1, character: p.column - 1 }));
  const forced = opts['cite-line'] ? Number(opts['cite-line']) - 1 : undefined;
  const target = citationTarget(before, problems, forced);
  if (!target) fail('no prose line without problems found to cite');
  await focusEditor();
  await goTo(target.line + 1, target.character + 1);
  await page.keyboard.type('[^', { delay: 60 });
  try {
    await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { state: 'visible', timeout: WAIT });
  } catch {
    const msg = await page.locator('.suggest-widget .message').innerText().catch(() => '');
    fail(`no completion list after typing "[^" on line ${target.line + 1}${msg ? ` (widget says "${msg}")` : ''}`);
  }
  await sleep(400);
  const items = await page.evaluate(() => [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row')]
    .map((r) => (r.getAttribute('aria-label') || r.innerText).replace(/\s+/g, ' ').trim()));
  const labels = await page.evaluate(() => [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row .label-name')]
    .map((r) => r.textContent.replace(/\s+/g, ' ').trim()));
  ctx.completions = items;
  ctx.completionLabels = labels;
  // Each item is the source sentence that supports the writer's: its words are the seeds' words, not a file name.
  const seedsText = fs.readdirSync(path.join(REPO, 'seeds')).map((f) => fs.readFileSync(path.join(REPO, 'seeds', f), 'utf8')).join('\n').replace(/\s+/g, ' ');
  if (!labels.length) fail(`no completion labels read: ${JSON.stringify(items)}`);
  for (const label of labels) {
    if (/\.(txt|md|html)\b/.test(label)) fail(`a completion is labelled with a file name: "${label}"`);
    const pieces = label.split(/\s*…\s*/).map((x) => x.trim()).filter((x) => x.length > 3);
    const missing = pieces.filter((x) => !seedsText.includes(x));
    if (!pieces.length || missing.length) fail(`completion label "${label}" is not source text (not in the seeds: ${JSON.stringify(missing)})`);
  }
  // The details pane (Ctrl+Space, as the list's status bar says) has the whole sentence with the words it shares in bold.
  await page.keyboard.press('Control+Space');
  await page.waitForSelector('.suggest-details-container .suggest-details', { state: 'visible', timeout: 5000 }).catch(() => {});
  await sleep(400);
  ctx.completionDetails = await page.evaluate(() => document.querySelector('.suggest-details-container .suggest-details')?.innerText.replace(/\s+/g, ' ').trim() ?? null);
  await shot('07-citation-completion.png');
  await shot('07-citation-completion-list.png', ['.suggest-widget.visible', '.suggest-details-container .suggest-details']);
  await page.keyboard.press('Enter');
  await sleep(300);
  const after = await saveAndRead(ctx.draftFile, before);
  await shot('08-after-citation.png');

  let got;
  try { got = judgeCitation(before, after, target); } catch (e) { fail(`line ${target.line + 1}: ${e.message}`); }
  ctx.citation = { line: target.line + 1, item: items[0], ...got };
  return `line ${target.line + 1}: accepted "${items[0]}" → ${got.marker} and "${got.definition.slice(0, 100)}"`;
});


await step('fact sheet names its sources and opens them read-only', ['extension activates and reports problems'], async () => {
  const text = fs.readFileSync(ctx.draftFile, 'utf8');
  const spot = nameSpots(text, 'Zelenskyy')[0] ?? nameSpots(text)[0];
  if (!spot) fail('no name in the draft to show facts for');
  await focusEditor();
  await goTo(spot.line + 1, spot.character + 2);
  await runCommand('Sourcewise: Show Facts for Name');
  // The webview's page lives in nested frames: find the one that shows the sheet.
  let frame;
  const end = Date.now() + WAIT;
  while (!frame && Date.now() < end) {
    for (const f of page.frames()) {
      const h1 = await f.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null);
      if (h1 && /\w/.test(h1) && (await f.evaluate(() => !!document.querySelector('a.src')).catch(() => false))) { frame = f; break; }
    }
    if (!frame) await sleep(250);
  }
  if (!frame) fail('the fact sheet view did not open (no page with a heading and source links)');
  const sheet = await frame.evaluate(() => ({
    title: document.querySelector('h1').textContent,
    body: document.body.innerText,
    sections: [...document.querySelectorAll('h2')].map((h) => h.textContent),
    links: [...document.querySelectorAll('a.src')].map((a) => ({ text: a.textContent, href: a.getAttribute('href') })),
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    scripts: document.querySelectorAll('script').length,
  }));
  ctx.factSheet = { title: sheet.title, sections: sheet.sections, links: sheet.links.length };
  if (/\]\(file:|file:\/\/|extensions\/|\.txt:\d+/.test(sheet.body)) fail(`the fact sheet shows raw Markdown links or paths: ${sheet.body.slice(0, 300)}`);
  if (!sheet.csp || !/default-src 'none'/.test(sheet.csp) || sheet.scripts) fail(`the fact sheet page has no strict content security policy (csp: ${sheet.csp}, scripts: ${sheet.scripts})`);
  const names = [...new Set(sheet.links.map((l) => l.text).filter((t) => !/^line \d+$/.test(t)))];
  if (!names.some((n) => /^(BBC|Sky News|TRT World)$/.test(n))) fail(`no outlet named among the sheet's sources: ${JSON.stringify(names)}`);
  if (names.some((n) => /[0-9a-f]{12}|\.txt$/.test(n))) fail(`a source is named by its hash file name: ${JSON.stringify(names)}`);
  const webview = await page.locator('iframe.webview').last().boundingBox();
  await shot('09-fact-sheet.png');
  if (webview) await page.screenshot({ path: path.join(OUT, '09-fact-sheet-view.png'), clip: { x: webview.x, y: webview.y, width: Math.min(webview.width, 760), height: Math.min(webview.height, 560) } });
  // A source link opens the bundled seed at the sentence, read-only.
  const link = sheet.links.find((l) => !/^line /.test(l.text));
  await frame.click(`a.src[href="${link.href.replace(/"/g, '\\"')}"]`);
  await page.waitForFunction(() => /\.txt/.test(document.querySelector('.editor-group-container.active .tab.active')?.textContent ?? ''), null, { timeout: WAIT })
    .catch(() => fail(`clicking "${link.text}" opened no source`));
  const seedTab = await page.evaluate(() => document.querySelector('.editor-group-container.active .tab.active').textContent.trim());
  const seedFile = fs.readdirSync(path.join(REPO, 'seeds')).find((f) => seedTab.includes(f));
  await page.keyboard.type('x');
  await sleep(500);
  const dirty = await page.locator(DIRTY_TAB).count();
  const readonly = await page.evaluate(() => /read-only|readonly/i.test(document.querySelector('.monaco-editor-overlaymessage')?.textContent ?? '') ||
    !!document.querySelector('.editor-group-container.active .tab.active .codicon-lock, .editor-group-container.active .tab.active [class*="lock"]'));
  if (dirty) {
    await page.keyboard.press('Control+z');
    await sleep(200);
  }
  await page.keyboard.press('Control+w');
  await sleep(300);
  await runCommand('View: Close Editors in Other Groups');
  await sleep(300);
  if (dirty) fail(`the bundled seed ${seedTab} took a keystroke: it is not read-only`);
  return `"${sheet.title}": ${sheet.sections.join(', ')}; ${sheet.links.length} links, sources ${names.join(', ')}; "${link.text}" opened ${seedFile ?? seedTab} read-only${readonly ? ' (VS Code says so)' : ''}`;
});

await step('status menu turns checking off and on, and reindexing says what it did', ['extension activates and reports problems'], async () => {
  await focusEditor();
  const before = await statusItem();
  if (!before) fail('no Sourcewise item in the status bar');
  if (/&nbsp;|&[a-z]+;/.test(before.ariaLabel)) fail(`the status item's screen-reader label has HTML entities: "${before.ariaLabel}"`);
  const openMenu = async () => {
    await closeWidgets();
    await page.locator('.statusbar-item').filter({ hasText: /^\s*Sourcewise: / }).first().click();
    await page.waitForSelector('.quick-input-widget .monaco-list-row', { state: 'visible' });
    await sleep(300);
    return page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  };
  const choose = async (re) => {
    const rows = await page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    const i = rows.findIndex((r) => re.test(r));
    if (i < 0) fail(`no ${re} in the status menu: ${JSON.stringify(rows)}`);
    // The first entry has the focus: move down to the one wanted, as a keyboard user does.
    for (let k = 0; k < i; k++) await page.keyboard.press('ArrowDown');
    await sleep(150);
    const focused = await page.evaluate(() => document.querySelector('.quick-input-widget .monaco-list-row.focused')?.innerText.replace(/\s+/g, ' ').trim() ?? '');
    if (!re.test(focused)) fail(`meant to choose ${re}, but "${focused}" has the focus`);
    await page.keyboard.press('Enter');
  };
  const items = await openMenu();
  ctx.statusMenu = items;
  await shot('10-status-menu.png');
  await shot('10-status-menu-widget.png', '.quick-input-widget');
  for (const want of [/Turn Checking Off/, /Reindex Sources/, /Show Output/, /Open Settings/, /Review Accepted Claims/]) {
    if (!items.some((t) => want.test(t))) fail(`the status menu has no ${want}: ${JSON.stringify(items)}`);
  }
  await choose(/Turn Checking Off/);
  const squiggles = () => page.locator(`${EDITOR} .view-overlays [class*="squiggly-"]`).count();
  const off = Date.now() + WAIT;
  while ((await squiggles()) > 0 || !/checking off/.test((await statusItem())?.text ?? '')) {
    if (Date.now() > off) fail(`after "Turn Checking Off": status "${(await statusItem())?.text}", ${await squiggles()} squiggle(s)`);
    await sleep(200);
  }
  const offText = (await statusItem()).text;
  const menu2 = await openMenu();
  if (!menu2.some((t) => /Turn Checking On/.test(t))) fail(`with checking off the menu offers no "Turn Checking On": ${JSON.stringify(menu2)}`);
  await choose(/Turn Checking On/);
  const on = Date.now() + 2 * WAIT;
  while ((await squiggles()) === 0) {
    if (Date.now() > on) fail('squiggles did not come back after "Turn Checking On"');
    await sleep(200);
  }
  await clearNotifications();
  await openMenu();
  await choose(/Reindex Sources/);
  const note = await waitForNotification(/reindexed \d+ sources?/i);
  await clearNotifications();
  const after = await statusItem();
  return `menu: ${items.length} entries; off → "${offText}"; on → "${after.text}"; reindex → "${note.text}"; label "${after.ariaLabel}"`;
});

await step('Check All Drafts says what it found, with a Show Problems button', ['extension activates and reports problems'], async () => {
  await clearNotifications();
  await runCommand('Sourcewise: Check All Drafts in Workspace');
  const note = await waitForNotification(/checked \d+ drafts?/i);
  if (!note.buttons.some((b) => /Show Problems/.test(b))) fail(`the Check All message has no "Show Problems" button: ${JSON.stringify(note)}`);
  await page.locator('.notifications-toasts .monaco-button', { hasText: 'Show Problems' }).first().click();
  await page.waitForSelector('.markers-panel', { state: 'visible', timeout: WAIT }).catch(() => fail('"Show Problems" did not open the Problems panel'));
  await clearNotifications();
  return `"${note.text}"`;
});

await step('Getting Started walkthrough', ['extension activates and reports problems'], async () => {
  // Room for the page: no panel, no side bar (both come back after).
  const visible = (sel) => page.evaluate((q) => { const e = document.querySelector(q); return !!e && e.offsetParent !== null && e.getBoundingClientRect().height > 0; }, sel);
  const panel = await visible('.part.panel');
  const sidebar = await visible('.part.sidebar');
  await closeWidgets();
  if (panel) await page.keyboard.press('Control+j');
  if (sidebar) await page.keyboard.press('Control+b');
  await runCommand('Sourcewise: Get Started');
  await page.waitForSelector('.gettingStartedContainer', { state: 'visible', timeout: WAIT }).catch(() => fail('the walkthrough did not open'));
  await page.waitForFunction(() => /Point Sourcewise at your sources/.test(document.querySelector('.gettingStartedContainer')?.innerText ?? ''), null, { timeout: WAIT })
    .catch(() => fail('the walkthrough page does not show the Sourcewise steps'));
  // The first step's page (Markdown in a webview) beside the steps.
  const mediaEnd = Date.now() + 15_000;
  let media = false;
  while (!media && Date.now() < mediaEnd) {
    for (const f of page.frames()) {
      if (await f.evaluate(() => /Your sources/.test(document.body?.innerText ?? '')).catch(() => false)) { media = true; break; }
    }
    if (!media) await sleep(300);
  }
  await sleep(500);
  const steps = await page.evaluate(() => [...document.querySelectorAll('.gettingStartedContainer .getting-started-step .step-title')].map((e) => e.textContent.trim()));
  await shot('11-walkthrough-window.png');
  const part = await page.locator('.part.editor').boundingBox();
  await page.screenshot({ path: path.join(OUT, '11-walkthrough.png'), ...(part ? { clip: part } : {}) });
  for (const want of ['Point Sourcewise at your sources', 'See what the sources say', 'Fix a figure', 'Insert a citation']) {
    if (!steps.includes(want)) fail(`the walkthrough has no step "${want}": ${JSON.stringify(steps)}`);
  }
  await page.keyboard.press('Control+w');
  await sleep(300);
  if (sidebar) await page.keyboard.press('Control+b');
  return `${steps.join(' / ')}${media ? '; the first step\'s page is shown' : '; (its page did not render in time)'}`;
});

await step('a squiggle stays on screen while its sentence is typed and paused in', ['extension activates and reports problems'], async () => {
  // The "500 prisoners" sentence: type a word into it, before the figure, then pause.
  const text = fs.readFileSync(ctx.draftFile, 'utf8');
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => /release 500 prisoners/.test(l));
  if (line < 0) fail('no "release 500 prisoners" line in the draft');
  await focusEditor();
  const needle = 'release 500 prisoners';
  await goTo(line + 1, lines[line].indexOf(needle) + 1);
  const start = Date.now() + WAIT;
  while ((await squigglesOnLine(/(^|[^\d,])500(?!\d)/)) <= 0) {
    if (Date.now() > start) fail(`no squiggle on line ${line + 1} to begin with`);
    await sleep(200);
  }
  const samples = [];
  const t0 = Date.now();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push({ t: Date.now() - t0, n: await squigglesOnLine(/(^|[^\d,])500(?!\d)/) });
      await sleep(40);
    }
  })();
  await page.keyboard.type('formally ', { delay: 110 });
  const typed = Date.now() - t0;
  await sleep(3000); // the pause
  sampling = false;
  await sampler;
  const gaps = [];
  let gapStart;
  for (const s of samples) {
    if (s.n <= 0 && gapStart === undefined) gapStart = s.t;
    if (s.n > 0 && gapStart !== undefined) { gaps.push([gapStart, s.t]); gapStart = undefined; }
  }
  if (gapStart !== undefined) gaps.push([gapStart, samples[samples.length - 1].t]);
  ctx.squigglePause = { samples: samples.length, typedMs: typed, pauseMs: 3000, gaps };
  await shot('12-typing-pause.png');
  await page.keyboard.press('Control+z');
  await sleep(200);
  await page.keyboard.press('Control+s');
  if (gaps.length) fail(`the squiggle disappeared while typing and pausing: ${gaps.map(([a, b]) => `${a}-${b} ms`).join(', ')} (of ${samples.length} samples)`);
  return `squiggle on screen in all ${samples.length} samples over ${typed} ms of typing and a 3000 ms pause`;
});

await step('no lightbulb on a correct sentence the sources support', ['extension activates and reports problems'], async () => {
  const text = fs.readFileSync(ctx.draftFile, 'utf8');
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => /^Delegations from both countries had not sat down together/.test(l));
  if (line < 0) fail('no correct sentence found to rest on');
  await focusEditor();
  await goTo(line + 1, 12);
  await sleep(1500);
  const bulb = await page.evaluate(() => [...document.querySelectorAll('.lightBulbWidget')].some((b) => b.offsetParent !== null && getComputedStyle(b).visibility !== 'hidden'));
  if (bulb) fail(`a lightbulb shows on line ${line + 1}, which has no finding`);
  return `line ${line + 1}: no lightbulb`;
});

await step('a finding\'s hover puts the draft and the sources side by side, without repeating the message', ['extension activates and reports problems'], async () => {
  const text = fs.readFileSync(ctx.draftFile, 'utf8');
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => /60-day ceasefire/.test(l));
  if (line < 0) fail('no "60-day ceasefire" in the draft');
  await focusEditor();
  await goTo(line + 1, lines[line].indexOf('60-day') + 3);
  const caret = await caretBox();
  await page.mouse.move(caret.x + 200, caret.y + 120);
  await sleep(100);
  await page.mouse.move(caret.x + 1, caret.y + caret.height / 2, { steps: 4 });
  await page.waitForSelector('.monaco-hover:not(.hidden) .hover-row', { state: 'visible', timeout: 5000 }).catch(() => fail('no hover on the flagged figure'));
  await sleep(800);
  const parts = await hoverParts();
  ctx.findingHover = parts;
  await shot('13-finding-hover.png', '.monaco-hover:not(.hidden)');
  const message = parts.find((p) => /The sources say/.test(p));
  const table = parts.find((p) => /^\s*Says\b/m.test(p) && /Draft/.test(p));
  if (!table) fail(`no draft-vs-sources table in the hover: ${JSON.stringify(parts)}`);
  if (/The sources say/.test(table)) fail(`the hover repeats the finding's message next to its table: ${JSON.stringify(table)}`);
  const count = parts.join('\n').split('The sources say').length - 1;
  if (count > 1) fail(`the finding's message is in the hover ${count} times`);
  if (parts.indexOf(table) < parts.indexOf(message)) fail('the table comes before the message VS Code shows');
  await closeWidgets();
  return `${parts.length} part(s); the message once${message ? '' : ' (VS Code\'s own part not read)'}, then the table: ${JSON.stringify(table.split('\n').slice(0, 4).join(' | '))}`;
});

await step('"Accept this claim" can be undone', ['extension activates and reports problems'], async () => {
  const text = fs.readFileSync(ctx.draftFile, 'utf8');
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => /60-day ceasefire/.test(l));
  const figure = /(^|\D)60-day/;
  await focusEditor();
  await goTo(line + 1, lines[line].indexOf('60-day') + 2);
  const until = async (what, pred) => {
    const end = Date.now() + WAIT;
    while (!(await pred())) {
      if (Date.now() > end) fail(what);
      await sleep(150);
    }
  };
  await until('no squiggle on "60-day" to begin with', async () => (await squigglesOnLine(figure)) > 0);
  await clearNotifications();
  await page.keyboard.press('Control+.');
  await page.waitForSelector('.action-widget .monaco-list-row.action', { state: 'visible' });
  await sleep(300);
  const titles = await page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row.action')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  const i = titles.findIndex((t) => /^Accept this claim/.test(t));
  if (i < 0) fail(`no "Accept this claim" among ${JSON.stringify(titles)}`);
  if (titles.filter((t) => /^Accept this claim/.test(t)).length !== 1) fail(`"Accept this claim" more than once: ${JSON.stringify(titles)}`);
  const focused = await page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row.action')].findIndex((r) => r.classList.contains('focused')));
  for (let k = Math.max(0, focused); k < i; k++) await page.keyboard.press('ArrowDown');
  for (let k = i; k < focused; k++) await page.keyboard.press('ArrowUp');
  await sleep(150);
  await page.keyboard.press('Enter');
  await until('the accepted finding is still shown', async () => (await squigglesOnLine(figure)) === 0);
  const note = await waitForNotification(/claim accepted/i);
  if (!note.buttons.includes('Undo')) fail(`the notification has no "Undo": ${JSON.stringify(note)}`);
  await page.locator('.notifications-toasts .monaco-button', { hasText: 'Undo' }).first().click();
  await until('the finding did not come back after "Undo"', async () => (await squigglesOnLine(figure)) > 0);
  const accepted = path.join(ctx.workspace, '.sourcewise', 'accepted.json');
  const left = fs.existsSync(accepted) ? JSON.parse(fs.readFileSync(accepted, 'utf8')) : [];
  if (left.length) fail(`.sourcewise/accepted.json still holds ${JSON.stringify(left)}`);
  return `"${titles[i]}" hid it ("${note.text}"); Undo brought it back, accepted.json is empty`;
});

await step('Show Facts on a word that is not a name offers the names', ['extension activates and reports problems'], async () => {
  const text = fs.readFileSync(ctx.draftFile, 'utf8');
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => /^For now, neither side/.test(l));
  if (line < 0) fail('no "For now, neither side" line');
  await focusEditor();
  await goTo(line + 1, lines[line].indexOf('neither') + 3);
  await runCommand('Sourcewise: Show Facts for Name');
  await page.waitForFunction(() => /neither/.test(document.querySelector('.quick-input-widget .quick-input-box input')?.getAttribute('placeholder') ?? '') ||
    /neither/.test(document.querySelector('.quick-input-widget')?.innerText ?? ''), null, { timeout: WAIT })
    .catch(() => fail('no name picker saying "neither" is not a name'));
  const rows = await page.evaluate(() => [...document.querySelectorAll('.quick-input-widget .monaco-list-row')].map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  await shot('14-name-picker.png', '.quick-input-widget');
  await page.keyboard.press('Escape');
  if (!rows.some((r) => /Zelensk|Putin|Trump/.test(r))) fail(`the picker lists no names: ${JSON.stringify(rows.slice(0, 5))}`);
  return `${rows.length} names offered, first: ${rows.slice(0, 3).join('; ')}`;
});

await step('a .txt draft gets findings over plain LSP (language id "text")', ['start code-server'], async () => {
  const extDir = fs.readdirSync(path.join(runDir, 'extensions')).find((d) => /^sourcewise\./.test(d));
  const serverJs = extDir && path.join(runDir, 'extensions', extDir, 'dist/server.js');
  if (!serverJs || !fs.existsSync(serverJs)) fail('the installed extension has no dist/server.js');
  const rpc = await import(pathToFileURL(createRequire(path.join(REPO, 'package.json')).resolve('vscode-jsonrpc/node')).href);
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc.default ?? rpc;
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcewise-e2e-txt-'));
  const file = path.join(ws, 'notes.txt');
  const body = 'The meeting at the Dolmabahce Palace lasted three hours and ended without agreement on a ceasefire.\n';
  fs.writeFileSync(file, body);
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: ws, stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stdin.on('error', () => {});
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  conn.onError(() => {});
  conn.onClose(() => {});
  const published = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => published.push(p));
  conn.onNotification(() => undefined);
  conn.onRequest(() => null);
  conn.listen();
  try {
    const rootUri = pathToFileURL(ws).href;
    await conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'txt' }], capabilities: {} });
    await conn.sendNotification('initialized', {});
    const uri = pathToFileURL(file).href;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'text', version: 1, text: body } });
    const end = Date.now() + WAIT;
    let hit;
    while (!(hit = published.find((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'contradiction')))) {
      if (Date.now() > end) fail(`no contradiction for a .txt draft opened as "text": ${JSON.stringify(published.map((p) => p.diagnostics.map((d) => d.code)))}`);
      await sleep(100);
    }
    const d = hit.diagnostics.find((x) => x.code === 'contradiction');
    return `${path.relative(runDir, serverJs)}: ${d.message}`;
  } finally {
    await Promise.race([conn.sendRequest('shutdown').catch(() => {}), sleep(1500)]);
    await conn.sendNotification('exit').catch(() => {});
    await sleep(100);
    conn.dispose();
    if (proc.exitCode === null) proc.kill();
    fs.rmSync(ws, { recursive: true, force: true });
  }
});

if (opts.images) {
  const passed = new Set(results.filter((r) => r.ok).map((r) => r.name));
  const copies = [
    ['hover card on a name', '03-hover-card.png', 'hover-card.png'],
    ['Quick Fix replaces the contradicted figure', '05-quick-fix-menu.png', 'quick-fix.png'],
    ['citation completion inserts a footnote', '07-citation-completion-list.png', 'citation-completion.png'],
    ['fact sheet names its sources and opens them read-only', '09-fact-sheet-view.png', 'fact-sheet.png'],
    ['status menu turns checking off and on, and reindexing says what it did', '10-status-menu-widget.png', 'status-menu.png'],
    ['Getting Started walkthrough', '11-walkthrough.png', 'walkthrough.png'],
  ];
  fs.mkdirSync(IMAGES, { recursive: true });
  for (const [stepName, from, to] of copies) {
    if (passed.has(stepName) && fs.existsSync(path.join(OUT, from))) fs.copyFileSync(path.join(OUT, from), path.join(IMAGES, to));
  }
}
await finish();
