/** Generated news-like sources for tests that need a large corpus: the seeds' sentences remixed. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rng } from './random';

export const SEEDS = path.resolve(__dirname, '../../seeds');

/**
 * `count` articles of 30 sentences each, drawn from the seeds (one line each), a fifth of
 * them with a figure changed; the same articles for the same `seed`.
 */
export function remixedArticles(count: number, seed: number): string[][] {
  const sentences = readdirSync(SEEDS).flatMap((f) =>
    readFileSync(path.join(SEEDS, f), 'utf8')
      .split(/(?<=[.!?])\s+/)
      .filter((x) => x.length > 30 && !x.includes('\n')),
  );
  const r = rng(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 30 }, () => {
      const t = sentences[Math.floor(r() * sentences.length)]!;
      return r() < 0.2 ? t.replace(/\b(\d+)\b/, (x) => String(Number(x) + 1 + Math.floor(r() * 9))) : t;
    }),
  );
}
