/**
 * People admin (人员管理) and how a supervisor proves who they are on the admin screens.
 *
 * Who may change things: the device's role decides which screens and methods it may use (admin for
 * everything here but `people.search`); every write also carries `auth`, the employee number + PIN
 * of a supervisor or department head (admin), checked with the lockout, or a ticket from
 * `admin.unlock` so that the PIN is typed once per visit to the admin screens rather than per change.
 * The audit log records the person behind every change.
 */
import { z } from 'zod';
import { doorRoles, method } from './method.js';
import { EmployeeNo, Instant, Pin, limits, text } from './common.js';
import { IsoDay, PersonSummary, TrainingInfo } from './presence.js';
import { PersonRole } from './roles.js';

export const AdminTicket = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/);

/** A supervisor's or admin's PIN, or the ticket `admin.unlock` gave for it. */
export const SupervisorAuth = z.union([
  z.object({ employeeNo: EmployeeNo, pin: Pin }).strict(),
  z.object({ ticket: AdminTicket }).strict(),
]);
export type SupervisorAuth = z.infer<typeof SupervisorAuth>;

/** A team name; empty is allowed (no team). */
export const TeamName = z
  .string()
  .trim()
  .max(limits.shortText)
  .regex(/^[^\p{Cc}]*$/u);

export const BadgeCode = text(limits.badge);

/** What the kiosk may learn when a visitor looks for their host: no role, badge or training. */
export const PersonHit = z.object({ employeeNo: z.string(), name: z.string(), team: z.string() });
export type PersonHit = z.infer<typeof PersonHit>;

export const PersonDetail = z.object({
  employeeNo: z.string(),
  name: z.string(),
  team: z.string(),
  role: PersonRole,
  badge: z.string().nullable(),
  hasPin: z.boolean(),
  active: z.boolean(),
  /** Locked out after too many wrong PINs, until then (null: not locked). */
  lockedUntil: Instant.nullable(),
  training: TrainingInfo,
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const TrainingRecordView = z.object({
  passedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  source: z.enum(['admin', 'import']),
  recordedAt: Instant,
  /** Employee number of the supervisor who recorded it (null: the command line). */
  recordedBy: z.string().nullable(),
});

export const PersonEntry = z
  .object({
    employeeNo: EmployeeNo,
    name: text(),
    team: TeamName.default(''),
    role: PersonRole.default('staff'),
    badge: BadgeCode.nullable().default(null),
    pin: Pin.optional(),
    trainingPassedOn: IsoDay.nullable().default(null),
    /** Empty with a pass date: the site's validity period after it. */
    trainingExpiresOn: IsoDay.nullable().default(null),
  })
  .strict();

export const PersonChanges = z
  .object({ name: text().optional(), team: TeamName.optional(), role: PersonRole.optional(), badge: BadgeCode.nullable().optional() })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'nothing to change' });

export const peopleMethods = {
  'admin.unlock': method({
    input: z.object({ employeeNo: EmployeeNo, pin: Pin }).strict(),
    output: z.object({ ticket: AdminTicket, expiresAt: Instant, person: PersonSummary }),
    roles: ['admin'],
    writes: true,
    summary:
      'A supervisor or admin opens the admin screens with their PIN; the ticket stands in for the PIN in `auth` on this device until 15 minutes pass without use (at most 8 hours).',
  }),
  'admin.lock': method({
    input: z.object({ ticket: AdminTicket }).strict(),
    output: z.object({ locked: z.boolean() }),
    roles: ['admin'],
    writes: true,
    summary: 'Close the admin screens: the ticket stops working at once.',
  }),
  'people.search': method({
    input: z.object({ query: text(60), limit: z.number().int().min(1).max(20).default(10) }).strict(),
    output: z.object({ people: z.array(PersonHit) }),
    roles: doorRoles,
    writes: false,
    summary: 'Active people whose name, employee number or team contains the query: name, team and employee number only (a visitor finding their host).',
  }),
  'people.list': method({
    input: z
      .object({
        query: text(60).optional(),
        team: TeamName.optional(),
        status: z.enum(['active', 'inactive', 'all']).default('active'),
        training: z.enum(['any', 'problem', 'missing', 'expired', 'expiring']).default('any'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int(), people: z.array(PersonDetail), teams: z.array(z.string()) }),
    roles: ['admin'],
    writes: false,
    summary: 'The roster for people admin, filtered and paged; `problem` is missing or expired training.',
  }),
  'people.get': method({
    input: z.object({ employeeNo: EmployeeNo }).strict(),
    output: PersonDetail.extend({ trainingHistory: z.array(TrainingRecordView) }),
    roles: ['admin'],
    writes: false,
    summary: 'One person with their training history, newest first.',
  }),
  'people.add': method({
    input: z.object({ auth: SupervisorAuth, person: PersonEntry }).strict(),
    output: PersonDetail,
    roles: ['admin'],
    writes: true,
    summary: 'Add a person to the roster (the PIN is stored as a hash).',
  }),
  'people.update': method({
    input: z.object({ auth: SupervisorAuth, employeeNo: EmployeeNo, changes: PersonChanges }).strict(),
    output: PersonDetail,
    roles: ['admin'],
    writes: true,
    summary: 'Change a person’s name, team, role or badge (badge null takes it away).',
  }),
  'people.setActive': method({
    input: z.object({ auth: SupervisorAuth, employeeNo: EmployeeNo, active: z.boolean() }).strict(),
    output: PersonDetail,
    roles: ['admin'],
    writes: true,
    summary: 'Deactivate someone who left (never deleted: their records stay), or reactivate them.',
  }),
  'people.resetPin': method({
    input: z.object({ auth: SupervisorAuth, employeeNo: EmployeeNo, pin: Pin }).strict(),
    output: PersonDetail,
    roles: ['admin'],
    writes: true,
    summary: 'Set a new PIN for a person and lift any lockout.',
  }),
  'people.recordTraining': method({
    input: z
      .object({
        auth: SupervisorAuth,
        employeeNos: z.array(EmployeeNo).min(1).max(500),
        passedOn: IsoDay,
        expiresOn: IsoDay.nullable().default(null),
      })
      .strict(),
    output: z.object({ people: z.array(PersonDetail) }),
    roles: ['admin'],
    writes: true,
    summary: 'Record safety training passed by one or more people (a session); without an expiry, the site’s validity period after the pass date.',
  }),
} as const;

