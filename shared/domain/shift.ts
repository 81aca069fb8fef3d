/**
 * Site days, shifts and the daily close, in the site's time zone. Pure: runs anywhere.
 *
 * The site closes forgotten sign-outs once a day at `closeAt` (local wall time, e.g. 03:00). At that
 * moment nobody is on site by definition, so the site's day runs from one close to the next rather
 * than from midnight: a night shift from 22:00 to 06:00 stays inside one site day when the close
 * is at noon, and a floor without night shifts sees no difference from the calendar day.
 *
 * Start of a shift: the first sign-in of a site day. The self-check is due at it, and stays due at
 * later sign-ins of that site day until the person has recorded one.
 */
import { dayOf, isIsoDay, nextDay, zoneOffsetMs } from './time.js';

const clockPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The zone's offset from UTC at an instant, in milliseconds; the door's name for time.ts's. */
export const offsetMs = zoneOffsetMs;

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export const calendarDayOf = dayOf;

/** `HH:MM`, 24-hour. */
export function isClockTime(value: string): boolean {
  return clockPattern.test(value);
}

/** The day before (YYYY-MM-DD). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * The instant a local wall time (day + HH:MM) happens in the zone. Across a daylight-saving change:
 * a wall time that happens twice gives the first; one the clocks skip gives the instant an hour later
 * (the wall time read with the offset before the jump), so every wall time has exactly one instant.
 */
export function localInstant(day: string, time: string, timeZone: string): number {
  const key = `${day} ${time} ${timeZone}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  if (instants.size > 2000) instants.clear();
  const instant = computeLocalInstant(day, time, timeZone);
  instants.set(key, instant);
  return instant;
}

// The same few wall times (today's and tomorrow's close) are asked for again and again.
const instants = new Map<string, number>();

function computeLocalInstant(day: string, time: string, timeZone: string): number {
  if (!isIsoDay(day)) throw new RangeError(`not a day: ${day}`);
  const clock = clockPattern.exec(time);
  if (!clock) throw new RangeError(`not a time of day: ${time}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Number(clock[1]), Number(clock[2]));
  const before = offsetMs(wall - 86_400_000, timeZone);
  const after = offsetMs(wall + 86_400_000, timeZone);
  const candidates = [wall - before, wall - after].filter((instant, i) => offsetMs(instant, timeZone) === (i === 0 ? before : after));
  return candidates.length ? Math.min(...candidates) : wall - before;
}

/** The site day (YYYY-MM-DD) an instant belongs to: the local date, counted from the daily close. */
export function siteDayOf(instant: number, timeZone: string, closeAt: string): string {
  const day = calendarDayOf(instant, timeZone);
  return instant >= localInstant(day, closeAt, timeZone) ? day : previousDay(day);
}

/** When a site day begins and ends (the close that opens it, the close that ends it). */
export function siteDayBounds(day: string, timeZone: string, closeAt: string): { from: number; to: number } {
  return { from: localInstant(day, closeAt, timeZone), to: localInstant(nextDay(day), closeAt, timeZone) };
}

/** The latest daily close at or before an instant. */
export function lastCloseAt(instant: number, timeZone: string, closeAt: string): number {
  return localInstant(siteDayOf(instant, timeZone, closeAt), closeAt, timeZone);
}

/** The first daily close after an instant. */
export function nextCloseAfter(instant: number, timeZone: string, closeAt: string): number {
  return localInstant(nextDay(siteDayOf(instant, timeZone, closeAt)), closeAt, timeZone);
}

export interface ShiftFacts {
  /** The sign-in being made. */
  signInAt: number;
  /** The person's sign-in before this one (null: never). */
  previousSignInAt: number | null;
  /** The person's latest self-check (null: never). */
  lastCheckAt: number | null;
  timeZone: string;
  closeAt: string;
}

/** Whether this sign-in starts a shift, and whether the kiosk should go on to the self-check. */
export function shiftAtSignIn(facts: ShiftFacts): { shiftStart: boolean; selfCheckDue: boolean } {
  const dayStart = lastCloseAt(facts.signInAt, facts.timeZone, facts.closeAt);
  return {
    shiftStart: facts.previousSignInAt === null || facts.previousSignInAt < dayStart,
    selfCheckDue: facts.lastCheckAt === null || facts.lastCheckAt < dayStart,
  };
}

/** The Monday of the week a day falls in (weeks run Monday to Sunday, as in China). */
export function weekStartOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}
