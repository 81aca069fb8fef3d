/**
 * The export's floor reads its pages this way: SQLite writes the rows of a page (the export's
 * queries, the same columns and order) as JSON lines itself and hands back one blob, so no row
 * becomes a JavaScript object. The cheapest way we know to select the rows and write them as
 * lines.
 */
import type { Queryable } from '../../electron/hub/db/port.js';
import type { Period } from '../../electron/hub/db/stores/export.js';

export async function presenceJsonLinesPage(db: Queryable, after: number, period: Period, limit: number): Promise<{ n: number; last: number; lines: Buffer }> {
  const row = await db.get<{ n: number; last: number; lines: Buffer | null }>(
    `SELECT count(*) AS n, max(id) AS last,
            CAST(group_concat(json_object('id', id, 'person_id', person_id, 'kind', kind, 'at', at, 'method', method, 'automatic', automatic,
                                          'device_id', device_id, 'employee_no', employee_no, 'name', name, 'team', team), char(10)) || char(10) AS BLOB) AS lines
       FROM (SELECT e.id, e.person_id, e.kind, e.at, e.method, e.automatic, e.device_id, p.employee_no, p.name, p.team
               FROM presence_events e
               JOIN people p ON p.id = e.person_id
              WHERE e.id > ? AND e.at >= ? AND e.at < ?
              ORDER BY e.id LIMIT ?)`,
    [after, period.from, period.to, limit],
  );
  return { n: row?.n ?? 0, last: row?.last ?? 0, lines: row?.lines ?? Buffer.alloc(0) };
}

/** The audit entries `after` < seq <= `upTo` (the rows the export's audit log part selects), as JSON lines. */
export async function auditJsonLinesPage(db: Queryable, after: number, upTo: number): Promise<{ n: number; lines: Buffer }> {
  const row = await db.get<{ n: number; lines: Buffer | null }>(
    `SELECT count(*) AS n,
            CAST(group_concat(json_object('seq', seq, 'at', at, 'actor', actor, 'action', action, 'entity', entity, 'entity_id', entity_id,
                                          'record_hash', record_hash, 'prev_hash', prev_hash, 'hash', hash), char(10)) || char(10) AS BLOB) AS lines
       FROM audit_log WHERE seq > ? AND seq <= ?`,
    [after, upTo],
  );
  return { n: row?.n ?? 0, lines: row?.lines ?? Buffer.alloc(0) };
}
