/** Queries that read a period of records, page by page in id order, for exports. Runs in: the hub. */
import type { Queryable } from '../port.js';
import type { AuditEntry } from './audit.js';

export interface Period {
  from: number;
  to: number;
}

/** The audit entries of a period as a contiguous range of sequence numbers (null: none). */
export async function auditRange(db: Queryable, period: Period): Promise<{ firstSeq: number; lastSeq: number } | null> {
  const row = await db.get<{ first: number | null; last: number | null }>(
    'SELECT min(seq) AS first, max(seq) AS last FROM audit_log WHERE at >= ? AND at < ?',
    [period.from, period.to],
  );
  return row?.first != null && row.last != null ? { firstSeq: row.first, lastSeq: row.last } : null;
}

export const auditEntry = (db: Queryable, seq: number) => db.get<AuditEntry>('SELECT * FROM audit_log WHERE seq = ?', [seq]);

export const auditPage = (db: Queryable, afterSeq: number, lastSeq: number, limit: number) =>
  db.all<AuditEntry>('SELECT * FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?', [afterSeq, lastSeq, limit]);

export interface PresenceExportRow {
  id: number;
  person_id: number;
  kind: string;
  at: number;
  method: string;
  automatic: number;
  device_id: number | null;
  employee_no: string;
  name: string;
  team: string;
}

export const presencePage = (db: Queryable, afterId: number, period: Period, limit: number) =>
  db.all<PresenceExportRow>(
    `SELECT e.id, e.person_id, e.kind, e.at, e.method, e.automatic, e.device_id, p.employee_no, p.name, p.team
       FROM presence_events e
       JOIN people p ON p.id = e.person_id
      WHERE e.id > ? AND e.at >= ? AND e.at < ?
      ORDER BY e.id LIMIT ?`,
    [afterId, period.from, period.to, limit],
  );

export const presenceCount = async (db: Queryable, period: Period) =>
  (await db.get<{ n: number }>('SELECT count(*) AS n FROM presence_events WHERE at >= ? AND at < ?', [period.from, period.to]))?.n ?? 0;

export async function recordExport(
  tx: Queryable,
  row: { createdAt: number; period: Period; firstSeq: number | null; lastSeq: number | null; lastHash: string | null; manifestSha512: string; records: number },
): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO exports (created_at, period_from, period_to, first_seq, last_seq, last_hash, manifest_sha512, records)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.createdAt, row.period.from, row.period.to, row.firstSeq, row.lastSeq, row.lastHash, row.manifestSha512, row.records],
  );
  return lastId;
}
