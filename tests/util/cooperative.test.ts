/** Long work as steps: at once for tools, in slices for a server that must keep answering. */
import { describe, expect, it } from 'vitest';
import { type Steps, drain, runInSlices } from '../../src/util/cooperative.js';

/** About `ms` of busy work per step, `n` steps; returns how many steps ran. */
function* busy(n: number, ms: number): Steps<number> {
  for (let i = 0; i < n; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield;
  }
  return n;
}

describe('cooperative steps', () => {
  it('drain runs every step and returns the value', () => {
    expect(drain(busy(5, 0))).toBe(5);
  });

  it('runInSlices gives timers their turn during the work, and returns the same value', async () => {
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 5);
    try {
      expect(await runInSlices(busy(60, 5), 20)).toBe(60);
    } finally {
      clearInterval(timer);
    }
    // 300 ms of work in 20 ms slices: the timer ran between them, never waiting for the whole.
    expect(ticks).toBeGreaterThan(5);
    expect(longest).toBeLessThan(150);
  });
});
