// Entry bundled by bench/run.mjs into dist/bench-engine.js: the engine plus fuse.js for the baseline.
export { Corpus } from '../src/engine/corpus';
export { draftSentences } from '../src/engine/sentences';
export { default as Fuse } from 'fuse.js';
