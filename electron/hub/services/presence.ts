/** Sign-in, sign-out and who is on site. Runs in: the hub. */
import { ApiError, type Credential, type OnSite, type PresenceResult } from '../../../shared/contract/index.js';
import { decideDoor, type Direction } from '../../../shared/domain/presence.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { findPersonByBadge, type PersonRow } from '../db/stores/people.js';
import { insertPresenceEvent, lastPresenceEvent, onSitePeople, type PresenceEventRow } from '../db/stores/presence.js';
import type { EventBus } from '../events.js';
import type { PinCheck } from './pin-check.js';

export interface PresenceDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  checkPin: PinCheck;
}

export function createPresenceService({ db, clock, events, checkPin }: PresenceDeps) {
  /** Finds the person behind a credential, checking the PIN (with lockout) where one was given. */
  async function identify(credential: Credential, caller: Caller): Promise<{ person: PersonRow; method: 'badge' | 'pin' }> {
    if ('badge' in credential) {
      const person = await findPersonByBadge(db, credential.badge);
      if (!person) throw new ApiError('unknown_badge');
      if (!person.active) throw new ApiError('person_inactive');
      return { person, method: 'badge' };
    }
    return { person: await checkPin(credential.employeeNo, credential.pin, caller), method: 'pin' };
  }

  async function pass(direction: Direction, credential: Credential, caller: Caller): Promise<PresenceResult> {
    const { person, method } = await identify(credential, caller);
    const event = await db.transaction(async (tx) => {
      // Decided inside the write transaction, so two scans at once cannot both sign in.
      const last = await lastPresenceEvent(tx, person.id);
      const decision = decideDoor(direction, last?.kind);
      if (!decision.ok) throw new ApiError(decision.code, { name: person.name });
      const at = clock.now();
      const row = await insertPresenceEvent(tx, {
        person_id: person.id,
        kind: decision.kind,
        at,
        method,
        automatic: 0,
        device_id: caller.device?.id ?? null,
      });
      await appendAudit(tx, {
        at,
        actor: actorOf(caller),
        action: decision.kind === 'in' ? 'presence.sign_in' : 'presence.sign_out',
        entity: 'presence_events',
        entityId: row.id,
        record: row,
      });
      return row;
    });
    events.publish('presence.changed', { kind: event.kind, eventId: event.id, at: toInstant(event.at) });
    return { person: summary(person), event: eventView(event) };
  }

  return {
    signIn: (credential: Credential, caller: Caller) => pass('in', credential, caller),
    signOut: (credential: Credential, caller: Caller) => pass('out', credential, caller),
    toggle: (credential: Credential, caller: Caller) => pass('toggle', credential, caller),
    async onSite(): Promise<OnSite> {
      const rows = await onSitePeople(db);
      return {
        people: rows.map((r) => ({
          employeeNo: r.employee_no,
          name: r.name,
          team: r.team,
          since: toInstant(r.since),
          eventId: r.event_id,
        })),
        // Visitors arrive with the people-at-the-door issue; the field is part of the contract now.
        visitors: [],
        asOf: toInstant(clock.now()),
      };
    },
  };
}

export type PresenceService = ReturnType<typeof createPresenceService>;

const summary = (p: PersonRow) => ({ employeeNo: p.employee_no, name: p.name, team: p.team, role: p.role });

const eventView = (e: PresenceEventRow) => ({
  id: e.id,
  kind: e.kind,
  at: toInstant(e.at),
  method: e.method,
  automatic: e.automatic === 1,
});
