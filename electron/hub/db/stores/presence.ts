/** Queries about presence events and who is on site. Runs in: the hub. */
import type { PresenceKind, PresenceMethod } from '../../../../shared/contract/index.js';
import type { Queryable } from '../port.js';

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

export async function insertPresenceEvent(tx: Queryable, event: Omit<PresenceEventRow, 'id'>): Promise<PresenceEventRow> {
  const { lastId } = await tx.run(
    'INSERT INTO presence_events (person_id, kind, at, method, automatic, device_id) VALUES (?, ?, ?, ?, ?, ?)',
    [event.person_id, event.kind, event.at, event.method, event.automatic, event.device_id],
  );
  return { id: lastId, ...event };
}

export interface OnSiteRow {
  employee_no: string;
  name: string;
  team: string;
  event_id: number;
  since: number;
}

/** Everyone whose latest event is a sign-in: one index seek per person, whatever the history's length. */
export const onSitePeople = (db: Queryable) =>
  db.all<OnSiteRow>(
    `SELECT p.employee_no, p.name, p.team, e.id AS event_id, e.at AS since
       FROM people p
       JOIN presence_events e
         ON e.id = (SELECT id FROM presence_events WHERE person_id = p.id ORDER BY id DESC LIMIT 1)
      WHERE e.kind = 'in'
      ORDER BY e.at, e.id`,
  );
