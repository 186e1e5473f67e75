import { describe, expect, it } from 'vitest';
import { Costs } from '../../../src/engine/check/searches';

/** Keeps the thread busy for about `ms` (what a search or a sentence's checks cost). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
}

describe('whether the checking thread takes a search over from the search thread', () => {
  it('does until it has measured what its own work costs', () => {
    const c = new Costs();
    expect(c.worthTaking(0, 1000)).toBe(true);
    c.timeSearch(() => spin(2));
    expect(c.worthTaking(0, 1000)).toBe(true);
  });

  it('does while the search thread has more left than it has, and waits after', () => {
    const c = new Costs();
    for (let i = 0; i < 3; i++) {
      c.timeSearch(() => spin(4));
      c.timeCheck(() => spin(1));
    }
    // Ten searches of about 4 ms left to the search thread, five sentences of about 1 ms here.
    expect(c.worthTaking(10, 5)).toBe(true);
    // One search left there, twenty sentences here: the search thread would sit idle at the end.
    expect(c.worthTaking(1, 20)).toBe(false);
  });

  it('gives what it times back', () => {
    const c = new Costs();
    expect(c.timeSearch(() => 7)).toBe(7);
    expect(c.timeCheck(() => 'x')).toBe('x');
  });
});
