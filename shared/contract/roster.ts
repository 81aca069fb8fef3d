/**
 * Roster import (人员名册导入): the admin screen sends the CSV file as picked, previews what would
 * change, then imports. The rules are in shared/domain/roster.ts; the command line
 * (`safefloor roster import`) runs the same service.
 *
 * Size: a roster of a few thousand people is larger than the doors' 64 KiB default, so these two
 * methods accept bodies up to 8 MiB (HTTP grants it only to a token that may call them).
 *
 * Progress and cancelling: the screen may name the call with a `jobId` of its own making, then ask
 * `roster.progress` while the call runs (checking each PIN against its stored hash is the slow part)
 * and `roster.cancel` it; an import cancelled before it writes changes nothing, and once it writes,
 * it writes everything in one transaction.
 */
import { z } from 'zod';
import { method } from './method.js';
import { EmployeeNo } from './common.js';
import { SupervisorAuth } from './people.js';

export const rosterMaxBodyBytes = 8 * 1024 * 1024;

/** The file as picked: bytes in base64 (any encoding: UTF-8 with or without BOM, GBK/GB18030), or text already decoded. */
export const RosterFile = z.union([
  z.object({ base64: z.base64().min(4).max(Math.floor((rosterMaxBodyBytes - 1024) / 1.01)) }).strict(),
  z.object({ text: z.string().min(1).max(4_000_000) }).strict(),
]);

export const RosterJobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

const request = {
  csv: RosterFile,
  /** The file is the whole roster: active people it does not list are deactivated. */
  deactivateMissing: z.boolean().default(false),
  jobId: RosterJobId.optional(),
};

export const RosterRequest = z.object(request).strict();
export const RosterImportRequest = z.object({ ...request, auth: SupervisorAuth }).strict();

export const RosterAction = z.enum(['add', 'update', 'unchanged']);
export const RosterFieldName = z.enum(['name', 'team', 'role', 'badge', 'pin', 'training', 'active']);

export const RosterReasonView = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** In the caller's language; `roster.reasons.<code>` in the i18n resources. */
  message: z.string(),
});

export const RosterReport = z.object({
  /** False for a preview (nothing changed); true once imported. */
  applied: z.boolean(),
  encoding: z.enum(['utf-8', 'gb18030']),
  /** Recognised columns as the file has them, in its order. */
  columns: z.array(z.string()),
  /** Headers the import does not know and did not read. */
  ignoredColumns: z.array(z.string()),
  counts: z.object({
    rows: z.number().int(),
    add: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    deactivate: z.number().int(),
    rejected: z.number().int(),
  }),
  rows: z.array(
    z.object({
      line: z.number().int(),
      employeeNo: z.string(),
      name: z.string(),
      action: RosterAction,
      changes: z.array(RosterFieldName),
      /** Whether the person is active after the import. */
      active: z.boolean(),
    }),
  ),
  rejected: z.array(
    z.object({
      line: z.number().int(),
      employeeNo: z.string().nullable(),
      reasons: z.array(RosterReasonView),
      /** Every reason in one sentence, in the caller's language. */
      message: z.string(),
    }),
  ),
  deactivate: z.array(z.object({ employeeNo: EmployeeNo, name: z.string() })),
});
export type RosterReport = z.infer<typeof RosterReport>;

export const RosterProgress = z.object({
  jobId: RosterJobId,
  phase: z.enum(['reading', 'checking_pins', 'writing', 'done', 'cancelled', 'failed']),
  /** Rows whose PIN has been checked or hashed so far, of `total`. */
  done: z.number().int(),
  total: z.number().int(),
});
export type RosterProgress = z.infer<typeof RosterProgress>;

export const rosterMethods = {
  'roster.preview': method({
    input: RosterRequest,
    output: RosterReport,
    roles: ['admin'],
    writes: false,
    maxBodyBytes: rosterMaxBodyBytes,
    summary: 'What importing this CSV would change, row by row, and every line it would reject with the reason. Changes nothing.',
  }),
  'roster.import': method({
    input: RosterImportRequest,
    output: RosterReport,
    roles: ['admin'],
    writes: true,
    maxBodyBytes: rosterMaxBodyBytes,
    summary: 'Import the valid rows of this CSV (a known employee number updates that person) and report every rejected line; one import at a time.',
  }),
  'roster.progress': method({
    input: z.object({ jobId: RosterJobId }).strict(),
    output: RosterProgress,
    roles: ['admin'],
    writes: false,
    summary: 'How far a preview or import named with this jobId has got (kept for 10 minutes after it ends).',
  }),
  'roster.cancel': method({
    input: z.object({ jobId: RosterJobId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    roles: ['admin'],
    writes: true,
    summary: 'Stop a running preview or import before it writes; false when it had already finished or started writing.',
  }),
} as const;
