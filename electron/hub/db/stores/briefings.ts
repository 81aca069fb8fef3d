/** Queries about the visitor safety briefing's versions. Runs in: the hub. */
import type { Queryable } from '../port.js';

export interface BriefingRow {
  id: number;
  version: number;
  content: string;
  created_at: number;
  created_by: number | null;
  device_id: number | null;
}

export const currentBriefing = (db: Queryable) => db.get<BriefingRow>('SELECT * FROM briefings ORDER BY version DESC LIMIT 1');

export const briefingByVersion = (db: Queryable, version: number) => db.get<BriefingRow>('SELECT * FROM briefings WHERE version = ?', [version]);

/** Stores the next version (one more than the latest) of the briefing. */
export async function insertBriefing(tx: Queryable, content: string, at: number, personId: number | null, deviceId: number | null): Promise<BriefingRow> {
  const latest = await currentBriefing(tx);
  const version = (latest?.version ?? 0) + 1;
  const { lastId } = await tx.run('INSERT INTO briefings (version, content, created_at, created_by, device_id) VALUES (?, ?, ?, ?, ?)', [
    version,
    content,
    at,
    personId,
    deviceId,
  ]);
  return { id: lastId, version, content, created_at: at, created_by: personId, device_id: deviceId };
}
