/** Queries about emergencies and the roll call. Runs in: the hub. */
import type { EmergencyKind } from '../../../../shared/contract/index.js';
import type { Queryable } from '../port.js';

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
  const { lastId } = await tx.run(
    'INSERT INTO emergencies (kind, drill, started_at, start_event_id, started_by_device, started_by_person) VALUES (?, ?, ?, ?, ?, ?)',
    [e.kind, e.drill ? 1 : 0, e.at, startEventId, e.deviceId, e.personId],
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
  };
}

export async function endEmergency(tx: Queryable, id: number, at: number, deviceId: number | null, personId: number): Promise<boolean> {
  const last = await tx.get<{ id: number | null }>('SELECT max(id) AS id FROM presence_events');
  const { changes } = await tx.run(
    'UPDATE emergencies SET ended_at = ?, end_event_id = ?, ended_by_device = ?, ended_by_person = ? WHERE id = ? AND ended_at IS NULL',
    [at, last?.id ?? 0, deviceId, personId, id],
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

export interface RollRow {
  person_id: number;
  employee_no: string;
  name: string;
  team: string;
  /** When they joined the roll: the start, their first sign-in during it, or their mark. */
  since: number;
  marked_at: number | null;
  /** Their latest sign-out during the emergency, when it is their latest event. */
  left_at: number | null;
}

/**
 * The roll of an emergency, derived from facts: everyone on site at the start (latest event up to
 * start_event_id is a sign-in), everyone who signed in during it, and anyone a warden marked safe.
 */
export const rollOf = (db: Queryable, e: Pick<EmergencyRow, 'id' | 'started_at' | 'start_event_id' | 'end_event_id'>) =>
  db.all<RollRow>(
    `WITH bounds AS (SELECT $start AS start_id, coalesce($end, (SELECT max(id) FROM presence_events)) AS end_id),
     at_start AS (
       SELECT p.id AS person_id, $startedAt AS since
         FROM people p, bounds b
        WHERE (SELECT kind FROM presence_events WHERE person_id = p.id AND id <= b.start_id ORDER BY id DESC LIMIT 1) = 'in'
     ),
     joined AS (
       SELECT e.person_id, min(e.at) AS since FROM presence_events e, bounds b
        WHERE e.id > b.start_id AND e.id <= b.end_id AND e.kind = 'in' GROUP BY e.person_id
     ),
     marked AS (
       SELECT person_id, marked_at AS since FROM roll_call_marks WHERE emergency_id = $emergency AND person_id IS NOT NULL
     ),
     roll AS (
       SELECT person_id, min(since) AS since FROM (SELECT * FROM at_start UNION ALL SELECT * FROM joined UNION ALL SELECT * FROM marked)
        GROUP BY person_id
     )
     SELECT r.person_id, p.employee_no, p.name, p.team, r.since,
            m.marked_at,
            (SELECT CASE WHEN last.kind = 'out' AND last.id > b.start_id THEN last.at END
               FROM (SELECT id, kind, at FROM presence_events WHERE person_id = r.person_id AND id <= b.end_id ORDER BY id DESC LIMIT 1) last) AS left_at
       FROM roll r
       JOIN people p ON p.id = r.person_id
       CROSS JOIN bounds b
       LEFT JOIN roll_call_marks m ON m.emergency_id = $emergency AND m.person_id = r.person_id
      ORDER BY p.team, p.name`,
    { start: e.start_event_id, end: e.end_event_id, startedAt: e.started_at, emergency: e.id },
  );

export const emergencyHistory = (db: Queryable, limit: number) =>
  db.all<EmergencyRow>('SELECT * FROM emergencies ORDER BY id DESC LIMIT ?', [limit]);

export const lastDrill = (db: Queryable) =>
  db.get<{ started_at: number }>('SELECT started_at FROM emergencies WHERE drill = 1 AND ended_at IS NOT NULL ORDER BY started_at DESC LIMIT 1');
