/**
 * Who is this, by employee number and PIN — with the lockout. Used wherever a PIN authorises
 * something: signing in, starting or ending an emergency, admin screens. Runs in: the hub.
 */
import { ApiError } from '../../../shared/contract/index.js';
import { afterWrongPin } from '../../../shared/domain/presence.js';
import { verifyPin } from '../auth/pin.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { findPersonByEmployeeNo, setPinFailures, type PersonRow } from '../db/stores/people.js';
import type { SettingsSource } from './settings.js';

export interface PinCheckDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
}

export function createPinCheck({ db, clock, settings }: PinCheckDeps) {
  async function recordWrongPin(person: PersonRow, caller: Caller): Promise<never> {
    const policy = await settings.current();
    const outcome = await db.transaction(async (tx) => {
      // Re-read inside the transaction: two wrong PINs at once both count.
      const fresh = await tx.get<{ failed_pins: number }>('SELECT failed_pins FROM people WHERE id = ?', [person.id]);
      const now = clock.now();
      const next = afterWrongPin(fresh?.failed_pins ?? 0, now, { maxFailures: policy.pinMaxFailures, lockMinutes: policy.pinLockMinutes });
      await setPinFailures(tx, person.id, next.failures, next.lockedUntil, now);
      await appendAudit(tx, {
        at: now,
        actor: actorOf(caller),
        action: next.lockedUntil ? 'pin.locked' : 'pin.failed',
        entity: 'people',
        entityId: person.id,
        record: { id: person.id, failed_pins: next.failures, locked_until: next.lockedUntil },
      });
      return next;
    });
    if (outcome.lockedUntil) throw new ApiError('pin_locked', { until: toInstant(outcome.lockedUntil) });
    throw new ApiError('wrong_pin', { remaining: outcome.remaining });
  }

  /** The active person behind an employee number and PIN, or a refusal (unknown, locked, wrong PIN). */
  return async function checkPin(employeeNo: string, pin: string, caller: Caller): Promise<PersonRow> {
    const person = await findPersonByEmployeeNo(db, employeeNo);
    if (!person) throw new ApiError('unknown_person');
    if (!person.active) throw new ApiError('person_inactive');
    if (!person.pin_hash) throw new ApiError('pin_not_set');
    const now = clock.now();
    if (person.locked_until != null && person.locked_until > now) {
      throw new ApiError('pin_locked', { until: toInstant(person.locked_until) });
    }
    if (!(await verifyPin(pin, person.pin_hash))) await recordWrongPin(person, caller);
    if (person.failed_pins > 0 || person.locked_until != null) {
      await db.transaction(async (tx) => {
        await setPinFailures(tx, person.id, 0, null, now);
        await appendAudit(tx, { at: now, actor: actorOf(caller), action: 'pin.reset_failures', entity: 'people', entityId: person.id, record: { id: person.id, failed_pins: 0 } });
      });
    }
    return person;
  };
}

export type PinCheck = ReturnType<typeof createPinCheck>;
