/**
 * The record kinds an export carries, each once: its files' fields, how a page is read, and which
 * of its fields the audit log hashed when the record was written (so `verify` can prove the record
 * unchanged). Adding a kind is adding an entry here. Runs in: the hub.
 */
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { localDateTime } from '../../../shared/domain/time.js';
import type { Queryable } from '../db/port.js';
import { csvCell } from './csv.js';
import type { AuditEntry } from '../db/stores/audit.js';
import { presenceCount, presenceLines, presencePage, type PageLines, type Period, type PresenceExportRow } from '../db/stores/export.js';
import type { ByteSink } from './file-writer.js';
import { checkPresenceLines, putPresenceLines } from './presence-lines.js';

export type Value = string | number | boolean | null;
export type ExportRecord = Record<string, Value>;

export interface RecordKind<Row> {
  /** File name without extension; also the audit log's `entity`. */
  name: string;
  /** Field names in JSON Lines, in order; machine-readable, always English. */
  jsonFields: readonly string[];
  /** Columns of the CSV, in order; headers are translated as `export.columns.<name>`. */
  csvFields: readonly string[];
  count(db: Queryable, period: Period): Promise<number>;
  /** The next page after the row with key `after`, in key order. */
  page(db: Queryable, after: number, period: Period, limit: number): Promise<Row[]>;
  key(row: Row): number;
  toRecord(row: Row, timeZone: string): ExportRecord;
  /** The record as it was hashed into the audit log when written. */
  audited(record: ExportRecord): unknown;
  /**
   * Optional, for kinds with millions of rows: the row's CSV and JSON Lines lines written out
   * directly, without the record objects in between. They must equal what toRecord gives
   * (a test holds them to it).
   */
  csvLine?(row: Row, time: TimeText): string;
  jsonLine?(row: Row, time: TimeText): string;
  /**
   * Optional, for kinds with millions of rows: a page read with its lines as SQLite writes them
   * (the same rows as `page`), checked to be what csvLine and jsonLine give and put into the files
   * as bytes; a page it cannot vouch for (check gives null) is read again through `page`.
   */
  sqlLines?: SqlLines<any>;
  /** Optional, for verify: canonicalJson(audited(record)) written out directly (a test holds them equal). */
  auditedCanonical?(record: Record<string, unknown>): string;
}

export interface SqlLines<Checked> {
  read(db: Queryable, after: number, period: Period, limit: number): Promise<PageLines | undefined>;
  check(lines: Buffer, count: number): Checked | null;
  put(lines: Buffer, checked: Checked, time: TimeText, csv: ByteSink, jsonl: ByteSink): void;
}

/** How the export writes instants: `localDateTime` in its zone, and `toISOString` (local-time.ts `exportTimes`). */
export interface TimeText {
  local(instant: number): string;
  iso(instant: number): string;
  /** The same texts written as bytes at `at` (room for maxTimeBytes); where they end. */
  putLocal(instant: number, bytes: Uint8Array, at: number): number;
  putIso(instant: number, bytes: Uint8Array, at: number): number;
}

const json = JSON.stringify;

/** A value canonicalJson writes as JSON.stringify does (anything else goes the general way). */
const plain = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

export const presenceKind: RecordKind<PresenceExportRow> = {
  name: 'presence_events',
  jsonFields: ['id', 'at', 'kind', 'employee_no', 'name', 'team', 'person_id', 'method', 'automatic', 'device_id'],
  csvFields: ['id', 'at_local', 'kind', 'employee_no', 'name', 'team', 'method', 'automatic', 'device_id'],
  count: presenceCount,
  page: presencePage,
  key: (row) => row.id,
  toRecord: (row, timeZone) => ({
    id: row.id,
    at: new Date(row.at).toISOString(),
    at_local: localDateTime(row.at, timeZone),
    kind: row.kind,
    employee_no: row.employee_no,
    name: row.name,
    team: row.team,
    person_id: row.person_id,
    method: row.method,
    automatic: row.automatic === 1,
    device_id: row.device_id,
  }),
  audited: (r) => ({
    id: r.id,
    person_id: r.person_id,
    kind: r.kind,
    at: Date.parse(String(r.at)),
    method: r.method,
    automatic: r.automatic ? 1 : 0,
    device_id: r.device_id,
  }),
  csvLine: (r, time) =>
    `${r.id},${time.local(r.at)},${csvCell(r.kind)},${csvCell(r.employee_no)},${csvCell(r.name)},${csvCell(r.team)},${csvCell(r.method)},${r.automatic === 1},${csvCell(r.device_id)}\r\n`,
  jsonLine: (r, time) =>
    `{"id":${r.id},"at":"${time.iso(r.at)}","kind":${json(r.kind)},"employee_no":${json(r.employee_no)},"name":${json(r.name)},"team":${json(r.team)},` +
    `"person_id":${r.person_id},"method":${json(r.method)},"automatic":${r.automatic === 1},"device_id":${json(r.device_id)}}\n`,
  sqlLines: { read: presenceLines, check: checkPresenceLines, put: putPresenceLines },
  auditedCanonical: (r) => {
    const at = Date.parse(String(r.at));
    if (!Number.isFinite(at) || !plain(r.id) || !plain(r.person_id) || !plain(r.kind) || !plain(r.method) || !plain(r.device_id)) {
      return canonicalJson(presenceKind.audited(r as ExportRecord));
    }
    return `{"at":${at},"automatic":${r.automatic ? 1 : 0},"device_id":${json(r.device_id)},"id":${json(r.id)},"kind":${json(r.kind)},"method":${json(r.method)},"person_id":${json(r.person_id)}}`;
  },
};

export const recordKinds: ReadonlyArray<RecordKind<any>> = [presenceKind];

/** The audit log itself travels with every export: it is the chain the auditor checks. */
export const auditKind = {
  name: 'audit_log',
  jsonFields: ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'record_hash', 'prev_hash', 'hash'],
  csvFields: ['seq', 'at_local', 'actor', 'action', 'entity', 'entity_id', 'record_hash', 'prev_hash', 'hash'],
  toRecord: (e: AuditEntry, timeZone: string): ExportRecord => ({ ...e, at_local: localDateTime(e.at, timeZone) }),
  csvLine: (e: AuditEntry, time: TimeText) =>
    `${e.seq},${time.local(e.at)},${csvCell(e.actor)},${csvCell(e.action)},${csvCell(e.entity)},${csvCell(e.entity_id)},${csvCell(e.record_hash)},${csvCell(e.prev_hash)},${csvCell(e.hash)}\r\n`,
  jsonLine: (e: AuditEntry) =>
    `{"seq":${e.seq},"at":${e.at},"actor":${json(e.actor)},"action":${json(e.action)},"entity":${json(e.entity)},"entity_id":${json(e.entity_id)},` +
    `"record_hash":${json(e.record_hash)},"prev_hash":${json(e.prev_hash)},"hash":${json(e.hash)}}\n`,
};
