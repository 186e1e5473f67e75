/** Small text helpers the engine tests share: find lines, map positions, apply edits. */
import type { Position, TextEdit } from '../../src/engine/types';

/** 0-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length - 1;
}

/** Offset of a 0-based line/character position (LF line ends). */
export function offsetAt(text: string, p: Position): number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts[p.line]! + p.character;
}

/** The words a diagnostic (or anything with a range) covers. */
export function slice(text: string, d: { range: { start: Position; end: Position } }): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

/** Applies non-overlapping edits as an editor does: all positions refer to the original text. */
export function apply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(text, e.range.start)) + e.newText + out.slice(offsetAt(text, e.range.end));
  return out;
}
