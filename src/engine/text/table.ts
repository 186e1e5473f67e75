/**
 * A lookup table of words with no prototype: `table[word]` is undefined for
 * "constructor", "__proto__" and the other names every plain object has.
 */
export function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
