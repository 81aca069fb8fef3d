import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../shared/contract/index.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const counts = async () =>
  t.hub.db.get<{ events: number; audit: number; people: number }>(
    'SELECT (SELECT count(*) FROM presence_events) AS events, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM people) AS people',
  );

// Inputs a broken or hostile client might send: wrong types, missing and extra fields, near-misses.
const nearMiss = fc.oneof(
  fc.record({ badge: fc.oneof(fc.string(), fc.integer(), fc.constant(''), fc.string({ minLength: 129, maxLength: 300 })) }),
  fc.record({ employeeNo: fc.oneof(fc.string(), fc.integer(), fc.constant('10 01')), pin: fc.oneof(fc.string(), fc.integer(), fc.constant('12a4')) }),
  fc.record({ badge: fc.string(), employeeNo: fc.string(), pin: fc.string() }),
  fc.record({ code: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) }),
);
const anyInput = fc.oneof(fc.anything({ maxDepth: 3 }), nearMiss);

describe('malformed input', () => {
  for (const method of methodNames) {
    it(`${method}: always a 4xx with a readable message, never a 5xx, nothing changed`, async () => {
      const before = await counts();
      // Only inputs the contract refuses, as they arrive on the wire, are malformed: a valid one
      // (say `{}` for a read; an empty body or `null` counts as `{}`) is not.
      const onTheWire = (input: unknown) => {
        const text = JSON.stringify(input);
        return text === undefined ? {} : ((JSON.parse(text) as unknown) ?? {});
      };
      const malformed = anyInput.filter((input) => !contract[method].input.safeParse(onTheWire(input)).success);
      await fc.assert(
        fc.asyncProperty(malformed, async (input) => {
          const res = await t.call(method, input, 'admin');
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(typeof res.body.error.message).toBe('string');
          expect(res.body.error.message.length).toBeGreaterThan(3);
        }),
        { numRuns: 150 },
      );
      expect(await counts()).toEqual(before);
    });
  }
});
