/**
 * Instants written out as text many times over, for exports: the local wall time in one zone (as
 * `localDateTime` gives it) and the UTC ISO form (as `Date#toISOString` gives it), as strings or
 * written straight into a file's bytes. Runs in: the hub.
 *
 * Asking Intl for the zone's offset costs microseconds, and an export asks for millions of
 * records. A zone's offset changes at most once in any hour (daylight saving, a rule change), so
 * when it is the same at an hour's first and last millisecond it holds for the whole hour: it is
 * looked up once per hour (an hour with a change in it, per instant). The text up to the hour is
 * made once per hour too, and each instant adds its minutes and seconds.
 *
 * The byte writers exist because a string per instant was most of what the quick way of writing
 * an export's lines cost: the string built, then encoded into the file by a call into C++.
 */
import { zoneOffsetMs } from '../../../shared/domain/time.js';

const hourMs = 3_600_000;
const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const threeDigits = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const digit0 = 48;
const colon = 58;
const dot = 46;
const letterZ = 90;

/** The most bytes a byte writer below writes for one instant (`+275760-09-13T00:00:00.000Z` is 27). */
export const maxTimeBytes = 32;

/** An instant's wall-clock time in the zone (as milliseconds of a UTC clock), for many instants. */
function wallClock(timeZone: string): (instant: number) => number {
  let utcHour = Number.NaN;
  // The zone's offset through that UTC hour, or null when it changes within the hour.
  let offset: number | null = null;
  return (instant) => {
    const h = Math.floor(instant / hourMs);
    if (h !== utcHour) {
      utcHour = h;
      const first = zoneOffsetMs(h * hourMs, timeZone);
      offset = zoneOffsetMs(h * hourMs + hourMs - 1, timeZone) === first ? first : null;
    }
    return instant + (offset ?? zoneOffsetMs(instant, timeZone));
  };
}

/** The text of the hour an instant falls in, up to its minutes (`2026-11-26 09:`), made once per hour. */
class HourText {
  /** The hour (since the epoch) the text is for. */
  hour = Number.NaN;
  text = '';
  readonly bytes = new Uint8Array(14);

  /** @param separator between the date and the time: a space, or ISO's `T` */
  constructor(private readonly separator: string) {}

  /** Makes the text the hour of `instant`'s; false for years outside 0000–9999 (a longer form: leave those to Date). */
  holds(instant: number): boolean {
    const h = Math.floor(instant / hourMs);
    if (h === this.hour) return true;
    const iso = new Date(h * hourMs).toISOString();
    if (iso.length !== 24) return false;
    this.hour = h;
    this.text = `${iso.slice(0, 10)}${this.separator}${iso.slice(11, 14)}`;
    for (let i = 0; i < 14; i++) this.bytes[i] = this.text.charCodeAt(i);
    return true;
  }

  /** Writes the hour's text at `at`; where it ends. */
  put(bytes: Uint8Array, at: number): number {
    const text = this.bytes;
    for (let i = 0; i < 14; i++) bytes[at + i] = text[i]!;
    return at + 14;
  }
}

/** Writes ASCII text at `at`; where it ends. */
function putAscii(bytes: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
  return at;
}

/** Writes a number below 100 as two digits at `at`; where they end. */
function putTwo(bytes: Uint8Array, at: number, n: number): number {
  bytes[at] = digit0 + ((n / 10) | 0);
  bytes[at + 1] = digit0 + (n % 10);
  return at + 2;
}

/** `mm:ss` of the time `within` milliseconds into its hour, at `at`; where it ends. */
function putMinutesSeconds(bytes: Uint8Array, at: number, within: number): number {
  at = putTwo(bytes, at, Math.floor(within / 60_000));
  bytes[at] = colon;
  return putTwo(bytes, at + 1, Math.floor((within % 60_000) / 1000));
}

const localFallback = (local: number) => new Date(local).toISOString().slice(0, 19).replace('T', ' ');

/** `2026-11-26 09:05:00` in the zone, for many instants. */
export function localTimeFormatter(timeZone: string): (instant: number) => string {
  const wall = wallClock(timeZone);
  const hour = new HourText(' ');
  return (instant) => {
    const local = wall(instant);
    if (!hour.holds(local)) return localFallback(local);
    const within = local - hour.hour * hourMs;
    return `${hour.text}${twoDigits[Math.floor(within / 60_000)]}:${twoDigits[Math.floor((within % 60_000) / 1000)]}`;
  };
}

/** `Date#toISOString` for many instants: the text up to the hour is made once per hour. */
export function isoTimeFormatter(): (instant: number) => string {
  const hour = new HourText('T');
  return (instant) => {
    if (!hour.holds(instant)) return new Date(instant).toISOString();
    const within = instant - hour.hour * hourMs;
    return `${hour.text}${twoDigits[Math.floor(within / 60_000)]}:${twoDigits[Math.floor((within % 60_000) / 1000)]}.${threeDigits[within % 1000]}Z`;
  };
}

/** What localTimeFormatter gives, written as bytes at `at` (room for maxTimeBytes); where it ends. */
export function localTimeWriter(timeZone: string): (instant: number, bytes: Uint8Array, at: number) => number {
  const wall = wallClock(timeZone);
  const hour = new HourText(' ');
  return (instant, bytes, at) => {
    const local = wall(instant);
    if (!hour.holds(local)) return putAscii(bytes, at, localFallback(local));
    return putMinutesSeconds(bytes, hour.put(bytes, at), local - hour.hour * hourMs);
  };
}

/** What isoTimeFormatter gives, written as bytes at `at` (room for maxTimeBytes); where it ends. */
export function isoTimeWriter(): (instant: number, bytes: Uint8Array, at: number) => number {
  const hour = new HourText('T');
  return (instant, bytes, at) => {
    if (!hour.holds(instant)) return putAscii(bytes, at, new Date(instant).toISOString());
    const within = instant - hour.hour * hourMs;
    at = putMinutesSeconds(bytes, hour.put(bytes, at), within);
    const ms = within % 1000;
    bytes[at] = dot;
    bytes[at + 1] = digit0 + ((ms / 100) | 0);
    bytes[at + 2] = digit0 + (((ms / 10) | 0) % 10);
    bytes[at + 3] = digit0 + (ms % 10);
    bytes[at + 4] = letterZ;
    return at + 5;
  };
}

/** Every way an export writes instants in `timeZone`, as strings (row by row) and as bytes (lines SQLite wrote). */
export function exportTimes(timeZone: string) {
  return { local: localTimeFormatter(timeZone), iso: isoTimeFormatter(), putLocal: localTimeWriter(timeZone), putIso: isoTimeWriter() };
}
