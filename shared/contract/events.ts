import { z } from 'zod';
import { Instant } from './common.js';
import { EmergencyKind, RollCounts } from './emergency.js';
import { PresenceKind } from './presence.js';

/** Everything the hub pushes over the one event stream. */
export const eventSchemas = {
  // No names in the payload: a screen that may see who is on site asks for the list itself.
  'presence.changed': z.object({ kind: PresenceKind, eventId: z.number().int(), at: Instant }),
  // A self-check was submitted or resolved. No names or items: the screens that may see them (the
  // day's figures, the review queue) ask for them.
  'appearance.changed': z.object({ checkId: z.number().int(), change: z.enum(['checked', 'resolved']), at: Instant }),
  'emergency.started': z.object({ emergencyId: z.number().int(), kind: EmergencyKind, drill: z.boolean() }),
  'emergency.ended': z.object({ emergencyId: z.number().int() }),
  // Counts only: the names of who is missing come from emergency.current.
  'export.progress': z.object({ exportId: z.string(), done: z.number().int(), total: z.number().int(), stage: z.string() }),
  'export.finished': z.object({
    exportId: z.string(),
    ok: z.boolean(),
    folder: z.string().optional(),
    records: z.number().int().optional(),
    fingerprint: z.string().optional(),
    reason: z.string().optional(),
    detail: z.string().optional(),
  }),
  'rollcall.changed': z.object({ emergencyId: z.number().int() }).extend(RollCounts.shape),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(eventSchemas, name);
}
