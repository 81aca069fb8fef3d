import { z } from 'zod';

/** Limits on what a client may send: long or deep input is refused before it reaches a service. */
export const limits = {
  shortText: 120,
  employeeNo: 32,
  badge: 128,
  pairingCode: 128,
} as const;

/** Trimmed, non-empty, bounded text with no control characters. */
export const text = (max: number = limits.shortText) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u);

/** An instant, as ISO 8601 in UTC (`2026-11-26T07:00:00.000Z`). Screens format it with Intl. */
export const Instant = z.iso.datetime();

export const EmployeeNo = z
  .string()
  .trim()
  .min(1)
  .max(limits.employeeNo)
  .regex(/^[A-Za-z0-9_-]+$/);

export const Pin = z.string().regex(/^\d{4,8}$/);

export const Empty = z.object({}).strict();
