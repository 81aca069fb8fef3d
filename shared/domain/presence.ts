/** The rules of the door, free of storage and transport. Pure: runs anywhere. */
import type { PresenceKind } from '../contract/presence.js';

export type Direction = PresenceKind | 'toggle';

export type DoorDecision = { ok: true; kind: PresenceKind } | { ok: false; code: 'already_signed_in' | 'not_signed_in' };

/**
 * What the door does for a person whose latest event is `last` (undefined: never seen).
 * Signing in twice, or out without being in, is refused rather than recorded.
 */
export function decideDoor(direction: Direction, last: PresenceKind | undefined): DoorDecision {
  const isIn = last === 'in';
  if (direction === 'toggle') return { ok: true, kind: isIn ? 'out' : 'in' };
  if (direction === 'in' && isIn) return { ok: false, code: 'already_signed_in' };
  if (direction === 'out' && !isIn) return { ok: false, code: 'not_signed_in' };
  return { ok: true, kind: direction };
}

export interface PinPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export const defaultPinPolicy: PinPolicy = { maxFailures: 5, lockMinutes: 15 };

/** After one more wrong PIN: how many tries are left, and until when the person is locked if none. */
export function afterWrongPin(
  failuresBefore: number,
  now: number,
  policy: PinPolicy = defaultPinPolicy,
): { failures: number; remaining: number; lockedUntil: number | null } {
  const failures = failuresBefore + 1;
  if (failures >= policy.maxFailures) {
    return { failures: 0, remaining: 0, lockedUntil: now + policy.lockMinutes * 60_000 };
  }
  return { failures, remaining: policy.maxFailures - failures, lockedUntil: null };
}
