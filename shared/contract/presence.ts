import { z } from 'zod';
import { doorRoles, everyRole, method } from './method.js';
import { Empty, EmployeeNo, Instant, Pin, limits, text } from './common.js';
import { PersonRole } from './roles.js';
import { isIsoDay } from '../domain/time.js';
import { trainingStatuses } from '../domain/training.js';

/** How a person proves who they are at the door: badge (reader or QR), or number + PIN. */
export const BadgeCredential = z.object({ badge: text(limits.badge) }).strict();
export const PinCredential = z.object({ employeeNo: EmployeeNo, pin: Pin }).strict();
export const Credential = z.union([BadgeCredential, PinCredential]);
export type Credential = z.infer<typeof Credential>;

export const PresenceKind = z.enum(['in', 'out']);
export type PresenceKind = z.infer<typeof PresenceKind>;

export const PresenceMethod = z.enum(['badge', 'pin', 'auto']);
export type PresenceMethod = z.infer<typeof PresenceMethod>;

export const PersonSummary = z.object({
  employeeNo: z.string(),
  name: z.string(),
  team: z.string(),
  role: PersonRole,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PresenceEvent = z.object({
  id: z.number().int().positive(),
  kind: PresenceKind,
  at: Instant,
  method: PresenceMethod,
  /** True when the hub closed a forgotten sign-out, not the person. */
  automatic: z.boolean(),
});
export type PresenceEvent = z.infer<typeof PresenceEvent>;

/** A calendar day, YYYY-MM-DD (a real one: 2026-02-30 is refused). */
export const IsoDay = z.string().max(10).refine(isIsoDay, { message: 'YYYY-MM-DD' });

export const TrainingStatus = z.enum(trainingStatuses);
export type TrainingStatus = z.infer<typeof TrainingStatus>;

/** Safety training (安全教育培训): `expiring` is still valid, within the site's warning window. */
export const TrainingInfo = z.object({
  status: TrainingStatus,
  passedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
});
export type TrainingInfo = z.infer<typeof TrainingInfo>;

/** Lets the kiosk submit the self-check for the person who just signed in, without a PIN; once, for a few minutes, from this device. */
export const SelfCheckTicket = z.object({ ticket: z.string(), expiresAt: Instant });
export type SelfCheckTicket = z.infer<typeof SelfCheckTicket>;

export const PresenceResult = z.object({
  person: PersonSummary,
  event: PresenceEvent,
  /** At a sign-in: the person's training (a warning when not `ok`; the site may refuse instead). Null at a sign-out. */
  training: TrainingInfo.nullable(),
  /** The first sign-in of the site day (the day runs from one daily close to the next). */
  shiftStart: z.boolean(),
  /** No self-check yet this site day: the kiosk goes on to the self-check. Always false at a sign-out. */
  selfCheckDue: z.boolean(),
  /** Present exactly when selfCheckDue. */
  selfCheckTicket: SelfCheckTicket.nullable(),
});
export type PresenceResult = z.infer<typeof PresenceResult>;

export const OnSitePerson = z.object({
  employeeNo: z.string(),
  name: z.string(),
  team: z.string(),
  since: Instant,
  eventId: z.number().int().positive(),
});
export type OnSitePerson = z.infer<typeof OnSitePerson>;

export const OnSiteVisitor = z.object({
  visitorId: z.number().int().positive(),
  name: z.string(),
  company: z.string(),
  since: Instant,
});
export type OnSiteVisitor = z.infer<typeof OnSiteVisitor>;

export const OnSite = z.object({
  people: z.array(OnSitePerson),
  visitors: z.array(OnSiteVisitor),
  asOf: Instant,
});
export type OnSite = z.infer<typeof OnSite>;

export const presenceMethods = {
  'presence.signIn': method({
    input: Credential,
    output: PresenceResult,
    roles: doorRoles,
    writes: true,
    summary:
      'Sign a staff member in by badge or employee number + PIN. The answer carries their training status and, when the self-check is due, a one-time ticket for it; a site that blocks untrained staff refuses with training_missing or training_expired.',
  }),
  'presence.signOut': method({
    input: Credential,
    output: PresenceResult,
    roles: doorRoles,
    writes: true,
    summary: 'Sign a staff member out by badge or employee number + PIN.',
  }),
  'presence.toggle': method({
    input: Credential,
    output: PresenceResult,
    roles: doorRoles,
    writes: true,
    summary: 'Sign in whoever is out and out whoever is in: one scan at the door does the right thing.',
  }),
  'presence.onSite': method({
    input: Empty,
    output: OnSite,
    roles: everyRole,
    writes: false,
    summary: 'Everyone whose latest presence event is a sign-in, staff and visitors.',
  }),
} as const;
