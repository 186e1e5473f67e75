export { readSources, decodeText, SOURCE_EXTENSIONS, type ReadSourcesOptions, type ReadSourcesResult, type DecodeResult } from './read';
export { parseSource, sourceKind, intersectSpans, type SourceKind } from './parse';
export { decodeEntities, htmlToText } from './entities';
export { scanHtml, type HtmlScan } from './html';
export { filterBoilerplate, lineSegments, isJunkLine, isCueLine, isCrossLink } from './boilerplate';
export { parseDate, inferDate, inferOutlet, inferTitle, outletFromCopyright } from './metadata';
export { readFrontMatter } from './frontmatter';
