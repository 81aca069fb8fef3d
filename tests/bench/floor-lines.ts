/**
 * The export's floor reads its page this way: SQLite writes the rows of a page (the export's
 * presence query, the same columns and order) as JSON lines itself and hands back one blob, so no
 * row becomes a JavaScript object. The cheapest way we know to select the rows and write them as
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
