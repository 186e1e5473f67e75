/**
 * README's Neovim section, tried as written: the Lua block is taken from README.md (with only
 * `/path/to/sourcewise` replaced), loaded as init.lua into a headless Neovim, and a draft is opened
 * from another folder, the way the writer in issue 14 did. A script then does what the writer does:
 * waits for the findings, runs `vim.lsp.buf.code_action()` on a figure with curly quotes before it
 * (byte columns on Neovim 0.7), picks the fix, and opens a `.txt` draft.
 *
 * Needs `nvim`. When it is missing and this runs as root with apt-get (CI), Debian's `neovim` is
 * installed first; only when that is impossible is the test skipped, with a message saying so.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, REPO, SERVER } from '../robustness/harness/lsp';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() || undefined : undefined;
}

/** The Neovim to run: $SOURCEWISE_NVIM, else `nvim` on PATH, else Debian's package installed now (as root). */
function findNeovim(): { nvim?: string; why?: string } {
  if (process.env.SOURCEWISE_NVIM) return { nvim: process.env.SOURCEWISE_NVIM };
  const found = which('nvim');
  if (found) return { nvim: found };
  if (process.platform !== 'linux' || !which('apt-get')) return { why: 'no nvim on PATH and no apt-get to install it' };
  if (process.getuid?.() !== 0) return { why: 'no nvim on PATH, and not root, so Debian\'s neovim cannot be installed' };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'neovim'], { encoding: 'utf8', env, timeout: 300_000 });
  let r = install();
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env, timeout: 300_000 });
    r = install();
  }
  const after = which('nvim');
  return after ? { nvim: after } : { why: `apt-get install neovim failed: ${(r.stderr || r.stdout || String(r.error ?? '')).trim().split('\n').slice(-2).join(' | ')}` };
}

const { nvim, why } = findNeovim();
if (!nvim) {
  const bar = '!'.repeat(100);
  // eslint-disable-next-line no-console
  console.warn(`\n${bar}\n!! SKIPPED: README's Neovim snippet was NOT tried: ${why}.\n!! Install Debian's neovim (apt-get install neovim) or set SOURCEWISE_NVIM.\n${bar}\n`);
}

/** The Lua block of README's "### Neovim" section. */
function readmeSnippet(): string {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = /^### Neovim\n([\s\S]*?)(?=^##)/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "### Neovim" section');
  const lua = /```lua\n([\s\S]*?)```/.exec(section)?.[1];
  if (!lua) throw new Error('README\'s Neovim section has no ```lua block');
  return lua;
}

/** What the script in Neovim reports (see DRIVER). */
interface Report {
  version: string;
  cwd: string;
  clients: { name: string; root?: string; folders?: string[] }[];
  draft: { code?: string; message: string; lnum: number; col: number }[];
  actions?: string[];
  applied?: string;
  after?: string;
  txt: { code?: string; message: string }[];
  errors: string[];
}

// What the writer does, as a script: wait for findings, ask for code actions on the contradiction
// (choosing through vim.ui.select as a picker would), then open the .txt draft.
const DRIVER = String.raw`
local report = { errors = {}, draft = {}, txt = {}, clients = {} }
local v = vim.version()
report.version = v.major .. '.' .. v.minor .. '.' .. v.patch
report.cwd = vim.fn.getcwd()
local function finish()
  local f = io.open(SOURCEWISE_REPORT, 'w')
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  local draft = vim.api.nvim_get_current_buf()
  local function has(buf, code)
    for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == code then return d end end
  end
  if not vim.wait(60000, function() return has(draft, 'contradiction') ~= nil end, 50) then
    table.insert(report.errors, 'no contradiction on the draft within 60 s')
  end
  for _, c in ipairs(vim.lsp.get_active_clients()) do
    local folders = {}
    for _, f in ipairs(c.workspace_folders or {}) do table.insert(folders, f.name) end
    table.insert(report.clients, { name = c.name, root = c.config.root_dir, folders = folders })
  end
  for _, d in ipairs(vim.diagnostic.get(draft)) do
    table.insert(report.draft, { code = d.code, message = d.message, lnum = d.lnum, col = d.col })
  end
  local d = has(draft, 'contradiction')
  if d then
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local before = table.concat(vim.api.nvim_buf_get_lines(draft, 0, -1, false), '\n')
    vim.ui.select = function(items, _, on_choice)
      report.actions = {}
      local pick
      for i, item in ipairs(items) do
        local action = item.action or item[2] or item
        report.actions[i] = action.title
        if not pick and action.title:match('^Use the sourced figure') then pick = i end
      end
      if pick then report.applied = report.actions[pick]; on_choice(items[pick], pick) else on_choice(nil, nil) end
    end
    vim.lsp.buf.code_action()
    vim.wait(15000, function() return report.actions ~= nil end, 50)
    vim.wait(5000, function() return table.concat(vim.api.nvim_buf_get_lines(draft, 0, -1, false), '\n') ~= before end, 50)
    report.after = table.concat(vim.api.nvim_buf_get_lines(draft, 0, -1, false), '\n')
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(SOURCEWISE_TXT))
  local txt = vim.api.nvim_get_current_buf()
  if not vim.wait(30000, function() return has(txt, 'contradiction') ~= nil end, 50) then
    table.insert(report.errors, 'no contradiction on the .txt draft within 30 s')
  end
  for _, x in ipairs(vim.diagnostic.get(txt)) do table.insert(report.txt, { code = x.code, message = x.message }) end
end)
if not ok then table.insert(report.errors, tostring(err)) end
finish()
`;

const FIXTURES = path.join(REPO, 'test/server/fixtures/sources');
// Curly quotes before the figure: three bytes each in UTF-8, one UTF-16 unit.
const DRAFT = '# Bridge\n\n\u201CA new crossing,\u201D she said. The bridge cost $60 million, according to Mayor Elena Ruiz.\n';
const TXT = 'Port Alden opened its harbour bridge on Tuesday. The bridge cost $55 million, according to Mayor Elena Ruiz.\n';

describe.skipIf(!nvim)(`README's Neovim snippet in a headless Neovim (${nvim ?? 'none'})`, () => {
  let tmp: string;
  let report: Report;
  let stderr = '';

  beforeAll(() => {
    ensureBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'sourcewise-nvim-'));
    const project = path.join(tmp, 'project');
    mkdirSync(path.join(project, 'sources'), { recursive: true });
    mkdirSync(path.join(project, 'drafts'));
    for (const f of ['harbor-gazette.md', 'coastal-times.md']) copyFileSync(path.join(FIXTURES, f), path.join(project, 'sources', f));
    writeFileSync(path.join(project, 'drafts', 'draft.md'), DRAFT);
    writeFileSync(path.join(project, 'drafts', 'notes.txt'), TXT);
    const elsewhere = path.join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    const home = path.join(tmp, 'home');
    mkdirSync(home);

    const init = readmeSnippet().replace(/\/path\/to\/sourcewise/g, REPO);
    expect(init).toContain(SERVER);
    writeFileSync(path.join(tmp, 'init.lua'), init);
    const out = path.join(tmp, 'report.json');
    writeFileSync(
      path.join(tmp, 'driver.lua'),
      `SOURCEWISE_REPORT = ${JSON.stringify(out)}\nSOURCEWISE_TXT = ${JSON.stringify(path.join(project, 'drafts', 'notes.txt'))}\n${DRIVER}`,
    );
    // The draft is opened from another folder: the root must come from the file, not from the current directory.
    const r = spawnSync(
      nvim!,
      ['--headless', '-n', '-i', 'NONE', '-u', path.join(tmp, 'init.lua'), path.join(project, 'drafts', 'draft.md'), '-c', `luafile ${path.join(tmp, 'driver.lua')}`],
      {
        cwd: elsewhere,
        encoding: 'utf8',
        timeout: 150_000,
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_STATE_HOME: path.join(home, '.local/state'), XDG_CACHE_HOME: path.join(home, '.cache') },
      },
    );
    stderr = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
    if (!existsSync(out)) throw new Error(`Neovim wrote no report (exit ${r.status}, signal ${r.signal}):\n${r.stdout}\n${stderr}`);
    report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  }, 200_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('runs without errors', () => {
    expect(report.errors, stderr).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(`[neovim] ${nvim}: Neovim ${report.version}`);
  });

  it('finds the project from the draft, not from the current directory', () => {
    const project = path.join(tmp, 'project');
    expect(report.cwd).toBe(path.join(tmp, 'elsewhere'));
    const clients = report.clients.filter((c) => c.name === 'sourcewise');
    expect(clients).toHaveLength(1);
    expect(clients[0]!.root).toBe(project);
    // Its own sources, not the bundled seeds: the finding cites the made-up outlets.
    const contradiction = report.draft.find((d) => d.code === 'contradiction');
    expect(contradiction?.message).toMatch(/\$42 million/);
    expect(contradiction?.message).toMatch(/Harbor Gazette|Coastal Times/);
  });

  it('offers the fix and "Accept this claim" once through vim.lsp.buf.code_action(), and the fix lands on the figure', () => {
    expect(report.actions, JSON.stringify(report)).toBeDefined();
    expect(report.actions!.filter((t) => /^Accept this claim/.test(t)), JSON.stringify(report, null, 1)).toHaveLength(1);
    expect(report.applied).toMatch(/^Use the sourced figure: \$42 million/);
    expect(report.after).toBe(DRAFT.replace('$60 million', '$42 million').replace(/\n$/, ''));
  });

  it('checks a .txt draft (language id "text")', () => {
    expect(report.txt.map((d) => d.code)).toContain('contradiction');
  });
});
