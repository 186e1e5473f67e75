import type { Position, Range } from '../types';

/** Converts between UTF-16 offsets and 0-based line/character positions. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    // Line ends are \n, \r\n and \r; found with indexOf (each next one kept until passed).
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      let i: number;
      if (cr < 0 || (lf >= 0 && lf < cr)) i = lf;
      else {
        i = cr;
        if (text.charCodeAt(i + 1) === 10) i++;
      }
      starts.push(i + 1);
      if (lf >= 0 && lf <= i) lf = text.indexOf('\n', i + 1);
      if (cr >= 0 && cr <= i) cr = text.indexOf('\r', i + 1);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  offset(pos: Position): number {
    const start = this.lineStart(pos.line);
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}
