export { splitSentences, type SplitOptions } from './split';
export { proseSpans, draftSentences, frontMatterEnd } from './markdown';
