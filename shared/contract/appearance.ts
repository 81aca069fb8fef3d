/**
 * The appearance / uniform self-check (仪容仪表自检): the checklist the department configures
 * (versioned: every edit is a new version), the check a staff member submits at the kiosk right
 * after signing in, and the supervisor's review of failed checks.
 *
 * Who is submitting: the sign-in answer carries a one-time `selfCheckTicket` (valid for 10 minutes,
 * from the same device), so the kiosk goes straight from sign-in to the self-check without a second
 * PIN; employee number + PIN works too (ticket expired, or a check made later).
 */
import { z } from 'zod';
import { doorRoles, method } from './method.js';
import { EmployeeNo, Instant, Pin, text } from './common.js';
import { appearanceActions, appearanceGroups } from '../domain/checklist.js';
import { SupervisorAuth } from './people.js';

export const AppearanceGroup = z.enum(appearanceGroups);
export const AppearanceItemId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);

export const AppearanceItem = z
  .object({
    /** Stable across versions: keep the id when editing an item's words. */
    id: AppearanceItemId,
    group: AppearanceGroup,
    label: z.object({ 'zh-CN': text(80), en: text(80) }).strict(),
    /** Flagging a required item fails the check and sends it to review; an optional one is only noted. */
    required: z.boolean(),
  })
  .strict();
export type AppearanceItem = z.infer<typeof AppearanceItem>;

export const AppearanceChecklist = z.object({
  version: z.number().int().positive(),
  createdAt: Instant,
  items: z.array(AppearanceItem),
});
export type AppearanceChecklist = z.infer<typeof AppearanceChecklist>;

export const AppearanceActionKind = z.enum(appearanceActions);

const Note = z
  .string()
  .trim()
  .max(500)
  .regex(/^(?:[^\p{Cc}]|\r?\n)*$/u)
  .default('');

export const SelfCheckTicketCode = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);

export const AppearanceSubmit = z
  .object({
    /** From the sign-in answer; or employeeNo + pin instead. */
    ticket: SelfCheckTicketCode.optional(),
    employeeNo: EmployeeNo.optional(),
    pin: Pin.optional(),
    /** The checklist version the screen showed (any stored version is accepted and recorded). */
    checklistVersion: z.number().int().positive(),
    /** Ids of the items the person flagged; everything else was OK. */
    flagged: z.array(AppearanceItemId).max(40).refine((ids) => new Set(ids).size === ids.length, { message: 'an item is flagged twice' }),
    note: Note,
  })
  .strict()
  .refine((v) => (v.ticket !== undefined) !== (v.employeeNo !== undefined && v.pin !== undefined) && (v.employeeNo === undefined) === (v.pin === undefined), {
    message: 'either a ticket, or employeeNo and pin',
    path: ['ticket'],
  });

export const ReviewItem = z.object({
  checkId: z.number().int().positive(),
  at: Instant,
  person: z.object({ employeeNo: z.string(), name: z.string(), team: z.string() }),
  checklistVersion: z.number().int().positive(),
  /** The flagged items as they read in the version the check used. */
  flagged: z.array(AppearanceItem),
  note: z.string(),
  passed: z.boolean(),
  resolution: z
    .object({
      action: AppearanceActionKind,
      note: z.string(),
      at: Instant,
      by: z.object({ employeeNo: z.string(), name: z.string() }),
    })
    .nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const appearanceMethods = {
  'checklist.current': method({
    input: z.object({}).strict(),
    output: AppearanceChecklist,
    roles: doorRoles,
    writes: false,
    summary: 'The current self-check list with its version; groups are translated as appearance.groups.<group>.',
  }),
  'checklist.update': method({
    input: z.object({ auth: SupervisorAuth, items: z.array(AppearanceItem).min(1).max(40) }).strict(),
    output: z.object({ checklist: AppearanceChecklist, created: z.boolean() }),
    roles: ['admin'],
    writes: true,
    summary: 'Save the list as a new version (created: false when nothing differs); item ids must be unique.',
  }),
  'appearance.submit': method({
    input: AppearanceSubmit,
    output: z.object({
      checkId: z.number().int().positive(),
      at: Instant,
      passed: z.boolean(),
      requiredFlagged: z.number().int(),
      /** The check went to the supervisor's review queue. */
      queued: z.boolean(),
      person: z.object({ employeeNo: z.string(), name: z.string() }),
    }),
    roles: doorRoles,
    writes: true,
    summary: 'Record a self-check: the flagged items of the given checklist version, and a note.',
  }),
  'appearance.reviewQueue': method({
    input: z.object({ status: z.enum(['open', 'resolved', 'all']).default('open'), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({ items: z.array(ReviewItem), open: z.number().int() }),
    roles: ['admin'],
    writes: false,
    summary: 'Failed self-checks (a required item flagged), newest first; open ones await the supervisor.',
  }),
  'appearance.resolve': method({
    input: z.object({ auth: SupervisorAuth, checkId: z.number().int().positive(), action: AppearanceActionKind, note: Note }).strict(),
    output: ReviewItem,
    roles: ['admin'],
    writes: true,
    summary: 'The supervisor records what was done about a failed check (appearance.actions.<action>); once per check.',
  }),
} as const;
