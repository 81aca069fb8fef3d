/**
 * Retention (issue 6): how long personal data is kept, and the purge that removes it from older
 * records while the audit chain stays verifiable. What is removed from which record is in
 * shared/contract/retention.ts and db/stores/retention.ts. Runs in: the hub.
 *
 * The purge is one transaction: the records lose their personal fields, and the audit log gains
 * one entry for the purge and one per purged record holding the hash of each removed field (so an
 * auditor's earlier copy can still be checked), all or nothing. Finding nothing to remove writes
 * nothing. Afterwards the write-ahead log is checkpointed, so the old values do not wait in it.
 */
import { createHash } from 'node:crypto';
import { ApiError, type SupervisorAuth } from '../../../shared/contract/index.js';
import {
  purgeKinds,
  type ChainCheck,
  type PurgeCounts,
  type PurgeKind,
  type PurgeResult,
  type PurgeSummary,
  type RetentionStatus,
} from '../../../shared/contract/retention.js';
import { canonicalJson } from '../../../shared/domain/canonical.js';
import { dayOf, startOfDay } from '../../../shared/domain/time.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit, entryHash, genesisHash } from '../db/stores/audit.js';
import {
  auditChainPage,
  blankPersonalFields,
  countPurgeCandidates,
  findPurgeCandidates,
  insertPurge,
  insertPurgedFields,
  lastPurge,
  secureDelete,
} from '../db/stores/retention.js';
import type { BackupFile } from './backup.js';
import type { SettingsService } from './settings.js';

export interface RetentionDeps {
  db: Database;
  clock: Clock;
  settings: SettingsService;
  supervisor?: { authorise(auth: SupervisorAuth, caller: Caller): Promise<{ id: number }> };
  backups?: () => BackupFile[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The hash kept for one removed field. Entity, id and field name are inside it, so the same name in
 * two records gives two unrelated hashes (the purge log cannot tell that one visitor came twice).
 */
export const removedFieldHash = (entity: PurgeKind, id: number, field: string, value: string | null) => sha256(canonicalJson({ entity, id, field, value }));

/** The day `months` calendar months before `day` (YYYY-MM-DD); the 31st becomes the month's last day. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Records before this instant are past retention: the start of the site-local day `months` ago. */
export const retentionCutoff = (now: number, months: number, timeZone: string) => startOfDay(monthsBefore(dayOf(now, timeZone), months), timeZone);

const zeroCounts = (): PurgeCounts => Object.fromEntries(purgeKinds.map((k) => [k, 0])) as PurgeCounts;
const totalOf = (counts: PurgeCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Walks the audit log a page at a time (it can hold millions of entries). */
export async function checkChain(db: Database, pageSize = 5000): Promise<ChainCheck> {
  let prev = genesisHash;
  let expected = 1;
  let entries = 0;
  const broken = (seq: number, reason: ChainCheck['reason']): ChainCheck => ({ ok: false, entries, lastSeq: expected - 1 || null, lastHash: entries ? prev : null, brokenAt: seq, reason });
  for (;;) {
    const page = await auditChainPage(db, expected - 1, pageSize);
    if (page.length === 0) break;
    for (const entry of page) {
      if (entry.seq !== expected) return broken(expected, 'missing');
      if (entry.prev_hash !== prev) return broken(entry.seq, 'unlinked');
      const { hash, ...body } = entry;
      if (entryHash(body) !== hash) return broken(entry.seq, 'changed');
      prev = hash;
      expected++;
      entries++;
    }
  }
  return { ok: true, entries, lastSeq: entries ? expected - 1 : null, lastHash: entries ? prev : null, brokenAt: null, reason: null };
}

export function createRetentionService({ db, clock, settings, supervisor, backups }: RetentionDeps) {
  async function cutoffNow(): Promise<{ now: number; cutoff: number; months: number }> {
    const site = await settings.current();
    const now = clock.now();
    return { now, cutoff: retentionCutoff(now, site.retentionMonths, site.timeZone), months: site.retentionMonths };
  }

  async function countDue(cutoff: number): Promise<PurgeCounts> {
    const counts = zeroCounts();
    for (const kind of purgeKinds) counts[kind] = await countPurgeCandidates(db, kind, cutoff);
    return counts;
  }

  async function status(): Promise<RetentionStatus> {
    const { cutoff, months } = await cutoffNow();
    const last = await lastPurge(db);
    const lastSummary: PurgeSummary | null = last
      ? { purgeId: last.id, at: toInstant(last.at), cutoff: toInstant(last.cutoff), retentionMonths: last.retention_months, counts: { ...zeroCounts(), ...(JSON.parse(last.counts) as PurgeCounts) } }
      : null;
    return { retentionMonths: months, cutoff: toInstant(cutoff), due: await countDue(cutoff), lastPurge: lastSummary };
  }

  /**
   * Removes the personal fields past retention (the command line calls this directly; the contract
   * method authorises a supervisor first). `actor` and `personId` go into the audit log.
   */
  async function run(options: { dryRun: boolean; actor: string; personId: number | null; deviceId: number | null }): Promise<PurgeResult> {
    const { now, cutoff, months } = await cutoffNow();
    if (options.dryRun) {
      const counts = await countDue(cutoff);
      return { dryRun: true, purgeId: null, cutoff: toInstant(cutoff), counts, total: totalOf(counts) };
    }
    const done = await db.transaction(async (tx) => {
      const found = [] as Array<{ kind: PurgeKind; candidates: Awaited<ReturnType<typeof findPurgeCandidates>> }>;
      const counts = zeroCounts();
      for (const kind of purgeKinds) {
        const candidates = await findPurgeCandidates(tx, kind, cutoff);
        counts[kind] = candidates.length;
        if (candidates.length) found.push({ kind, candidates });
      }
      if (totalOf(counts) === 0) return { purgeId: null, counts };
      const before = await secureDelete(tx, 1);
      try {
        const purge = { at: now, cutoff, retentionMonths: months, counts, personId: options.personId, deviceId: options.deviceId };
        const purgeId = await insertPurge(tx, purge);
        await appendAudit(tx, {
          at: now,
          actor: options.actor,
          action: 'retention.purge',
          entity: 'retention_purges',
          entityId: purgeId,
          record: { id: purgeId, at: now, cutoff, retention_months: months, counts, person_id: options.personId, device_id: options.deviceId },
        });
        for (const { kind, candidates } of found) {
          for (const candidate of candidates) {
            const fields = Object.fromEntries(Object.entries(candidate.removed).map(([field, value]) => [field, removedFieldHash(kind, candidate.id, field, value)]));
            await blankPersonalFields(tx, kind, candidate.row);
            await insertPurgedFields(tx, { purgeId, entity: kind, entityId: candidate.id, fields });
            await appendAudit(tx, {
              at: now,
              actor: options.actor,
              action: 'retention.purged',
              entity: 'purged_fields',
              entityId: `${kind}/${candidate.id}`,
              record: { entity: kind, id: candidate.id, fields },
            });
          }
        }
        return { purgeId, counts };
      } finally {
        await secureDelete(tx, before);
      }
    });
    if (done.purgeId !== null) {
      // Old page versions would otherwise wait in the write-ahead log until the next checkpoint.
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
    }
    return { dryRun: false, purgeId: done.purgeId, cutoff: toInstant(cutoff), counts: done.counts, total: totalOf(done.counts) };
  }

  async function authorised(auth: SupervisorAuth, caller: Caller) {
    if (!supervisor) throw new Error('retention needs the supervisor check');
    return supervisor.authorise(auth, caller);
  }

  return {
    status,
    run,

    async update(input: { auth: SupervisorAuth; retentionMonths: number }, caller: Caller): Promise<RetentionStatus> {
      const by = await authorised(input.auth, caller);
      await settings.update({ retentionMonths: input.retentionMonths }, `${actorOf(caller)}/person:${by.id}`);
      return status();
    },

    async purge(input: { auth: SupervisorAuth; dryRun: boolean }, caller: Caller): Promise<PurgeResult> {
      const by = await authorised(input.auth, caller);
      return run({ dryRun: input.dryRun, actor: `${actorOf(caller)}/person:${by.id}`, personId: by.id, deviceId: caller.device?.id ?? null });
    },

    checkChain: () => checkChain(db),

    async backupList() {
      const { backupKeepDays } = await settings.current();
      if (!backups) throw new ApiError('unavailable', { context: 'storage' });
      return { keepDays: backupKeepDays, backups: backups().map((b) => ({ name: b.name, at: toInstant(b.at), bytes: b.bytes })) };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
