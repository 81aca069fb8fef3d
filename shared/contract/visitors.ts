/**
 * Visitors (外来人员): sign-in at the kiosk after reading and accepting the safety briefing, sign-out,
 * and the day's log. A visitor is on site, and in every roll call, from sign-in until sign-out (or
 * the daily close of forgotten sign-outs).
 *
 * Privacy: a visit stores the name and company the visitor typed, their host on the roster, the
 * briefing version and language they accepted, and the times. Nothing else (no phone, no ID number).
 */
import { z } from 'zod';
import { doorRoles, method } from './method.js';
import { EmployeeNo, Instant, text } from './common.js';
import { PersonHit } from './people.js';
import { IsoDay } from './presence.js';

export const VisitorView = z.object({
  visitorId: z.number().int().positive(),
  name: z.string(),
  company: z.string(),
  host: PersonHit,
  since: Instant,
  /** Null while on site. */
  until: Instant.nullable(),
  /** True when the daily close signed the visitor out, not the visitor. */
  automatic: z.boolean(),
  briefingVersion: z.number().int().positive(),
});
export type VisitorView = z.infer<typeof VisitorView>;

export const visitorMethods = {
  'visitor.signIn': method({
    input: z
      .object({
        name: text(60),
        company: text(120),
        /** From `people.search`. */
        hostEmployeeNo: EmployeeNo,
        /** The version of `briefing.current` the visitor read; an older one is refused (briefing_outdated). */
        briefingVersion: z.number().int().positive(),
        /** The language the visitor read it in. */
        language: z.enum(['zh-CN', 'en']),
        accepted: z.literal(true),
      })
      .strict(),
    output: z.object({ visitor: VisitorView }),
    roles: doorRoles,
    writes: true,
    summary: 'Sign a visitor in once they have accepted the current safety briefing; they join presence.onSite and every roll call.',
  }),
  'visitor.signOut': method({
    input: z.object({ visitorId: z.number().int().positive() }).strict(),
    output: z.object({ visitor: VisitorView }),
    roles: doorRoles,
    writes: true,
    summary: 'Sign a visitor out (the kiosk lists visitors on site from presence.onSite to tap).',
  }),
  'visitor.list': method({
    input: z.object({ from: IsoDay.optional(), to: IsoDay.optional() }).strict(),
    output: z.object({ visitors: z.array(VisitorView) }),
    roles: ['admin'],
    writes: false,
    summary: 'Visits whose sign-in falls in these site days (default: today), oldest first.',
  }),
} as const;
