import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../electron/hub/http/json-depth.js';

/** How deeply a parsed JSON value nests objects and arrays (a scalar is 0). */
const depthOf = (value: unknown): number =>
  value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value as object).map(depthOf)) : 0;

describe('nesting depth of a JSON text, without parsing it', () => {
  it('agrees with the depth of the parsed value, for any JSON, at any limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, limit) => {
        expect(nestsDeeperThan(JSON.stringify(value), limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{"\\"[[[[' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify(['\\', [['x']]]), 2)).toBe(true);
  });

  it('stops at the first level too deep, however long the text', () => {
    expect(nestsDeeperThan('['.repeat(1_000_000), 20)).toBe(true);
  });
});
