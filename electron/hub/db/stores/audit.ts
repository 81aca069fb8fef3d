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

type Tail = { seq: number; hash: string } | undefined;

/**
 * SQL that holds when the log ends just before the entry `seq` that links to `prevHash` (both SQL
 * expressions): an append made only if it holds can neither leave a gap nor fork the chain.
 */
export const auditEndsBefore = (seq: string, prevHash: string) =>
  `coalesce((SELECT max(seq) FROM main.audit_log), 0) = ${seq} - 1 AND coalesce((SELECT hash FROM main.audit_log WHERE seq = ${seq} - 1), '${genesisHash}') = ${prevHash}`;

/**
 * The entry each connection appended last, so that the next append need not read it back first
 * (one round trip fewer on every sign-in). It is only a guess: the insert below happens only if
 * the log really ends there, and otherwise the end is read and the append made again.
 */
const tails = new WeakMap<Queryable, Tail>();

const readTail = (tx: Queryable) => tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');

/** The entry that follows `last` (undefined: the log is empty). */
function entryAfter(last: Tail, input: AuditInput, recordHash: string): AuditEntry {
  const body = {
    seq: (last?.seq ?? 0) + 1,
    at: input.at,
    actor: input.actor,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId == null ? null : String(input.entityId),
    record_hash: recordHash,
    prev_hash: last?.hash ?? genesisHash,
  };
  return { ...body, hash: entryHash(body) };
}

export async function appendAudit(tx: Queryable, input: AuditInput): Promise<AuditEntry> {
  const recordHash = sha256(canonicalJson(input.record));
  let last = tails.has(tx) ? tails.get(tx) : await readTail(tx);
  for (let attempt = 0; ; attempt++) {
    const entry = entryAfter(last, input, recordHash);
    const { changes } = await tx.run(
      `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, record_hash, prev_hash, hash)
       SELECT $seq, $at, $actor, $action, $entity, $entity_id, $record_hash, $prev_hash, $hash
        WHERE ${auditEndsBefore('$seq', '$prev_hash')}`,
      { ...entry },
    );
    if (changes === 1) {
      tails.set(tx, { seq: entry.seq, hash: entry.hash });
      return entry;
    }
    // Another writer appended (the command line beside the hub), or the entry we remembered was
    // rolled back with its transaction: read where the log ends now. Inside a write transaction
    // nobody else can append, so the second try holds.
    if (attempt > 0) throw new Error('the audit log changed under a write transaction');
    last = await readTail(tx);
  }
}

/**
 * For a write that appends its entry itself in the same statement (stores/door-pass.ts): the entry
 * that would follow the one this connection appended last, or undefined when that is not known.
 * The statement must insert it only if the log still ends there, and then call `appendedAudit`.
 */
export function nextAuditEntry(tx: Queryable, input: AuditInput): AuditEntry | undefined {
  if (!tails.has(tx)) return undefined;
  return entryAfter(tails.get(tx), input, sha256(canonicalJson(input.record)));
}

export function appendedAudit(tx: Queryable, entry: AuditEntry | null): void {
  if (entry) tails.set(tx, { seq: entry.seq, hash: entry.hash });
  else tails.delete(tx);
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
