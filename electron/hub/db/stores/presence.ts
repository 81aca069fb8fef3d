/** Queries about presence events and who is on site. Runs in: the hub. */
import type { PresenceKind, PresenceMethod } from '../../../../shared/contract/index.js';
import type { Queryable } from '../port.js';
import { personColumns, type PersonRow } from './people.js';

export interface PresenceEventRow {
  id: number;
  person_id: number;
  kind: PresenceKind;
  at: number;
  method: PresenceMethod;
  automatic: 0 | 1;
  device_id: number | null;
}

export const lastPresenceEvent = (db: Queryable, personId: number) =>
  db.get<PresenceEventRow>(
    'SELECT id, person_id, kind, at, method, automatic, device_id FROM presence_events WHERE person_id = ? ORDER BY id DESC LIMIT 1',
    [personId],
  );

/** The id of the event each writer connection inserted last (for door-pass.ts, which writes the next one itself). */
const lastEventIds = new WeakMap<Queryable, number>();

export const lastEventIdOf = (tx: Queryable) => lastEventIds.get(tx);

export function rememberLastEventId(tx: Queryable, id: number | undefined): void {
  if (id === undefined) lastEventIds.delete(tx);
  else lastEventIds.set(tx, id);
}

export async function insertPresenceEvent(tx: Queryable, event: Omit<PresenceEventRow, 'id'>): Promise<PresenceEventRow> {
  const { lastId } = await tx.run(
    'INSERT INTO presence_events (person_id, kind, at, method, automatic, device_id) VALUES (?, ?, ?, ?, ?, ?)',
    [event.person_id, event.kind, event.at, event.method, event.automatic, event.device_id],
  );
  // Only a guess for the next one: door-pass.ts writes it only if no event came after this.
  lastEventIds.set(tx, lastId);
  return { id: lastId, ...event };
}

export interface OnSiteRow {
  employee_no: string;
  name: string;
  team: string;
  event_id: number;
  since: number;
}

/**
 * Everyone whose latest event is a sign-in. Read from presence_current (kept by triggers in the
 * same transaction as each event, see migrations.ts): one row per person, so the cost follows
 * the number of people, never the length of the history.
 */
export const onSitePeople = (db: Queryable) =>
  db.all<OnSiteRow>(
    `SELECT p.employee_no, p.name, p.team, c.event_id, c.at AS since
       FROM presence_current c
       JOIN people p ON p.id = c.person_id
      WHERE c.kind = 'in'
      ORDER BY c.at, c.event_id`,
  );

export interface DoorState {
  /** The person's latest presence event (null: never seen), and its id (0: none). */
  last_kind: PresenceKind | null;
  last_event_id: number;
  /** Their latest sign-in, for "does this sign-in start a shift". */
  last_in_at: number | null;
  /** Their latest self-check, for "is it due". */
  last_check_at: number | null;
}

const doorStateColumns = (person: string) => `
  (SELECT kind FROM presence_current WHERE person_id = ${person}) AS last_kind,
  coalesce((SELECT event_id FROM presence_current WHERE person_id = ${person}), 0) AS last_event_id,
  (SELECT at FROM presence_events WHERE person_id = ${person} AND kind = 'in' ORDER BY id DESC LIMIT 1) AS last_in_at,
  (SELECT max(at) FROM appearance_checks WHERE person_id = ${person}) AS last_check_at`;

/**
 * What the door needs to know about a person, in one statement: a sign-in runs it inside its write
 * transaction anyway, and every extra statement would queue on the thread pool the commits use.
 */
export const doorState = async (db: Queryable, personId: number): Promise<DoorState> =>
  (await db.get<DoorState>(
    `SELECT ${doorStateColumns('$p')}`,
    { p: personId },
  ))!;

/**
 * The person behind a badge and their door state, in one statement (a badge sign-in reads both
 * before it writes; door-pass.ts checks at the write that the state still holds).
 */
export const personAndDoorStateByBadge = (db: Queryable, badge: string) =>
  db.get<PersonRow & DoorState>(`SELECT ${personColumns}, ${doorStateColumns('people.id')} FROM people WHERE badge = ?`, [badge]);

/** People still signed in from before an instant: the daily close signs them out. */
export const signedInBefore = (db: Queryable, before: number) =>
  db.all<{ person_id: number; since: number }>(
    `SELECT person_id, at AS since FROM presence_current WHERE kind = 'in' AND at < ? ORDER BY person_id`,
    [before],
  );

export interface DayEventRow {
  person_id: number;
  employee_no: string;
  name: string;
  team: string;
  kind: PresenceKind;
  at: number;
  automatic: 0 | 1;
  training_passed_on: string | null;
  training_expires_on: string | null;
}

/** Every presence event in [from, to), in order, with who it was. */
export const presenceBetween = (db: Queryable, from: number, to: number) =>
  db.all<DayEventRow>(
    `SELECT e.person_id, p.employee_no, p.name, p.team, e.kind, e.at, e.automatic, p.training_passed_on, p.training_expires_on
       FROM presence_events e JOIN people p ON p.id = e.person_id
      WHERE e.at >= ? AND e.at < ? ORDER BY e.at, e.id`,
    [from, to],
  );

export interface AutoClosedRow {
  person_id: number;
  employee_no: string;
  name: string;
  team: string;
  closed_at: number;
  signed_in_at: number | null;
}

/** Sign-outs the daily close recorded in [from, to), newest first, with the sign-in each closed. */
export const autoClosedPeople = (db: Queryable, from: number, to: number) =>
  db.all<AutoClosedRow>(
    `SELECT e.person_id, p.employee_no, p.name, p.team, e.at AS closed_at,
            (SELECT i.at FROM presence_events i WHERE i.person_id = e.person_id AND i.id < e.id AND i.kind = 'in' ORDER BY i.id DESC LIMIT 1) AS signed_in_at
       FROM presence_events e JOIN people p ON p.id = e.person_id
      WHERE e.automatic = 1 AND e.at >= ? AND e.at < ?
      ORDER BY e.at DESC, e.id DESC`,
    [from, to],
  );
