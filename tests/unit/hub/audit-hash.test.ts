import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../electron/hub/db/stores/audit.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';

describe("an audit entry's hash", () => {
  it('is the SHA-256 of its canonical JSON, for any entry (so anyone can recompute it)', () => {
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1 }),
          at: fc.integer({ min: 0, max: 2 ** 50 }),
          actor: fc.string(),
          action: fc.string(),
          entity: fc.string(),
          entity_id: fc.option(fc.string(), { nil: null }),
          record_hash: fc.string(),
          prev_hash: fc.string(),
        }),
        (entry) => {
          expect(entryHash(entry)).toBe(createHash('sha256').update(canonicalJson(entry)).digest('hex'));
        },
      ),
    );
  });
});
