import { z } from 'zod';
import { everyRole, method } from './method.js';
import { Empty, EmployeeNo, Instant, limits, Pin, text } from './common.js';

export const emergencyKinds = ['fire', 'gas', 'power', 'other'] as const;
export const EmergencyKind = z.enum(emergencyKinds);
export type EmergencyKind = z.infer<typeof EmergencyKind>;

export const EmergencyStartInput = z
  .object({
    kind: EmergencyKind,
    drill: z.boolean(),
    /** A kiosk starts one only with the PIN of a warden, supervisor or admin; other roles need none. */
    employeeNo: EmployeeNo.optional(),
    pin: Pin.optional(),
  })
  .strict()
  .refine((v) => (v.employeeNo === undefined) === (v.pin === undefined), { message: 'employeeNo and pin go together', path: ['pin'] });

/** Someone on the roll: a staff member (employeeNo) or a visitor (visitorId). */
export const RollSubject = z.union([
  z.object({ emergencyId: z.number().int().positive(), employeeNo: EmployeeNo }).strict(),
  z.object({ emergencyId: z.number().int().positive(), visitorId: z.number().int().positive() }).strict(),
  /** A badge scanned at the assembly point: the hub knows whose it is, the tablet need not. */
  z.object({ emergencyId: z.number().int().positive(), badge: text(limits.badge) }).strict(),
]);

export const MissingPerson = z.object({
  employeeNo: z.string().optional(),
  visitorId: z.number().int().optional(),
  name: z.string(),
  team: z.string(),
  /** Since when this person has been unaccounted for: the start, or their sign-in if later. */
  since: Instant,
});
export type MissingPerson = z.infer<typeof MissingPerson>;

export const RollCounts = z.object({
  onSite: z.number().int().nonnegative(),
  accounted: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
});
export type RollCounts = z.infer<typeof RollCounts>;

export const ActiveEmergency = z.object({
  id: z.number().int().positive(),
  kind: EmergencyKind,
  drill: z.boolean(),
  startedAt: Instant,
  counts: RollCounts,
  missing: z.array(MissingPerson),
  /** When everyone on the roll was first accounted for (null: not yet). */
  allAccountedAt: Instant.nullable(),
  asOf: Instant,
});
export type ActiveEmergency = z.infer<typeof ActiveEmergency>;

export const EmergencyCurrent = z.object({ emergency: ActiveEmergency.nullable() });
export type EmergencyCurrent = z.infer<typeof EmergencyCurrent>;

export const MarkSafeOutput = z.object({
  /** False when another warden had already marked this person: nobody is counted twice. */
  marked: z.boolean(),
  counts: RollCounts,
  /** Whom the mark is for (a scanned badge says no name of its own). */
  name: z.string(),
});

export const EmergencyEndInput = z
  .object({ emergencyId: z.number().int().positive(), employeeNo: EmployeeNo, pin: Pin })
  .strict();

export const EmergencyIdInput = z.object({ emergencyId: z.number().int().positive() }).strict();

export const ReportPerson = z.object({
  employeeNo: z.string().optional(),
  visitorId: z.number().int().optional(),
  name: z.string(),
  team: z.string(),
  /** Seconds from the start (or their sign-in) until accounted for; null: never, before the end. */
  missingForSeconds: z.number().nonnegative().nullable(),
  accountedAt: Instant.nullable(),
  how: z.enum(['marked', 'signed_out']).nullable(),
});

export const EmergencyReport = z.object({
  id: z.number().int().positive(),
  kind: EmergencyKind,
  drill: z.boolean(),
  startedAt: Instant,
  endedAt: Instant.nullable(),
  startedBy: z.string(),
  endedBy: z.string().nullable(),
  counts: RollCounts,
  /** Seconds from the start until everyone was accounted for (null: never). */
  secondsToAllAccounted: z.number().nonnegative().nullable(),
  people: z.array(ReportPerson),
});
export type EmergencyReport = z.infer<typeof EmergencyReport>;

export const EmergencyHistory = z.object({
  items: z.array(
    z.object({
      id: z.number().int().positive(),
      kind: EmergencyKind,
      drill: z.boolean(),
      startedAt: Instant,
      endedAt: Instant.nullable(),
      onSite: z.number().int(),
      secondsToAllAccounted: z.number().nullable(),
    }),
  ),
  lastDrillAt: Instant.nullable(),
  /** True when the last drill is older than the site's drill interval (or there never was one). */
  drillOverdue: z.boolean(),
  drillIntervalDays: z.number().int().positive(),
});
export type EmergencyHistory = z.infer<typeof EmergencyHistory>;

export const SiteEmergencyInfo = z.object({
  assemblyPoint: z.object({ 'zh-CN': z.string(), en: z.string() }),
  numbers: z.array(z.object({ label: z.object({ 'zh-CN': z.string(), en: z.string() }), number: z.string() })),
  floorPlanUrl: z.string(),
});
export type SiteEmergencyInfo = z.infer<typeof SiteEmergencyInfo>;

export const emergencyMethods = {
  'emergency.start': method({
    input: EmergencyStartInput,
    output: EmergencyCurrent,
    roles: ['warden', 'admin', 'integration', 'kiosk'],
    writes: true,
    summary: 'Declare an emergency or a drill; every screen turns to the evacuation display. A kiosk needs the PIN of a warden, supervisor or admin.',
  }),
  'emergency.current': method({
    input: Empty,
    output: EmergencyCurrent,
    roles: everyRole,
    writes: false,
    summary: 'The active emergency with live counts and who is not yet accounted for, or null.',
  }),
  'emergency.markSafe': method({
    input: RollSubject,
    output: MarkSafeOutput,
    roles: ['warden', 'admin'],
    writes: true,
    summary: 'Mark a person safe at the assembly point; marking someone twice counts once.',
  }),
  'emergency.end': method({
    input: EmergencyEndInput,
    output: EmergencyReport,
    roles: ['warden', 'admin', 'kiosk'],
    writes: true,
    summary: 'End the emergency with the PIN of a warden, supervisor or admin; returns the report.',
  }),
  'emergency.report': method({
    input: EmergencyIdInput,
    output: EmergencyReport,
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'The report of an emergency or drill: who started and ended it, who was missing and for how long.',
  }),
  'emergency.history': method({
    input: Empty,
    output: EmergencyHistory,
    roles: ['warden', 'admin'],
    writes: false,
    summary: 'Past emergencies and drills, and whether a drill is overdue.',
  }),
  'emergency.info': method({
    input: Empty,
    output: SiteEmergencyInfo,
    roles: everyRole,
    writes: false,
    summary: 'What the evacuation display shows besides the roll: assembly point, numbers, floor plan.',
  }),
} as const;
