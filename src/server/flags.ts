/**
 * Node flags the language server runs with: the extension starts it with them, and the
 * bench's warm starts run with them too.
 *
 * A young generation of 16 MB from the start: a warm start makes a few hundred thousand
 * long-lived objects in a fresh process, and with V8's default (1 MB, grown as it goes) the
 * collections that copy them took about 150 ms of a 600 ms warm start at 19,000 articles.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];
