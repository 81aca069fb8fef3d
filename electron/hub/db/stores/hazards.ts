/** Queries about hazards and their rectification history. Runs in: the hub. */
import type { Queryable } from '../port.js';

export interface HazardRow {
  id: number;
  source: 'check' | 'kiosk' | 'warden';
  description: string;
  location: string;
  extinguisher_id: number | null;
  extinguisher_tag: string | null;
  check_id: number | null;
  item_no: number | null;
  reported_at: number;
}

export interface HazardUpdateRow {
  id: number;
  hazard_id: number;
  kind: 'plan' | 'fixed' | 'verified';
  details: string;
  person_id: number | null;
  person_name: string | null;
  at: number;
}

const hazardColumns = `h.id, h.source, h.description, h.location, h.extinguisher_id, u.tag AS extinguisher_tag, h.check_id, h.item_no, h.reported_at`;

export const allHazards = (db: Queryable) =>
  db.all<HazardRow>(`SELECT ${hazardColumns} FROM hazards h LEFT JOIN extinguishers u ON u.id = h.extinguisher_id ORDER BY h.id`);

export const findHazard = (db: Queryable, id: number) =>
  db.get<HazardRow>(`SELECT ${hazardColumns} FROM hazards h LEFT JOIN extinguishers u ON u.id = h.extinguisher_id WHERE h.id = ?`, [id]);

export const hazardsOfUnit = (db: Queryable, unitId: number) =>
  db.all<HazardRow>(`SELECT ${hazardColumns} FROM hazards h LEFT JOIN extinguishers u ON u.id = h.extinguisher_id WHERE h.extinguisher_id = ? ORDER BY h.id`, [unitId]);

export const updatesOf = (db: Queryable, hazardIds: readonly number[]) =>
  hazardIds.length === 0
    ? Promise.resolve([] as HazardUpdateRow[])
    : db.all<HazardUpdateRow>(
        `SELECT hu.id, hu.hazard_id, hu.kind, hu.details, hu.person_id, p.name AS person_name, hu.at
           FROM hazard_updates hu LEFT JOIN people p ON p.id = hu.person_id
          WHERE hu.hazard_id IN (${hazardIds.map(() => '?').join(',')}) ORDER BY hu.id`,
        hazardIds,
      );

export const allHazardUpdates = (db: Queryable) =>
  db.all<HazardUpdateRow>(
    `SELECT hu.id, hu.hazard_id, hu.kind, hu.details, hu.person_id, p.name AS person_name, hu.at
       FROM hazard_updates hu LEFT JOIN people p ON p.id = hu.person_id ORDER BY hu.id`,
  );

export async function insertHazard(
  tx: Queryable,
  h: { source: HazardRow['source']; description: string; location: string; unitId: number | null; checkId: number | null; itemNo: number | null; at: number; deviceId: number | null },
): Promise<number> {
  const { lastId } = await tx.run(
    'INSERT INTO hazards (source, description, location, extinguisher_id, check_id, item_no, reported_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [h.source, h.description, h.location, h.unitId, h.checkId, h.itemNo, h.at, h.deviceId],
  );
  return lastId;
}

export async function insertHazardUpdate(
  tx: Queryable,
  u: { hazardId: number; kind: HazardUpdateRow['kind']; details: unknown; personId: number | null; at: number; deviceId: number | null },
): Promise<number> {
  const { lastId } = await tx.run('INSERT INTO hazard_updates (hazard_id, kind, details, person_id, at, device_id) VALUES (?, ?, ?, ?, ?, ?)', [
    u.hazardId,
    u.kind,
    JSON.stringify(u.details),
    u.personId,
    u.at,
    u.deviceId,
  ]);
  return lastId;
}
