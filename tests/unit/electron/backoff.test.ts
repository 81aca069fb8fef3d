import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay, defaultBackoff } from '../../../electron/main/backoff.js';

describe('back-off policy', () => {
  it('waits 1 s, 2 s, 4 s … and never more than 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('grows while the thing keeps failing soon after starting', () => {
    let now = 0;
    const backoff = new Backoff(defaultBackoff, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      backoff.started();
      now += 5_000; // up for 5 s, then down again
      delays.push(backoff.failed());
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('starts again from 1 s after a stable minute', () => {
    let now = 0;
    const backoff = new Backoff(defaultBackoff, () => now);
    for (let i = 0; i < 4; i++) backoff.failed();
    backoff.started();
    now += 59_999;
    expect(backoff.failed()).toBe(16_000);
    backoff.started();
    now += 60_000;
    expect(backoff.failed()).toBe(1_000);
    expect(backoff.failed()).toBe(2_000);
  });

  it('does not reset on failures that never came up', () => {
    let now = 0;
    const backoff = new Backoff(defaultBackoff, () => now);
    backoff.failed();
    now += 600_000; // a long time, but it never said it started
    expect(backoff.failed()).toBe(2_000);
  });
});
