/** Builds dist/ (`node esbuild.mjs`) when a bundle the tests run is missing or older than src/. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** `bundle`: the file the tests need (dist/server.js, dist/cli.js); `stdio`: where esbuild's output goes. */
export function ensureBuilt(bundle = path.join(REPO, 'dist/server.js'), stdio: 'inherit' | 'pipe' = 'inherit'): void {
  if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(path.join(REPO, 'src'))) {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio });
  }
}
