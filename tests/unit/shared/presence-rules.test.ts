import { describe, expect, it } from 'vitest';
import { afterWrongPin, decideDoor } from '../../../shared/domain/presence.js';

describe('the door', () => {
  it('signs in whoever is out, refuses a second sign-in', () => {
    expect(decideDoor('in', undefined)).toEqual({ ok: true, kind: 'in' });
    expect(decideDoor('in', 'out')).toEqual({ ok: true, kind: 'in' });
    expect(decideDoor('in', 'in')).toEqual({ ok: false, code: 'already_signed_in' });
  });

  it('signs out whoever is in, refuses signing out someone who is not in', () => {
    expect(decideDoor('out', 'in')).toEqual({ ok: true, kind: 'out' });
    expect(decideDoor('out', 'out')).toEqual({ ok: false, code: 'not_signed_in' });
    expect(decideDoor('out', undefined)).toEqual({ ok: false, code: 'not_signed_in' });
  });

  it('toggles on one scan', () => {
    expect(decideDoor('toggle', undefined)).toEqual({ ok: true, kind: 'in' });
    expect(decideDoor('toggle', 'in')).toEqual({ ok: true, kind: 'out' });
    expect(decideDoor('toggle', 'out')).toEqual({ ok: true, kind: 'in' });
  });
});

describe('PIN lockout', () => {
  const now = Date.parse('2026-11-26T01:00:00Z');
  it('counts down the tries and locks on the fifth wrong PIN for the policy minutes', () => {
    const policy = { maxFailures: 5, lockMinutes: 15 };
    expect(afterWrongPin(0, now, policy)).toEqual({ failures: 1, remaining: 4, lockedUntil: null });
    expect(afterWrongPin(3, now, policy)).toEqual({ failures: 4, remaining: 1, lockedUntil: null });
    expect(afterWrongPin(4, now, policy)).toEqual({ failures: 0, remaining: 0, lockedUntil: now + 15 * 60_000 });
  });
});
