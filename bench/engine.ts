// Entry bundled by bench/run.mjs into dist/bench-engine.js: the engine plus fuse.js for the baseline.
export { Corpus } from '../src/engine/corpus';
export { draftSentences } from '../src/engine/sentences';
export { SERVER_NODE_FLAGS } from '../src/server/flags';
export { default as Fuse } from 'fuse.js';
