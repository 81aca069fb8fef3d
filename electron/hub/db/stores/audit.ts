/**
 * The hash-chained audit log. Runs in: the hub. Every write appends here inside its own
 * transaction, so a record and its audit entry are committed together or not at all.
 */
import { hash as digest } from 'node:crypto';
import { canonicalJson } from '../../../../shared/domain/canonical.js';
import type { Queryable } from '../port.js';

export const genesisHash = '0'.repeat(64);

export interface AuditInput {
  at: number;
  /** Who did it, as an id (`device:3`, `cli`, `hub`), never a person's name. */
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** The record as written; only its hash is kept here. */
  record: unknown;
}

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  record_hash: string;
  prev_hash: string;
  hash: string;
}

// The one-shot hash: no Hash object per entry (exports and verify hash millions of them).
const sha256 = (text: string) => digest('sha256', text, 'hex');

/**
 * The entry's own hash covers every field and the previous hash, which links the chain. It is the
 * SHA-256 of the entry's canonical JSON, written out here field by field in canonical (sorted) order
 * because exports and verify hash millions of entries; a test holds it equal to canonicalJson.
 * Only the named fields are read, so a whole row (with its hash) may be passed as it is.
 */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const text =
    `{"action":${JSON.stringify(e.action)},"actor":${JSON.stringify(e.actor)},"at":${JSON.stringify(e.at)},` +
    `"entity":${JSON.stringify(e.entity)},"entity_id":${JSON.stringify(e.entity_id)},"prev_hash":${JSON.stringify(e.prev_hash)},` +
    `"record_hash":${JSON.stringify(e.record_hash)},"seq":${JSON.stringify(e.seq)}}`;
  return sha256(text);
}

export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AuditEntry> {
  const last = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const body = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId == null ? null : String(input.entityId),
    record_hash: sha256(canonicalJson(input.record)),
    prev_hash: last?.hash ?? genesisHash,
  };
  const entry: AuditEntry = { ...body, hash: entryHash(body) };
  await tx.run(
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash)
     VALUES ($seq, $at, $actor, $action, $entity, $entity_id, $record_hash, $prev_hash, $hash)`,
    { ...entry },
  );
  return entry;
}

/** Walks the chain and names the first entry that is missing, out of order or changed. */
export async function checkAuditChain(db: Queryable): Promise<{ ok: true; length: number } | { ok: false; seq: number; reason: string }> {
  const rows = await db.all<AuditEntry>('SELECT * FROM audit_log ORDER BY seq');
  let prev = genesisHash;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { ok: false, seq: expectedSeq, reason: 'missing entry' };
    if (row.prev_hash !== prev) return { ok: false, seq: row.seq, reason: 'does not link to the entry before it' };
    if (entryHash(row) !== row.hash) return { ok: false, seq: row.seq, reason: 'entry was changed' };
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, length: rows.length };
}
