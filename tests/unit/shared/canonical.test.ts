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
