/**
 * Safety training (安全教育培训): whether a person's training is valid on a day, and what the door
 * does about it. Pure: runs anywhere.
 *
 * Dates are calendar days (YYYY-MM-DD). Training is valid up to and including its expiry day.
 * Training that was passed with no expiry recorded never expires; no pass and no expiry is missing.
 */
import { daysBetween } from './shift.js';

export const trainingStatuses = ['ok', 'missing', 'expired', 'expiring'] as const;
export type TrainingStatus = (typeof trainingStatuses)[number];

export const trainingGates = ['warn', 'block'] as const;
export type TrainingGate = (typeof trainingGates)[number];

export interface TrainingDates {
  passedOn: string | null;
  expiresOn: string | null;
}

export function trainingStatus(dates: TrainingDates, today: string, expiringDays: number): TrainingStatus {
  if (!dates.passedOn && !dates.expiresOn) return 'missing';
  if (!dates.expiresOn) return 'ok';
  if (today > dates.expiresOn) return 'expired';
  if (daysBetween(today, dates.expiresOn) <= expiringDays) return 'expiring';
  return 'ok';
}

/** Missing or expired: the person should not be on the floor until trained. */
export const isTrainingProblem = (status: TrainingStatus) => status === 'missing' || status === 'expired';

/**
 * What the door does at a sign-in: `block` refuses someone untrained when the site chose to block;
 * otherwise the sign-in goes ahead, with a warning when the training is anything but fine.
 */
export function trainingGateDecision(status: TrainingStatus, gate: TrainingGate): 'allow' | 'warn' | 'block' {
  if (status === 'ok') return 'allow';
  if (gate === 'block' && isTrainingProblem(status)) return 'block';
  return 'warn';
}

/** `months` calendar months after `day`, kept inside the month (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** The expiry of training passed on a day: the one given, or the site's validity period after it. */
export const expiryFor = (passedOn: string, expiresOn: string | null | undefined, validMonths: number): string =>
  expiresOn ?? addMonths(passedOn, validMonths);
