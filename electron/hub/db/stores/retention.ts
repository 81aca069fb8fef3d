/**
 * Retention: which records still hold personal fields past the cut-off, blanking them, and the
 * purges' own rows. The catalogue below is the one place that says what a purge removes (the table
 * in shared/contract/retention.ts says the same in words). Runs in: the hub.
 */
import type { PurgeKind } from '../../../../shared/contract/retention.js';
import type { Queryable } from '../port.js';

type FieldValue = string | null;

/** A record that still holds personal fields the purge would remove: its id and those fields' values. */
export interface PurgeCandidate {
  id: number;
  removed: Record<string, FieldValue>;
}

interface Target {
  /** SELECT … WHERE …: the candidates' ids and fields, `$cutoff` bound. */
  where: string;
  columns: string;
  /** The fields this row would lose, from what was read (only those that hold something). */
  removed(row: Record<string, unknown>): Record<string, FieldValue>;
  blank(tx: Queryable, row: Record<string, unknown>): Promise<unknown>;
}

const nonEmpty = (row: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => row[f] !== null && row[f] !== '' && row[f] !== undefined).map((f) => [f, String(row[f])]));

/** Plain text columns that become '' (they are NOT NULL in the schema). */
function textColumns(table: string, timeColumn: string, fields: readonly string[], extra = ''): Target {
  return {
    columns: `id, ${fields.join(', ')}`,
    where: `FROM ${table} WHERE ${timeColumn} < $cutoff AND (${fields.map((f) => `${f} <> ''`).join(' OR ')})${extra}`,
    removed: (row) => nonEmpty(row, fields),
    blank: (tx, row) => tx.run(`UPDATE ${table} SET ${fields.map((f) => `${f} = ''`).join(', ')} WHERE id = ?`, [row.id as number]),
  };
}

/** The hazard update's JSON field that names or quotes a person: the plan's responsible, a fix's or verification's note. */
const hazardField = (kind: unknown) => (kind === 'plan' ? 'responsible' : 'note');

const targets: Record<PurgeKind, Target> = {
  // Someone who left before the cut-off and has not signed in since: the roster row keeps its id,
  // employee number, team and role (the presence history still counts), loses who they were.
  people: {
    columns: 'id, name, badge, pin_hash',
    where: `FROM people p WHERE active = 0 AND updated_at < $cutoff
              AND (name <> '' OR coalesce(badge, '') <> '' OR coalesce(pin_hash, '') <> '')
              AND NOT EXISTS (SELECT 1 FROM presence_events e WHERE e.person_id = p.id AND e.at >= $cutoff)`,
    removed: (row) => nonEmpty(row, ['name', 'badge', 'pin_hash']),
    blank: (tx, row) =>
      tx.run("UPDATE people SET name = '', badge = NULL, pin_hash = NULL, failed_pins = 0, locked_until = NULL WHERE id = ?", [row.id as number]),
  },
  // Only finished visits: a visitor still signed in stays in every roll call by name.
  visitors: textColumns('visitors', 'created_at', ['name', 'company'], " AND EXISTS (SELECT 1 FROM visitor_events v WHERE v.visitor_id = visitors.id AND v.kind = 'out')"),
  appearance_checks: textColumns('appearance_checks', 'at', ['note']),
  appearance_resolutions: textColumns('appearance_resolutions', 'at', ['note']),
  extinguisher_checks: textColumns('extinguisher_checks', 'at', ['note', 'signature']),
  check_round_cosigns: textColumns('check_round_cosigns', 'at', ['signature']),
  // Only hazards that are closed (verified): an open plan still needs its responsible person.
  hazard_updates: {
    columns: 'id, kind, details',
    where: `FROM hazard_updates u WHERE u.at < $cutoff
              AND EXISTS (SELECT 1 FROM hazard_updates v WHERE v.hazard_id = u.hazard_id AND v.kind = 'verified')
              AND coalesce(json_extract(u.details, CASE u.kind WHEN 'plan' THEN '$.responsible' ELSE '$.note' END), '') <> ''`,
    removed: (row) => {
      const field = hazardField(row.kind);
      const value = (JSON.parse(String(row.details)) as Record<string, unknown>)[field];
      return typeof value === 'string' && value !== '' ? { [field]: value } : {};
    },
    blank: (tx, row) => {
      const details = JSON.parse(String(row.details)) as Record<string, unknown>;
      details[hazardField(row.kind)] = '';
      return tx.run('UPDATE hazard_updates SET details = ? WHERE id = ?', [JSON.stringify(details), row.id as number]);
    },
  },
};

export async function countPurgeCandidates(db: Queryable, kind: PurgeKind, cutoff: number): Promise<number> {
  return (await db.get<{ n: number }>(`SELECT count(*) AS n ${targets[kind].where}`, { cutoff }))?.n ?? 0;
}

/** Every record of the kind that would lose personal fields, in id order, with the values it would lose. */
export async function findPurgeCandidates(tx: Queryable, kind: PurgeKind, cutoff: number): Promise<Array<PurgeCandidate & { row: Record<string, unknown> }>> {
  const target = targets[kind];
  const rows = await tx.all<Record<string, unknown>>(`SELECT ${target.columns} ${target.where} ORDER BY id`, { cutoff });
  return rows.map((row) => ({ id: row.id as number, removed: target.removed(row), row })).filter((c) => Object.keys(c.removed).length > 0);
}

export const blankPersonalFields = (tx: Queryable, kind: PurgeKind, row: Record<string, unknown>) => targets[kind].blank(tx, row);

export interface PurgeRow {
  id: number;
  at: number;
  cutoff: number;
  retention_months: number;
  counts: string;
}

export async function insertPurge(
  tx: Queryable,
  purge: { at: number; cutoff: number; retentionMonths: number; counts: Record<string, number>; personId: number | null; deviceId: number | null },
): Promise<number> {
  const { lastId } = await tx.run(
    'INSERT INTO retention_purges (at, cutoff, retention_months, counts, person_id, device_id) VALUES (?, ?, ?, ?, ?, ?)',
    [purge.at, purge.cutoff, purge.retentionMonths, JSON.stringify(purge.counts), purge.personId, purge.deviceId],
  );
  return lastId;
}

export async function insertPurgedFields(tx: Queryable, row: { purgeId: number; entity: PurgeKind; entityId: number; fields: Record<string, string> }): Promise<void> {
  await tx.run('INSERT INTO purged_fields (purge_id, entity, entity_id, fields) VALUES (?, ?, ?, ?)', [row.purgeId, row.entity, row.entityId, JSON.stringify(row.fields)]);
}

export const lastPurge = (db: Queryable) => db.get<PurgeRow>('SELECT id, at, cutoff, retention_months, counts FROM retention_purges ORDER BY id DESC LIMIT 1');

/** The field hashes kept for one purged record (null: never purged). */
export async function purgedFieldsOf(db: Queryable, entity: PurgeKind, entityId: number): Promise<Record<string, string> | null> {
  const row = await db.get<{ fields: string }>('SELECT fields FROM purged_fields WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1', [entity, entityId]);
  return row ? (JSON.parse(row.fields) as Record<string, string>) : null;
}

/**
 * SQLite's secure_delete for the purge: the space a removed value leaves in its page is zeroed, so
 * the old bytes do not linger in the file. Returns the setting to put back afterwards.
 */
export async function secureDelete(tx: Queryable, value: number): Promise<number> {
  const before = (await tx.get<{ secure_delete: number }>('PRAGMA secure_delete'))?.secure_delete ?? 0;
  await tx.get(`PRAGMA secure_delete = ${value === 1 ? 1 : value === 2 ? 2 : 0}`);
  return before;
}

/** A page of the audit log in sequence order, for walking the chain without holding all of it. */
export const auditChainPage = (db: Queryable, afterSeq: number, limit: number) =>
  db.all<{ seq: number; at: number; actor: string; action: string; entity: string; entity_id: string | null; record_hash: string; prev_hash: string; hash: string }>(
    'SELECT seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
    [afterSeq, limit],
  );
