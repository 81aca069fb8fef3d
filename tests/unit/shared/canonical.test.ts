import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical.js';

describe('canonical JSON', () => {
  it('gives the same bytes whatever the key order, with nested objects sorted too', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } });
    const b = canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });

  it('keeps Chinese text as it is and drops undefined fields', () => {
    expect(canonicalJson({ name: '王伟', gone: undefined })).toBe('{"name":"王伟"}');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

/** The first way it was written (entries filtered, sorted and mapped): the bytes every hash in a chain already depends on. */
function firstCanonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('non-finite');
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(firstCanonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${firstCanonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(typeof value);
}

describe('canonical JSON, as every stored hash was made', () => {
  it('gives the same bytes as the first way it was written, for any record', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('id', 'at', 'kind', '10', '2', '__proto__x', 'é', '王', '\u{1F600}', 'a\u0000b'));
    const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.string({ unit: 'binary' }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt());
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(fc.oneof(fc.constant(null), fc.integer(), fc.string(), tie('object')), { maxLength: 4 }),
      object: fc.dictionary(key, tie('node'), { maxKeys: 8 }),
    }));
    fc.assert(
      fc.property(value.object, (record) => {
        expect(canonicalJson(record)).toBe(firstCanonicalJson(record));
      }),
      { numRuns: 2000 },
    );
  });
});
