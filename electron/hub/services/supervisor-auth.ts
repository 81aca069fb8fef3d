/**
 * Who authorises a change on the admin screens: a supervisor or the department head (person role
 * supervisor or admin), by PIN with the lockout, or by the ticket their PIN opened the admin screens
 * with. Runs in: the hub.
 */
import { ApiError, type SupervisorAuth } from '../../../shared/contract/index.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { findPersonById, type PersonRow } from '../db/stores/people.js';
import type { PinCheck } from './pin-check.js';
import type { TicketStore } from './tickets.js';

export interface SupervisorAuthDeps {
  db: Database;
  clock: Clock;
  checkPin: PinCheck;
  tickets: TicketStore;
}

const supervisorRoles = new Set(['supervisor', 'admin']);
/** The admin screens stay open this long without use, and never longer than a working day. */
export const adminIdleMs = 15 * 60_000;
export const adminMaxMs = 8 * 60 * 60_000;

export function createSupervisorAuth({ db, clock, checkPin, tickets }: SupervisorAuthDeps) {
  async function byPin(employeeNo: string, pin: string, caller: Caller): Promise<PersonRow> {
    const person = await checkPin(employeeNo, pin, caller);
    if (!supervisorRoles.has(person.role)) throw new ApiError('supervisor_pin_required');
    return person;
  }

  return {
    async unlock(input: { employeeNo: string; pin: string }, caller: Caller) {
      const person = await byPin(input.employeeNo, input.pin, caller);
      const deviceId = caller.device?.id ?? null;
      const { ticket, expiresAt } = tickets.issue('admin', person.id, deviceId, { ttlMs: adminIdleMs, maxLifeMs: adminMaxMs });
      const at = clock.now();
      // The audit log records every time a supervisor opens the admin screens.
      await db.transaction((tx) =>
        appendAudit(tx, { at, actor: actorOf(caller), action: 'admin.unlock', entity: 'people', entityId: person.id, record: { person_id: person.id, device_id: deviceId } }),
      );
      return {
        ticket,
        expiresAt: toInstant(expiresAt),
        person: { employeeNo: person.employee_no, name: person.name, team: person.team, role: person.role },
      };
    },

    lock: (ticket: string) => tickets.revoke(ticket),

    /** The supervisor behind `auth`, still active and still a supervisor or admin; or a refusal. */
    async authorise(auth: SupervisorAuth, caller: Caller): Promise<PersonRow> {
      if ('pin' in auth) return byPin(auth.employeeNo, auth.pin, caller);
      const personId = tickets.redeem('admin', auth.ticket, caller.device?.id ?? null, { consume: false });
      if (personId === null) throw new ApiError('admin_session_expired');
      const person = await findPersonById(db, personId);
      // Deactivated or no longer a supervisor since the PIN was typed: the ticket ends here.
      if (!person?.active || !supervisorRoles.has(person.role)) {
        tickets.revoke(auth.ticket);
        throw new ApiError('admin_session_expired');
      }
      return person;
    },
  };
}

export type SupervisorAuthService = ReturnType<typeof createSupervisorAuth>;
