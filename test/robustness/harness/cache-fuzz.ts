/**
 * The persistent index's fault suite, run in a child process (bundled by cache.test.ts) so that
 * a crash the process cannot catch (a native assertion) is seen as such: checksum-valid edits
 * of a sound index file (the edit made, then every section's CRC-32 and the header's computed
 * again), each followed by a warm load and a check, and a second load to see the file was
 * rebuilt. Prints one JSON line of outcomes.
 *
 * argv: <seeds dir> <work dir> <edits per class> <seed>
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Corpus } from '../../../src/engine/corpus';

const [seedsDir, work, perClassArg, seedArg] = process.argv.slice(2) as [string, string, string, string];
const perClass = Number(perClassArg);
let seed = Number(seedArg) >>> 0 || 1;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DRAFT = [
  'Russian and Ukrainian officials met face to face in Istanbul on Friday for the first time since 2022.',
  'The talks lasted three hours, according to a Turkish official.',
  'Ukraine\'s delegation was led by Foreign Minister Rustem Umerov.',
  '"We are ready for a ceasefire," Zelensky said.',
  'The two sides agreed to exchange 1,000 prisoners of war each.',
].join(' ');

const sources = path.join(work, 'sources');
mkdirSync(sources, { recursive: true });
for (const f of readdirSync(seedsDir)) copyFileSync(path.join(seedsDir, f), path.join(sources, f));
const cacheDir = path.join(work, 'cache');

interface Outcome {
  cls: string;
  edit: string;
  /** 'ok' | 'threw: …' */
  result: string;
  same: boolean;
  warnings: number;
  /** The load after: no warning and the same findings as the sound file (the file was rebuilt sound). */
  healed: boolean;
  /** The load after: no warning and the same findings as this load (read the same way again). */
  stable: boolean;
  /** The warnings of the load (shortened). */
  messages: string[];
}

async function run(): Promise<{ findings: string; warnings: string[] }> {
  const warnings: string[] = [];
  const { corpus } = await Corpus.load([sources], { cacheDir, onWarning: (m) => warnings.push(m), searchThread: false });
  await corpus.verifySources();
  const findings = JSON.stringify(corpus.check(DRAFT));
  // What the command line does at its end: damage found after loading is written back sound.
  await corpus.persist();
  return { findings, warnings };
}

async function main(): Promise<void> {
  const ref = await run();
  const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.bin'))!);
  const pristine = readFileSync(file);
  const FIXED = 32;
  const count = pristine.readUInt32LE(12);
  const sections = Array.from({ length: count }, (_, k) => ({ at: FIXED + 24 * k, off: pristine.readDoubleLE(FIXED + 24 * k), len: pristine.readDoubleLE(FIXED + 24 * k + 8) }));
  const reseal = (b: Buffer) => {
    for (const s of sections) {
      const off = b.readDoubleLE(s.at);
      const len = b.readDoubleLE(s.at + 8);
      if (Number.isSafeInteger(off) && Number.isSafeInteger(len) && off >= 0 && len >= 0 && off + len <= b.length) b.writeUInt32LE(zlib.crc32(b.subarray(off, off + len)) >>> 0, s.at + 16);
    }
    const crcAt = FIXED + count * 24;
    b.writeUInt32LE(zlib.crc32(b.subarray(0, crcAt)) >>> 0, crcAt);
  };
  const classes: [string, (b: Buffer) => string][] = [
    [
      'header: a section place or length',
      (b) => {
        const s = sections[Math.floor(rnd() * count)]!;
        const values = [2 ** 31, 2 ** 32, 2 ** 53, -1, 0.5, NaN, 1e300, s.len + 8, s.len - 8, 0, s.off - 8, s.off + 8];
        const v = values[Math.floor(rnd() * values.length)]!;
        const field = rnd() < 0.5 ? 8 : 0;
        b.writeDoubleLE(v, s.at + field);
        return `section ${sections.indexOf(s)} ${field ? 'length' : 'offset'} = ${v}`;
      },
    ],
    ...sections.map((s, k): [string, (b: Buffer) => string] => [
      `section ${k}: 1-3 bytes in its first 4 KB (lengths, the skeleton)`,
      (b) => {
        const at = [0, 1, 2].slice(0, 1 + Math.floor(rnd() * 3)).map(() => Math.floor(rnd() * Math.min(4096, s.len)));
        for (const a of at) b[s.off + a] = Math.floor(rnd() * 256);
        return `+${at.join(',')}`;
      },
    ]),
    ...sections.map((s, k): [string, (b: Buffer) => string] => [
      `section ${k}: 1-3 bytes anywhere`,
      (b) => {
        const at = [0, 1, 2].slice(0, 1 + Math.floor(rnd() * 3)).map(() => Math.floor(rnd() * s.len));
        for (const a of at) b[s.off + a] = Math.floor(rnd() * 256);
        return `+${at.join(',')}`;
      },
    ]),
  ];
  const outcomes: Outcome[] = [];
  for (const [cls, edit] of classes) {
    for (let i = 0; i < perClass; i++) {
      const b = Buffer.from(pristine);
      const what = edit(b);
      reseal(b);
      writeFileSync(file, b);
      let result = 'ok';
      let same = false;
      let warnings = 0;
      let findings = '';
      let messages: string[] = [];
      try {
        const r = await run();
        findings = r.findings;
        same = r.findings === ref.findings;
        warnings = r.warnings.length;
        messages = r.warnings.map((w) => w.slice(0, 240));
      } catch (err) {
        result = `threw: ${(err as Error).message} @ ${((err as Error).stack ?? "").split("\n").slice(1, 4).join(" | ")}`;
      }
      let healed = false;
      let stable = false;
      try {
        const again = await run();
        healed = again.warnings.length === 0 && again.findings === ref.findings;
        stable = again.warnings.length === 0 && again.findings === findings;
      } catch {
        healed = false;
      }
      outcomes.push({ cls, edit: what, result, same, warnings, healed, stable, messages });
      writeFileSync(file, pristine);
    }
  }
  // Exit once the output is out: a pipe takes it asynchronously (see issue 13, defect 1).
  await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(outcomes)}\n`, () => resolve()));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(3);
  },
);
