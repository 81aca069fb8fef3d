/**
 * Sign-in, sign-out and who is on site. Runs in: the hub.
 * At a sign-in the door also looks at the person's safety training (the site warns or blocks) and
 * whether their self-check is due this site day (then the answer carries a one-time ticket for it).
 */
import { ApiError, type Credential, type OnSite, type OnSiteVisitor, type PresenceResult } from '../../../shared/contract/index.js';
import { decideDoor, type Direction } from '../../../shared/domain/presence.js';
import { calendarDayOf, shiftAtSignIn } from '../../../shared/domain/shift.js';
import { trainingGateDecision } from '../../../shared/domain/training.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { passInOneStatement } from '../db/stores/door-pass.js';
import type { PersonRow } from '../db/stores/people.js';
import { doorState, insertPresenceEvent, onSitePeople, personAndDoorStateByBadge, type DoorState, type PresenceEventRow } from '../db/stores/presence.js';
import type { EventBus } from '../events.js';
import { personTraining } from './people.js';
import type { PinCheck } from './pin-check.js';
import type { SettingsSource } from './settings.js';

export interface PresenceDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  checkPin: PinCheck;
  settings: SettingsSource;
  /** Hands out the one-time self-check ticket (appearance service). */
  issueSelfCheckTicket(personId: number, deviceId: number | null): { ticket: string; expiresAt: number };
  visitorsOnSite(): Promise<OnSiteVisitor[]>;
}

export function createPresenceService({ db, clock, events, checkPin, settings, issueSelfCheckTicket, visitorsOnSite }: PresenceDeps) {
  /**
   * Finds the person behind a credential, checking the PIN (with lockout) where one was given, and
   * reads their door state (a badge: both in one statement).
   */
  async function identify(credential: Credential, caller: Caller): Promise<{ person: PersonRow; method: 'badge' | 'pin'; state: DoorState }> {
    if ('badge' in credential) {
      const found = await personAndDoorStateByBadge(db, credential.badge);
      if (!found) throw new ApiError('unknown_badge');
      if (!found.active) throw new ApiError('person_inactive');
      return { person: found, method: 'badge', state: found };
    }
    const person = await checkPin(credential.employeeNo, credential.pin, caller);
    return { person, method: 'pin', state: await doorState(db, person.id) };
  }

  /**
   * Each badge's person and door state after its last pass here: the next scan of that badge needs
   * no read first. Only a guess: the one-statement write refuses it if anything of it changed
   * (door-pass.ts), and the pass is then made again from what the database says.
   */
  const doors = new Map<string, { person: PersonRow; state: DoorState }>();
  const maxRemembered = 20_000;

  async function pass(direction: Direction, credential: Credential, caller: Caller, remembered = true): Promise<PresenceResult> {
    const badge = 'badge' in credential ? credential.badge : null;
    const known = remembered && badge !== null ? doors.get(badge) : undefined;
    const again = () => {
      doors.delete(badge!);
      return pass(direction, credential, caller, false);
    };
    const { person, method, state } = known ? { ...known, method: 'badge' as const } : await identify(credential, caller);
    const site = await settings.current();
    const training = personTraining(person, calendarDayOf(clock.now(), site.timeZone), site);
    const gate = trainingGateDecision(training.status, site.trainingGate);
    let before: DoorState = state;
    const decide = (door: DoorState) => {
      const decision = decideDoor(direction, door.last_kind ?? undefined);
      if (!decision.ok) throw new ApiError(decision.code, { name: person.name });
      // The gate stops only sign-ins: nobody is ever kept from signing out.
      if (decision.kind === 'in' && gate === 'block') {
        throw new ApiError(training.status === 'missing' ? 'training_missing' : 'training_expired', { name: person.name, expiresOn: training.expiresOn ?? '' });
      }
      return decision.kind;
    };
    const device_id = caller.device?.id ?? null;
    const actor = actorOf(caller);
    // As the door read it: one statement writes it, if nothing changed meanwhile (door-pass.ts). A
    // refusal is left to the transaction below, which decides on what is there at that moment.
    let passing: PresenceEventRow['kind'] | null;
    try {
      passing = decide(state);
    } catch {
      if (known) return again();
      passing = null;
    }
    let event = passing
      ? await db.transaction(
          (tx) =>
            passInOneStatement(tx, {
              person_id: person.id,
              kind: passing,
              at: clock.now(),
              method,
              device_id,
              expectedEventId: state.last_event_id,
              actor,
              person,
              lastCheckAt: state.last_check_at,
            }),
          { oneStatement: true },
        )
      : null;
    if (!event && known) return again();
    event ??= await db.transaction(async (tx) => {
      // Decided inside the write transaction, so two scans at once cannot both sign in.
      before = await doorState(tx, person.id);
      const decided = decide(before);
      const at = clock.now();
      const row = await insertPresenceEvent(tx, { person_id: person.id, kind: decided, at, method, automatic: 0, device_id });
      await appendAudit(tx, {
        at,
        actor,
        action: decided === 'in' ? 'presence.sign_in' : 'presence.sign_out',
        entity: 'presence_events',
        entityId: row.id,
        record: row,
      });
      return row;
    });
    events.publish('presence.changed', { kind: event.kind, eventId: event.id, at: toInstant(event.at) });
    if (badge !== null) {
      if (doors.size >= maxRemembered) doors.clear();
      doors.set(badge, {
        // Nothing kept that the door does not decide on: never the PIN's hash. A remembered person
        // is kept as it is (it was read, or checked by the write, and is never changed in place).
        person: known ? known.person : { ...person, pin_hash: null, failed_pins: 0, locked_until: null },
        state: { last_kind: event.kind, last_event_id: event.id, last_in_at: event.kind === 'in' ? event.at : before.last_in_at, last_check_at: before.last_check_at },
      });
    }
    const result = { person: summary(person), event: eventView(event) };
    if (event.kind === 'out') return { ...result, training: null, shiftStart: false, selfCheckDue: false, selfCheckTicket: null };
    const shift = shiftAtSignIn({
      signInAt: event.at,
      previousSignInAt: before.last_in_at,
      lastCheckAt: before.last_check_at,
      timeZone: site.timeZone,
      closeAt: site.dailyCloseAt,
    });
    const ticket = shift.selfCheckDue ? issueSelfCheckTicket(person.id, caller.device?.id ?? null) : null;
    return {
      ...result,
      training,
      ...shift,
      selfCheckTicket: ticket && { ticket: ticket.ticket, expiresAt: toInstant(ticket.expiresAt) },
    };
  }

  return {
    signIn: (credential: Credential, caller: Caller) => pass('in', credential, caller),
    signOut: (credential: Credential, caller: Caller) => pass('out', credential, caller),
    toggle: (credential: Credential, caller: Caller) => pass('toggle', credential, caller),
    async onSite(): Promise<OnSite> {
      const [rows, visitors] = await Promise.all([onSitePeople(db), visitorsOnSite()]);
      return {
        people: rows.map((r) => ({
          employeeNo: r.employee_no,
          name: r.name,
          team: r.team,
          since: toInstant(r.since),
          eventId: r.event_id,
        })),
        visitors,
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
