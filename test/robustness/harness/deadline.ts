/**
 * Runs engine functions in a worker thread with a hard deadline per input, so a
 * catastrophic regex or a quadratic loop fails the test (the worker is terminated)
 * instead of hanging the whole test run.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

const REPO = path.resolve(__dirname, '../../..');
export const SEEDS_DIR = path.join(REPO, 'seeds');
let bundle: Promise<string> | undefined;

/** Bundles harness/engine-entry.ts once per test file into os.tmpdir(). */
export function engineBundle(): Promise<string> {
  bundle ??= (async () => {
    const outfile = path.join(os.tmpdir(), `sourcewise-robust-engine-${process.pid}-${Date.now()}.cjs`);
    await build({
      entryPoints: [path.join(__dirname, 'engine-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      // As esbuild.mjs: regex literals with \p{…} stay literals.
      supported: { 'regexp-unicode-property-escapes': true },
      outfile,
      logLevel: 'error',
    });
    return outfile;
  })();
  return bundle;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { FUNCTIONS } = require(workerData.bundle);
const fn = FUNCTIONS[workerData.fn];
for (const [name, input] of workerData.inputs) {
  parentPort.postMessage({ start: name });
  const t0 = performance.now();
  const result = fn(input, workerData.seeds);
  parentPort.postMessage({ done: name, ms: performance.now() - t0, result });
}
parentPort.postMessage({ end: true });
`;

export interface Timing {
  name: string;
  ms: number;
  result: number;
}

/**
 * Calls FUNCTIONS[fn] on each input in turn; rejects naming the input that did not
 * return within `deadlineMs` (or threw), else resolves with each input's time.
 */
export async function runWithDeadline(fn: string, inputs: [string, string][], deadlineMs: number): Promise<Timing[]> {
  const file = await engineBundle();
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: { bundle: file, fn, inputs, seeds: SEEDS_DIR } });
    const timings: Timing[] = [];
    let current = '(startup)';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        void w.terminate();
        reject(new Error(`${fn}(${current}) did not return within ${deadlineMs / 1000} s`));
      }, deadlineMs);
    };
    arm();
    w.on('message', (m: { start?: string; done?: string; ms?: number; result?: number; end?: boolean }) => {
      if (m.start) {
        current = m.start;
        arm();
      } else if (m.done) timings.push({ name: m.done, ms: m.ms!, result: m.result! });
      else if (m.end) {
        clearTimeout(timer);
        void w.terminate();
        resolve(timings);
      }
    });
    w.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${fn}(${current}) threw: ${err.stack ?? err.message}`));
    });
  });
}
