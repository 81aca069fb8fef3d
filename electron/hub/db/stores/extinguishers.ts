/** Queries about fire extinguishers, their checks and the monthly co-signature. Runs in: the hub. */
import type { ExtinguisherType } from '../../../../shared/domain/extinguisher-rules.js';
import type { Queryable } from '../port.js';

export interface UnitRow {
  id: number;
  tag: string;
  location: string;
  zone: string;
  type: ExtinguisherType;
  size_kg: number;
  manufactured_on: string;
  last_repair_on: string | null;
  half_monthly: 0 | 1;
  has_gauge: 0 | 1;
  in_service_since: string;
  retired_at: number | null;
}

const unitColumns =
  'id, tag, location, zone, type, size_kg, manufactured_on, last_repair_on, half_monthly, has_gauge, in_service_since, retired_at';

export const unitsInService = (db: Queryable) =>
  db.all<UnitRow>(`SELECT ${unitColumns} FROM extinguishers WHERE retired_at IS NULL ORDER BY zone, location, tag`);

export const findUnitByTag = (db: Queryable, tag: string) =>
  db.get<UnitRow>(`SELECT ${unitColumns} FROM extinguishers WHERE tag = ?`, [tag]);

export type UnitFields = Omit<UnitRow, 'id' | 'retired_at' | 'in_service_since'>;

export async function insertUnit(tx: Queryable, unit: UnitFields, inServiceSince: string, now: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO extinguishers (tag, location, zone, type, size_kg, manufactured_on, last_repair_on, half_monthly, has_gauge, in_service_since, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [unit.tag, unit.location, unit.zone, unit.type, unit.size_kg, unit.manufactured_on, unit.last_repair_on, unit.half_monthly, unit.has_gauge, inServiceSince, now, now],
  );
  return lastId;
}

export async function updateUnit(tx: Queryable, id: number, unit: UnitFields, now: number): Promise<void> {
  // A unit brought back into service by an edit counts its checks from today again.
  await tx.run(
    `UPDATE extinguishers SET location = ?, zone = ?, type = ?, size_kg = ?, manufactured_on = ?, last_repair_on = ?,
            half_monthly = ?, has_gauge = ?, updated_at = ? WHERE id = ?`,
    [unit.location, unit.zone, unit.type, unit.size_kg, unit.manufactured_on, unit.last_repair_on, unit.half_monthly, unit.has_gauge, now, id],
  );
}

export async function retireUnit(tx: Queryable, id: number, reason: string, now: number): Promise<void> {
  await tx.run('UPDATE extinguishers SET retired_at = ?, retired_reason = ?, updated_at = ? WHERE id = ? AND retired_at IS NULL', [now, reason, now, id]);
}

/** Days on which each unit was checked since a day (enough for this and the previous period). */
export const checkDaysSince = (db: Queryable, since: string) =>
  db.all<{ extinguisher_id: number; checked_on: string }>('SELECT extinguisher_id, checked_on FROM extinguisher_checks WHERE checked_on >= ?', [since]);

export const lastCheckDays = (db: Queryable) =>
  db.all<{ extinguisher_id: number; last: string }>('SELECT extinguisher_id, max(checked_on) AS last FROM extinguisher_checks GROUP BY extinguisher_id');

export interface CheckRow {
  id: number;
  extinguisher_id: number;
  checked_on: string;
  at: number;
  inspector_id: number;
  employee_no: string;
  name: string;
  rule_set: string;
  results: string;
  gauge: 'green' | 'red' | 'yellow' | 'na';
  note: string;
  signature: string;
}

const checkColumns = `c.id, c.extinguisher_id, c.checked_on, c.at, c.inspector_id, p.employee_no, p.name, c.rule_set, c.results, c.gauge, c.note, c.signature`;

export const lastCheckOf = (db: Queryable, unitId: number) =>
  db.get<CheckRow>(`SELECT ${checkColumns} FROM extinguisher_checks c JOIN people p ON p.id = c.inspector_id WHERE c.extinguisher_id = ? ORDER BY c.checked_on DESC, c.id DESC LIMIT 1`, [unitId]);

export const checksBetween = (db: Queryable, from: string, to: string) =>
  db.all<CheckRow & { tag: string; location: string; zone: string; type: ExtinguisherType }>(
    `SELECT ${checkColumns}, u.tag, u.location, u.zone, u.type FROM extinguisher_checks c
       JOIN people p ON p.id = c.inspector_id JOIN extinguishers u ON u.id = c.extinguisher_id
      WHERE c.checked_on >= ? AND c.checked_on <= ? ORDER BY u.zone, u.location, u.tag, c.checked_on`,
    [from, to],
  );

export async function insertCheck(
  tx: Queryable,
  check: { unitId: number; checkedOn: string; at: number; inspectorId: number; ruleSet: string; results: string; gauge: string; note: string; signature: string; deviceId: number | null },
): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO extinguisher_checks (extinguisher_id, checked_on, at, inspector_id, rule_set, results, gauge, note, signature, device_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [check.unitId, check.checkedOn, check.at, check.inspectorId, check.ruleSet, check.results, check.gauge, check.note, check.signature, check.deviceId],
  );
  return lastId;
}

export async function insertCosign(tx: Queryable, month: string, personId: number, signature: string, at: number, deviceId: number | null): Promise<number> {
  const { lastId } = await tx.run('INSERT INTO check_round_cosigns (month, person_id, signature, at, device_id) VALUES (?, ?, ?, ?, ?)', [
    month,
    personId,
    signature,
    at,
    deviceId,
  ]);
  return lastId;
}

export const cosignOf = (db: Queryable, month: string) =>
  db.get<{ id: number; at: number; signature: string; name: string; employee_no: string }>(
    `SELECT c.id, c.at, c.signature, p.name, p.employee_no FROM check_round_cosigns c JOIN people p ON p.id = c.person_id
      WHERE c.month = ? ORDER BY c.id DESC LIMIT 1`,
    [month],
  );
