import { z } from 'zod';
import { doorRoles, everyRole, method } from './method.js';
import { Empty, EmployeeNo, Instant, Pin, limits, text } from './common.js';
import { PersonRole } from './roles.js';

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

export const PresenceResult = z.object({ person: PersonSummary, event: PresenceEvent });
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
    summary: 'Sign a staff member in by badge or employee number + PIN.',
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
