/** Queries about emergencies and the roll call. Runs in: the hub. */
import type { EmergencyKind } from '../../../../shared/contract/index.js';
import type { Queryable } from '../port.js';
import { lastVisitorEventId } from './visitors.js';

export interface EmergencyRow {
  id: number;
  kind: EmergencyKind;
  drill: 0 | 1;
  started_at: number;
  start_event_id: number;
  started_by_device: number | null;
  started_by_person: number | null;
  ended_at: number | null;
  end_event_id: number | null;
  ended_by_device: number | null;
  ended_by_person: number | null;
  /** Where visitor events stood at the start and end (null: an emergency from before visitors existed). */
  start_visitor_event_id: number | null;
  end_visitor_event_id: number | null;
}

export const activeEmergency = (db: Queryable) =>
  db.get<EmergencyRow>('SELECT * FROM emergencies WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1');

export const findEmergency = (db: Queryable, id: number) => db.get<EmergencyRow>('SELECT * FROM emergencies WHERE id = ?', [id]);

export async function insertEmergency(
  tx: Queryable,
  e: { kind: EmergencyKind; drill: boolean; at: number; deviceId: number | null; personId: number | null },
): Promise<EmergencyRow> {
  const last = await tx.get<{ id: number | null }>('SELECT max(id) AS id FROM presence_events');
  const startEventId = last?.id ?? 0;
  const startVisitorEventId = await lastVisitorEventId(tx);
  const { lastId } = await tx.run(
    'INSERT INTO emergencies (kind, drill, started_at, start_event_id, started_by_device, started_by_person, start_visitor_event_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [e.kind, e.drill ? 1 : 0, e.at, startEventId, e.deviceId, e.personId, startVisitorEventId],
  );
  return {
    id: lastId,
    kind: e.kind,
    drill: e.drill ? 1 : 0,
    started_at: e.at,
    start_event_id: startEventId,
    started_by_device: e.deviceId,
    started_by_person: e.personId,
    ended_at: null,
    end_event_id: null,
    ended_by_device: null,
    ended_by_person: null,
    start_visitor_event_id: startVisitorEventId,
    end_visitor_event_id: null,
  };
}

export async function endEmergency(tx: Queryable, id: number, at: number, deviceId: number | null, personId: number): Promise<boolean> {
  const last = await tx.get<{ id: number | null }>('SELECT max(id) AS id FROM presence_events');
  const { changes } = await tx.run(
    'UPDATE emergencies SET ended_at = ?, end_event_id = ?, ended_by_device = ?, ended_by_person = ?, end_visitor_event_id = ? WHERE id = ? AND ended_at IS NULL',
    [at, last?.id ?? 0, deviceId, personId, await lastVisitorEventId(tx), id],
  );
  return changes === 1;
}

/** Marks a person safe; false when they were already marked (by this or another warden). */
export async function markPersonSafe(tx: Queryable, emergencyId: number, personId: number, at: number, deviceId: number | null) {
  const { changes, lastId } = await tx.run(
    'INSERT OR IGNORE INTO roll_call_marks (emergency_id, person_id, marked_at, device_id) VALUES (?, ?, ?, ?)',
    [emergencyId, personId, at, deviceId],
  );
  return changes === 1 ? lastId : null;
}

/** Marks a visitor safe; false when they were already marked. */
export async function markVisitorSafe(tx: Queryable, emergencyId: number, visitorId: number, at: number, deviceId: number | null) {
  const { changes, lastId } = await tx.run(
    'INSERT OR IGNORE INTO roll_call_marks (emergency_id, visitor_id, marked_at, device_id) VALUES (?, ?, ?, ?)',
    [emergencyId, visitorId, at, deviceId],
  );
  return changes === 1 ? lastId : null;
}

export interface RollRow {
  /** A staff member (person_id, employee_no) or a visitor (visitor_id). */
  person_id: number | null;
  employee_no: string | null;
  visitor_id: number | null;
  name: string;
  /** The team; for a visitor, their company. */
  team: string;
  /** When they joined the roll: the start, their first sign-in during it, or their mark. */
  since: number;
  marked_at: number | null;
  /** Their latest sign-out during the emergency, when it is their latest event. */
  left_at: number | null;
}

type RollBounds = Pick<EmergencyRow, 'id' | 'started_at' | 'start_event_id' | 'end_event_id' | 'start_visitor_event_id' | 'end_visitor_event_id'>;

/**
 * The roll of an emergency, derived from facts: everyone on site at the start (latest event up to
 * start_event_id is a sign-in), everyone who signed in during it, and anyone a warden marked safe;
 * then the visitors, by the same rules over their own events. Staff first, then visitors.
 */
export async function rollOf(db: Queryable, e: RollBounds): Promise<RollRow[]> {
  const [staff, visitors] = await Promise.all([staffRollOf(db, e), visitorRollOf(db, e)]);
  return [...staff, ...visitors];
}

// The bounds are bound parameters, not columns of a CTE: only then does SQLite read the events
// between them as a range of ids (with a CTE it built an index of the whole history per query).
// Who was on site at the start comes from presence_current for everyone whose latest event is
// from before the start; only those who passed the door since are looked up in the history.
const staffRollOf = (db: Queryable, e: RollBounds) =>
  db.all<RollRow>(
    `WITH at_start AS (
       SELECT person_id, $startedAt AS since FROM presence_current WHERE event_id <= $start AND kind = 'in'
       UNION ALL
       SELECT c.person_id, $startedAt AS since FROM presence_current c
        WHERE c.event_id > $start
          AND (SELECT kind FROM presence_events WHERE person_id = c.person_id AND id <= $start ORDER BY id DESC LIMIT 1) = 'in'
     ),
     joined AS (
       SELECT person_id, min(at) AS since FROM presence_events
        WHERE id > $start AND id <= coalesce($end, (SELECT max(id) FROM presence_events)) AND kind = 'in'
        GROUP BY person_id
     ),
     marked AS (
       SELECT person_id, marked_at AS since FROM roll_call_marks WHERE emergency_id = $emergency AND person_id IS NOT NULL
     ),
     roll AS (
       SELECT person_id, min(since) AS since FROM (SELECT * FROM at_start UNION ALL SELECT * FROM joined UNION ALL SELECT * FROM marked)
        GROUP BY person_id
     )
     SELECT r.person_id, p.employee_no, NULL AS visitor_id, p.name, p.team, r.since,
            m.marked_at,
            -- Their latest event (while the emergency runs: presence_current), if it is a sign-out during it.
            CASE WHEN $end IS NULL
              THEN (SELECT CASE WHEN kind = 'out' AND event_id > $start THEN at END FROM presence_current WHERE person_id = r.person_id)
              ELSE (SELECT CASE WHEN last.kind = 'out' AND last.id > $start THEN last.at END
                      FROM (SELECT id, kind, at FROM presence_events WHERE person_id = r.person_id AND id <= $end ORDER BY id DESC LIMIT 1) last)
            END AS left_at
       FROM roll r
       JOIN people p ON p.id = r.person_id
       LEFT JOIN roll_call_marks m ON m.emergency_id = $emergency AND m.person_id = r.person_id
      ORDER BY p.team, p.name`,
    { start: e.start_event_id, end: e.end_event_id, startedAt: e.started_at, emergency: e.id },
  );

// A visit has one sign-in and at most one sign-out, so "latest event" is "signed out yet".
const visitorRollOf = (db: Queryable, e: RollBounds) =>
  db.all<RollRow>(
    `WITH at_start AS (
       SELECT i.visitor_id, $startedAt AS since
         FROM visitor_events i
        WHERE i.kind = 'in' AND i.id <= $start
          AND NOT EXISTS (SELECT 1 FROM visitor_events o WHERE o.visitor_id = i.visitor_id AND o.kind = 'out' AND o.id <= $start)
     ),
     joined AS (
       SELECT visitor_id, at AS since FROM visitor_events
        WHERE kind = 'in' AND id > $start AND id <= coalesce($end, (SELECT max(id) FROM visitor_events))
     ),
     marked AS (
       SELECT visitor_id, marked_at AS since FROM roll_call_marks WHERE emergency_id = $emergency AND visitor_id IS NOT NULL
     ),
     roll AS (
       SELECT visitor_id, min(since) AS since FROM (SELECT * FROM at_start UNION ALL SELECT * FROM joined UNION ALL SELECT * FROM marked)
        GROUP BY visitor_id
     )
     SELECT NULL AS person_id, NULL AS employee_no, r.visitor_id, v.name, v.company AS team, r.since,
            m.marked_at,
            (SELECT o.at FROM visitor_events o
              WHERE o.visitor_id = r.visitor_id AND o.kind = 'out' AND o.id > $start
                AND o.id <= coalesce($end, (SELECT max(id) FROM visitor_events))) AS left_at
       FROM roll r
       JOIN visitors v ON v.id = r.visitor_id
       LEFT JOIN roll_call_marks m ON m.emergency_id = $emergency AND m.visitor_id = r.visitor_id
      ORDER BY v.company, v.name`,
    // An emergency from before visitors existed has no visitor bounds: nobody joins, and bounds of -1 match no event.
    { start: e.start_visitor_event_id ?? -1, end: e.start_visitor_event_id == null ? -1 : e.end_visitor_event_id, startedAt: e.started_at, emergency: e.id },
  );

export const emergencyHistory = (db: Queryable, limit: number) =>
  db.all<EmergencyRow>('SELECT * FROM emergencies ORDER BY id DESC LIMIT ?', [limit]);

export const lastDrill = (db: Queryable) =>
  db.get<{ started_at: number }>('SELECT started_at FROM emergencies WHERE drill = 1 AND ended_at IS NOT NULL ORDER BY started_at DESC LIMIT 1');
