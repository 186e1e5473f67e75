/**
 * Text taken from a source into a draft (a fix's replacement, a footnote's excerpt, an
 * outlet or title) as plain text: one line, no control characters, and escaped so that
 * Markdown shows it as written instead of reading links, images, HTML, emphasis or code in it.
 * A source is not the writer's: whatever markup its text holds must not become live in the
 * draft, its preview, or the article published from it.
 */

/**
 * Characters removed: C0 and C1 controls, DEL, the byte-order mark, and the bidirectional
 * controls that reorder how the text around them is shown.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufeff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line breaks and other spacing controls: each run of them with spaces becomes one space. */
const BREAKS = /[\t\n\u000b\u000c\r\u0085\u2028\u2029 ]+/g;

/** One line of text: controls removed, line breaks and runs of spaces made one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(BREAKS, ' ').trim();
}

/** An HTML entity or character reference (`&amp;`, `&#60;`, `&#x3C;`), which Markdown would decode. */
const ENTITY = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;

/**
 * `text` as plain text for a Markdown draft (see the top of this file). Backslash escapes, which
 * every Markdown renderer drops when it shows the text:
 * - always `\` `` ` `` `*` `[` `]` `<` `>` `~` `|` (code spans, emphasis, links and images,
 *   footnote markers, HTML and autolinks, strikethrough, table cells), `_` where it is not
 *   inside a word, and `&` where it starts an entity;
 * - at the start, what would start a block (`#`, `+`, `-`, `=`, `1.`) or, after a `]` already in
 *   the draft, a link's target (`(`); at the end a `!`, which before a `[` would make an image.
 */
export function draftText(text: string): string {
  let t = oneLine(text)
    .replace(/[\\`*[\]<>~|]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(ENTITY, '\\&');
  // What would start a block at the start of a line: an ATX heading, a list item, a setext
  // underline; and `(` (after a `]` already in the draft it would be a link's target).
  const block = /^(?:#{1,6}(?=\s|$)|[-+](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|[=-]+$|\()/.exec(t);
  if (block) {
    const digits = /^\d+$/.test(block[0]);
    t = digits ? `${block[0]}\\${t.slice(block[0].length)}` : `\\${t}`;
  }
  if (t.endsWith('!')) t = `${t.slice(0, -1)}\\!`;
  return inertUrls(t);
}

/**
 * Addresses GitHub-flavoured Markdown and markdown-it's linkify make links of without `<>` (a
 * scheme's `://`, `www.`, an e-mail address) made inert: a backslash before the characters
 * they are recognised by (shown as they are), wherever they occur: `:` and `/` before `//`,
 * the `.` of a word-initial `www.`, and `@` between word characters. File names and prose
 * (`gazette.md`, `3.5`, `U.S.`) keep their dots.
 */
export function inertUrls(escaped: string): string {
  return escaped
    .replace(/(?<!\\):(?=\/\/)/g, '\\:')
    .replace(/(?<![\\/])\/(?=\/)/g, '\\/')
    .replace(/(?<![\p{L}\p{N}_])(www)\./giu, '$1\\.')
    .replace(/(?<=[\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_-])/gu, '\\@');
}

/**
 * A file path as a Markdown link target: percent-encoded as a URI path, with the characters
 * that would end the target early or change what it points at (`(` `)` `[` `]` `'` `#` `?`)
 * encoded too.
 */
export function pathTarget(filePath: string): string {
  // encodeURI throws on a lone surrogate; a file name holding one shows U+FFFD.
  const wellFormed = filePath.replace(INVISIBLE, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const encoded = encodeURI(wellFormed).replace(/[()'[\]#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  // A colon in a relative path's first part would make it a scheme (`javascript:…`): encoded
  // everywhere but after a drive letter.
  return encoded.replace(/:/g, (c, at: number) => (/^\/?[A-Za-z]$/.test(encoded.slice(0, at)) ? c : '%3A'));
}

/** A URI (already encoded) as a Markdown link target: only what would end it early is encoded. */
export function uriTarget(uri: string): string {
  return uri.replace(INVISIBLE, '').replace(/[\s<>()[\]"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
