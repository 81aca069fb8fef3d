/**
 * How long the hub keeps personal data, and the checks that show the records are still whole.
 *
 * Retention (issue 6): the site keeps personal fields for `retentionMonths`; a purge removes them
 * from records older than the cut-off (the start of the site-local day that many months ago).
 * What a purge removes, record kind by record kind (everything else of the record stays: ids,
 * times, results, the audit log):
 *
 * | kind | fields removed | which records |
 * |---|---|---|
 * | people | name, badge, PIN hash | left (inactive) before the cut-off, with no sign-in since |
 * | visitors | name, company | visits before the cut-off |
 * | appearance_checks, appearance_resolutions | note | before the cut-off |
 * | extinguisher_checks | note, signature | before the cut-off |
 * | check_round_cosigns | signature | before the cut-off |
 * | hazard_updates | the plan's responsible person, the fix's and verification's note | before the cut-off, of verified (closed) hazards |
 *
 * Presence events hold no personal field: their person link stays as it is, an opaque id, and
 * reads as nobody once the person's roster row has been purged.
 *
 * The audit log is never touched: its entries keep their hashes and the chain stays verifiable.
 * For every purged record the purge appends an audit entry (entity `purged_fields`, entity id
 * `<kind>/<id>`) whose record is `{ entity, id, fields }`, where each removed field's hash is
 * `sha256(canonicalJson({ entity, id, field, value }))` (hex). An auditor holding an earlier copy of
 * the record recomputes it and compares with the entry's `record_hash`, which every export carries.
 * The purge itself is one more entry (`retention.purge`).
 */
import { z } from 'zod';
import { Empty, Instant } from './common.js';
import { method } from './method.js';
import { SupervisorAuth } from './people.js';

export const purgeKinds = [
  'people',
  'visitors',
  'appearance_checks',
  'appearance_resolutions',
  'extinguisher_checks',
  'check_round_cosigns',
  'hazard_updates',
] as const;
export const PurgeKind = z.enum(purgeKinds);
export type PurgeKind = z.infer<typeof PurgeKind>;

/** How many records of each kind (lose / lost) their personal fields. */
export const PurgeCounts = z.record(PurgeKind, z.number().int().min(0));
export type PurgeCounts = z.infer<typeof PurgeCounts>;

/** The longest a site may choose: 20 years. The shortest: a month. */
export const RetentionMonths = z.number().int().min(1).max(240);

export const PurgeSummary = z.object({
  purgeId: z.number().int().positive(),
  at: Instant,
  cutoff: Instant,
  retentionMonths: z.number().int(),
  counts: PurgeCounts,
});
export type PurgeSummary = z.infer<typeof PurgeSummary>;

export const RetentionStatus = z.object({
  retentionMonths: z.number().int(),
  /** Records from before this instant would lose their personal fields if a purge ran now. */
  cutoff: Instant,
  /** What a purge would remove now. */
  due: PurgeCounts,
  lastPurge: PurgeSummary.nullable(),
});
export type RetentionStatus = z.infer<typeof RetentionStatus>;

export const PurgeResult = z.object({
  dryRun: z.boolean(),
  /** The purge's id; null for a dry run or when there was nothing to remove (nothing written). */
  purgeId: z.number().int().positive().nullable(),
  cutoff: Instant,
  counts: PurgeCounts,
  total: z.number().int().min(0),
});
export type PurgeResult = z.infer<typeof PurgeResult>;

/** The live audit chain, walked from the first entry: unbroken, or where it breaks and why. */
export const ChainCheck = z.object({
  ok: z.boolean(),
  entries: z.number().int().min(0),
  lastSeq: z.number().int().nullable(),
  lastHash: z.string().nullable(),
  brokenAt: z.number().int().nullable(),
  reason: z.enum(['missing', 'unlinked', 'changed']).nullable(),
});
export type ChainCheck = z.infer<typeof ChainCheck>;

export const BackupItem = z.object({ name: z.string(), at: Instant, bytes: z.number().int().min(0) });
export type BackupItem = z.infer<typeof BackupItem>;

export const retentionMethods = {
  'retention.status': method({
    input: Empty,
    output: RetentionStatus,
    roles: ['admin'],
    writes: false,
    summary: 'How long personal data is kept, the cut-off a purge would use now, what it would remove, and the last purge.',
  }),
  'retention.update': method({
    input: z.object({ auth: SupervisorAuth, retentionMonths: RetentionMonths }).strict(),
    output: RetentionStatus,
    roles: ['admin'],
    writes: true,
    summary: "Change how many months personal data is kept, with a supervisor's PIN or admin ticket.",
  }),
  'retention.purge': method({
    input: z.object({ auth: SupervisorAuth, dryRun: z.boolean().default(false) }).strict(),
    output: PurgeResult,
    roles: ['admin'],
    writes: true,
    summary:
      "Remove the personal fields of records older than the cut-off (a dry run only counts them), with a supervisor's PIN or admin ticket. Each purged record keeps a hash of what was removed; the audit chain stays verifiable.",
  }),
  'audit.check': method({
    input: Empty,
    output: ChainCheck,
    roles: ['admin'],
    writes: false,
    summary: 'Walk the whole audit chain: every entry present, linked to the one before it, and unchanged.',
  }),
  'backup.list': method({
    input: Empty,
    output: z.object({ keepDays: z.number().int(), backups: z.array(BackupItem) }),
    roles: ['admin'],
    writes: false,
    summary: 'The daily database backups the hub keeps, newest first, and how many days they are kept.',
  }),
} as const;
