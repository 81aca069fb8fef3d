/**
 * The supervisor's dashboard: today at the door (sign-ins, self-checks, training problems, forgotten
 * sign-outs the daily close handled) and self-check compliance per team and week, plus the door
 * settings a supervisor may change (training gate, daily close).
 *
 * "Today" is the site day: it runs from one daily close (`dailyCloseAt`, site time zone) to the next.
 */
import { z } from 'zod';
import { method } from './method.js';
import { Instant } from './common.js';
import { ReviewItem } from './appearance.js';
import { IsoDay, TrainingStatus } from './presence.js';
import { SupervisorAuth } from './people.js';
import { VisitorView } from './visitors.js';
import { isClockTime } from '../domain/shift.js';
import { trainingGates } from '../domain/training.js';

export const AutoClosedView = z.object({
  kind: z.enum(['staff', 'visitor']),
  employeeNo: z.string().nullable(),
  visitorId: z.number().int().nullable(),
  name: z.string(),
  /** The team; for a visitor, their company. */
  team: z.string(),
  signedInAt: Instant,
  closedAt: Instant,
});
export type AutoClosedView = z.infer<typeof AutoClosedView>;

export const DashboardPerson = z.object({
  employeeNo: z.string(),
  name: z.string(),
  team: z.string(),
  firstIn: Instant,
  /** Their latest sign-out of the day while no longer on site (null: still on site). */
  lastOut: Instant.nullable(),
  onSite: z.boolean(),
  selfCheck: z.enum(['passed', 'failed', 'missing']),
  training: TrainingStatus,
});

export const DashboardToday = z.object({
  day: z.string(),
  from: Instant,
  to: Instant,
  asOf: Instant,
  counts: z.object({
    signedIn: z.number().int(),
    onSiteNow: z.number().int(),
    visitors: z.number().int(),
    selfChecksDone: z.number().int(),
    selfChecksFailed: z.number().int(),
    selfChecksMissing: z.number().int(),
    openFlags: z.number().int(),
    trainingProblems: z.number().int(),
    autoClosed: z.number().int(),
  }),
  /** Everyone who signed in this site day, by team and name. */
  people: z.array(DashboardPerson),
  /** Failed self-checks nobody has resolved yet, any day, newest first (at most 50). */
  openFlags: z.array(ReviewItem),
  training: z.object({
    /** People who signed in today with training that is not `ok` (the warning the door gave them). */
    signedIn: z.array(z.object({ employeeNo: z.string(), name: z.string(), team: z.string(), status: TrainingStatus, expiresOn: z.string().nullable(), signedInAt: Instant })),
    /** Across every active person on the roster. */
    totals: z.object({ missing: z.number().int(), expired: z.number().int(), expiring: z.number().int() }),
  }),
  /** Forgotten sign-outs the daily close recorded this site day (method auto, automatic). */
  autoClosed: z.array(AutoClosedView),
  visitors: z.array(VisitorView),
});
export type DashboardToday = z.infer<typeof DashboardToday>;

export const ComplianceCell = z.object({
  team: z.string(),
  /** Person-days with a sign-in: each one owes a self-check. */
  expected: z.number().int(),
  /** Of those, person-days with a self-check recorded. */
  checked: z.number().int(),
  /** Of those, self-checks with no required item flagged. */
  passed: z.number().int(),
  /** checked / expected (null when nothing was expected). */
  rate: z.number().nullable(),
});

export const Compliance = z.object({
  weeks: z.array(z.object({ weekStart: z.string(), weekEnd: z.string(), teams: z.array(ComplianceCell), total: ComplianceCell })),
  teams: z.array(z.string()),
});
export type Compliance = z.infer<typeof Compliance>;

export const DoorSettings = z.object({
  /** At a sign-in with missing or expired training: warn (sign in, tell them and the supervisor) or block (refuse). */
  trainingGate: z.enum(trainingGates),
  /** Training within this many days of its expiry shows as `expiring`. */
  trainingExpiringDays: z.number().int().min(0).max(365),
  /** Training recorded without an expiry date is valid this many months. */
  trainingValidMonths: z.number().int().min(1).max(120),
  /** When forgotten sign-outs are closed each day (HH:MM, site time zone); the site day starts then. */
  dailyCloseAt: z.string().max(5).refine(isClockTime, { message: 'HH:MM' }),
});
export type DoorSettings = z.infer<typeof DoorSettings>;

export const dashboardMethods = {
  'dashboard.today': method({
    input: z.object({ day: IsoDay.optional() }).strict(),
    output: DashboardToday,
    roles: ['admin'],
    writes: false,
    summary: 'The supervisor’s day: who signed in, self-checks, open flags, training problems, forgotten sign-outs closed automatically, visitors.',
  }),
  'dashboard.compliance': method({
    input: z.object({ weeks: z.number().int().min(1).max(26).default(8) }).strict(),
    output: Compliance,
    roles: ['admin'],
    writes: false,
    summary: 'Self-check compliance per team per week (Monday to Sunday site days), the last N weeks up to this one, oldest first: data for a chart.',
  }),
  'dashboard.autoClosed': method({
    input: z.object({ from: IsoDay.optional(), to: IsoDay.optional() }).strict(),
    output: z.object({ items: z.array(AutoClosedView) }),
    roles: ['admin'],
    writes: false,
    summary: 'Forgotten sign-outs the daily close recorded in these site days (default: the last 7), newest first.',
  }),
  'doorSettings.current': method({
    input: z.object({}).strict(),
    output: DoorSettings,
    roles: ['admin'],
    writes: false,
    summary: 'The door’s settings: training gate, training periods, daily close time.',
  }),
  'doorSettings.update': method({
    input: DoorSettings.partial()
      .extend({ auth: SupervisorAuth })
      .strict(),
    output: DoorSettings,
    roles: ['admin'],
    writes: true,
    summary: 'Change the door’s settings (a supervisor or admin PIN); a new close time takes effect at once.',
  }),
} as const;
