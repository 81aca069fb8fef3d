/** Queries about the self-check list's versions, the checks people submit, and their review. Runs in: the hub. */
import type { Queryable } from '../port.js';

export interface ChecklistRow {
  id: number;
  version: number;
  items: string;
  created_at: number;
  created_by: number | null;
  device_id: number | null;
}

export const currentChecklist = (db: Queryable) => db.get<ChecklistRow>('SELECT * FROM checklists ORDER BY version DESC LIMIT 1');

export const checklistByVersion = (db: Queryable, version: number) => db.get<ChecklistRow>('SELECT * FROM checklists WHERE version = ?', [version]);

export const checklistsByIds = (db: Queryable, ids: readonly number[]) =>
  ids.length ? db.all<ChecklistRow>(`SELECT * FROM checklists WHERE id IN (${ids.map(() => '?').join(', ')})`, ids) : Promise.resolve([]);

/** Stores the next version (one more than the latest) of the list. */
export async function insertChecklist(tx: Queryable, items: string, at: number, personId: number | null, deviceId: number | null): Promise<ChecklistRow> {
  const latest = await currentChecklist(tx);
  const version = (latest?.version ?? 0) + 1;
  const { lastId } = await tx.run('INSERT INTO checklists (version, items, created_at, created_by, device_id) VALUES (?, ?, ?, ?, ?)', [
    version,
    items,
    at,
    personId,
    deviceId,
  ]);
  return { id: lastId, version, items, created_at: at, created_by: personId, device_id: deviceId };
}

export interface CheckRow {
  id: number;
  person_id: number;
  checklist_id: number;
  at: number;
  /** JSON array of item ids. */
  flagged: string;
  required_flagged: number;
  note: string;
  via: 'ticket' | 'pin';
  device_id: number | null;
}

export async function insertCheck(tx: Queryable, check: Omit<CheckRow, 'id'>): Promise<CheckRow> {
  const { lastId } = await tx.run(
    'INSERT INTO appearance_checks (person_id, checklist_id, at, flagged, required_flagged, note, via, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [check.person_id, check.checklist_id, check.at, check.flagged, check.required_flagged, check.note, check.via, check.device_id],
  );
  return { id: lastId, ...check };
}

/** The person's latest self-check (for "is the self-check due"). */
export const lastCheckOf = (db: Queryable, personId: number) =>
  db.get<{ at: number }>('SELECT at FROM appearance_checks WHERE person_id = ? ORDER BY at DESC LIMIT 1', [personId]);

export interface ReviewRow extends CheckRow {
  employee_no: string;
  name: string;
  team: string;
  checklist_version: number;
  resolution_action: string | null;
  resolution_note: string | null;
  resolution_at: number | null;
  resolver_employee_no: string | null;
  resolver_name: string | null;
}

const reviewSelect = `
  SELECT c.*, p.employee_no, p.name, p.team, l.version AS checklist_version,
         r.action AS resolution_action, r.note AS resolution_note, r.at AS resolution_at,
         rp.employee_no AS resolver_employee_no, rp.name AS resolver_name
    FROM appearance_checks c
    JOIN people p ON p.id = c.person_id
    JOIN checklists l ON l.id = c.checklist_id
    LEFT JOIN appearance_resolutions r ON r.check_id = c.id
    LEFT JOIN people rp ON rp.id = r.person_id`;

/** Failed checks (a required item flagged), newest first. */
export function failedChecks(db: Queryable, status: 'open' | 'resolved' | 'all', limit: number) {
  const state = status === 'open' ? 'AND r.id IS NULL' : status === 'resolved' ? 'AND r.id IS NOT NULL' : '';
  return db.all<ReviewRow>(`${reviewSelect} WHERE c.required_flagged > 0 ${state} ORDER BY c.at DESC, c.id DESC LIMIT ?`, [limit]);
}

export const openFailedCount = async (db: Queryable) =>
  (
    await db.get<{ n: number }>(
      'SELECT count(*) AS n FROM appearance_checks c WHERE c.required_flagged > 0 AND NOT EXISTS (SELECT 1 FROM appearance_resolutions r WHERE r.check_id = c.id)',
    )
  )?.n ?? 0;

export const reviewItem = (db: Queryable, checkId: number) => db.get<ReviewRow>(`${reviewSelect} WHERE c.id = ?`, [checkId]);

export const findCheck = (db: Queryable, checkId: number) => db.get<CheckRow>('SELECT * FROM appearance_checks WHERE id = ?', [checkId]);

/** Records what was done about a check; null when it was already resolved (by this or another supervisor). */
export async function insertResolution(
  tx: Queryable,
  resolution: { check_id: number; action: string; note: string; person_id: number; at: number; device_id: number | null },
): Promise<number | null> {
  const { changes, lastId } = await tx.run(
    'INSERT OR IGNORE INTO appearance_resolutions (check_id, action, note, person_id, at, device_id) VALUES (?, ?, ?, ?, ?, ?)',
    [resolution.check_id, resolution.action, resolution.note, resolution.person_id, resolution.at, resolution.device_id],
  );
  return changes === 1 ? lastId : null;
}

/** Checks in [from, to): who, when, and whether they passed (for the dashboard and compliance). */
export const checksBetween = (db: Queryable, from: number, to: number) =>
  db.all<{ person_id: number; at: number; required_flagged: number }>(
    'SELECT person_id, at, required_flagged FROM appearance_checks WHERE at >= ? AND at < ? ORDER BY at',
    [from, to],
  );
