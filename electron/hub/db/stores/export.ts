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

/** How many entries the whole audit log spans (at least as many as any period holds): two lookups of its key. */
export async function auditLogSize(db: Queryable): Promise<number> {
  const row = await db.get<{ n: number | null }>('SELECT max(seq) - min(seq) + 1 AS n FROM audit_log');
  return row?.n ?? 0;
}

export const auditEntry = (db: Queryable, seq: number) => db.get<AuditEntry>('SELECT * FROM audit_log WHERE seq = ?', [seq]);

/**
 * A stretch of the audit log (`afterSeq` < seq <= `upToSeq`) with each entry's two texts written
 * by SQLite, in seq order, into one blob: its JSON Lines line, and its canonical text (what its
 * hash covers) and a newline. Writing the texts here instead of as row objects in JavaScript cost
 * a third of the CPU (docs/performance.md, Export). The caller writes the CSV line from the JSON
 * Lines line's values: SQLite writing it too cost a fifth of its time for the stretch.
 *
 * Texts are written between quotes as they are. `odd` counts the entries the line writers would
 * write otherwise: a text that JSON escapes or that is not text at all (a BLOB, a number), an
 * instant that is a fraction, negative or beyond 2^53, a hash that is not 64 characters of text, a
 * record hash that is not hex. They are found through the partial index `audit_log_odd`
 * (migration 9) that holds only those, and send the stretch row by row.
 */
export interface AuditLines {
  n: number;
  odd: number | null;
  lines: Buffer | null;
}

// Word for word the WHERE of the partial index audit_log_odd (migration 9): asking the index
// instead of testing each entry took a third off SQLite's time for the page (2.23 -> 1.67 µs an
// entry). Should the two ever differ, SQLite refuses the query and every page goes row by row.
// Besides numbers and hashes the line writers would write differently, it holds the entries with a
// text JSON writes escaped (see the migration): every other text is written as it is between
// quotes, which costs SQLite a fifth less than json_quote.
const escapes = (column: string) => `${column} GLOB ('*[' || char(1) || '-' || char(31) || char(34) || char(92) || ']*') OR instr(${column}, char(0)) > 0`;
const auditOdd = `typeof(at) != 'integer' OR at NOT BETWEEN 0 AND 9007199254740991
        OR typeof(record_hash) != 'text' OR typeof(prev_hash) != 'text' OR typeof(hash) != 'text'
        OR length(record_hash) != 64 OR unhex(record_hash) IS NULL OR length(prev_hash) != 64 OR length(hash) != 64
        OR typeof(actor) != 'text' OR typeof(action) != 'text' OR typeof(entity) != 'text' OR typeof(entity_id) NOT IN ('text', 'null')
        OR ${escapes('actor')}
        OR ${escapes('action')}
        OR ${escapes('entity')}
        OR ${escapes('entity_id')}`;
// One group_concat of both texts: two or three of them over one page cost SQLite four to five
// times as much as one holding the same bytes (measured, SQLite 3.52).
const auditLinesSql = `SELECT count(*) AS n,
    (SELECT count(*) FROM audit_log INDEXED BY audit_log_odd WHERE seq > ?1 AND seq <= ?2 AND (${auditOdd})) AS odd,
    CAST(group_concat(format(
    '{"seq":%d,"at":%d,"actor":"%s","action":"%s","entity":"%s","entity_id":%s,"record_hash":"%s","prev_hash":"%s","hash":"%s"}' || char(10)
    || '{"action":"%s","actor":"%s","at":%d,"entity":"%s","entity_id":%s,"prev_hash":"%s","record_hash":"%s","seq":%d}' || char(10),
    seq, at, actor, action, entity, ifnull('"' || entity_id || '"', 'null'), record_hash, prev_hash, hash,
    action, actor, at, entity, ifnull('"' || entity_id || '"', 'null'), prev_hash, record_hash, seq), '') AS BLOB) AS lines
  FROM audit_log WHERE seq > ?1 AND seq <= ?2`;

export const auditLines = (db: Queryable, afterSeq: number, upToSeq: number) => db.get<AuditLines>(auditLinesSql, [afterSeq, upToSeq]);

/** The audit entries `afterSeq` < seq <= `upToSeq`, as rows. */
export const auditStretch = (db: Queryable, afterSeq: number, upToSeq: number) =>
  db.all<AuditEntry>('SELECT * FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq', [afterSeq, upToSeq]);

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

const presencePageSql = `SELECT e.id, e.person_id, e.kind, e.at, e.method, e.automatic, e.device_id, p.employee_no, p.name, p.team
       FROM presence_events e
       JOIN people p ON p.id = e.person_id
      WHERE e.id > ?1 AND e.at >= ?2 AND e.at < ?3
      ORDER BY e.id LIMIT ?4`;

export const presencePage = (db: Queryable, afterId: number, period: Period, limit: number) =>
  db.all<PresenceExportRow>(presencePageSql, [afterId, period.from, period.to, limit]);

/** A page of records with their lines as SQLite writes them (see presenceLines). */
export interface PageLines {
  n: number;
  /** The page's last key. */
  last: number | null;
  odd: number | null;
  lines: Buffer | null;
}

/**
 * The same page as presencePage, as one blob: per event its id and instant (`12,1795737527362,`)
 * and its JSON Lines line from `"kind"` on. The instants' text is the caller's (cached per hour,
 * see local-time.ts), and so is the CSV line, written from the JSON Lines line's values (SQLite
 * writing it too cost a fifth of its time for the page). Strings go through `json_quote`, which
 * writes every valid UTF-8 text as JSON.stringify does (writing people's texts as they are, with
 * the people whose texts JSON escapes found by a partial index, saved nothing measurable). `odd`
 * counts the events in the page's stretch of ids whose numbers JavaScript would write differently (a
 * fraction, beyond 2^53, an instant Date cannot hold), found through the partial index
 * `presence_events_odd` (migration 8) that holds only those; a BLOB where text belongs makes
 * `json_quote` fail the query. Either sends the page row by row.
 */
// Word for word the WHERE of presence_events_odd (see auditOdd).
const presenceOdd = `typeof(at) != 'integer' OR at NOT BETWEEN -8640000000000000 AND 8640000000000000
        OR id > 9007199254740991 OR person_id NOT BETWEEN -9007199254740991 AND 9007199254740991
        OR typeof(device_id) NOT IN ('integer', 'null') OR device_id NOT BETWEEN -9007199254740991 AND 9007199254740991`;
const presenceLinesSql = `SELECT n, last,
    (SELECT count(*) FROM presence_events INDEXED BY presence_events_odd WHERE id > ?1 AND id <= last AND (${presenceOdd})) AS odd, lines
  FROM (SELECT count(*) AS n, max(id) AS last,
    CAST(group_concat(format('%d,%d,"kind":%s,"employee_no":%s,"name":%s,"team":%s,"person_id":%d,"method":%s,"automatic":%s,"device_id":%s}' || char(10),
      id, at, json_quote(kind), json_quote(employee_no), json_quote(name), json_quote(team), person_id, json_quote(method), iif(automatic IS 1, 'true', 'false'), ifnull(device_id, 'null')), '') AS BLOB) AS lines
  FROM (${presencePageSql}))`;

export const presenceLines = (db: Queryable, afterId: number, period: Period, limit: number) =>
  db.get<PageLines>(presenceLinesSql, [afterId, period.from, period.to, limit]);

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
