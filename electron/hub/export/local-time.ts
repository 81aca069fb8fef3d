/**
 * Instants written out as text many times over, for exports: the local wall time in one zone (as
 * `localDateTime` gives it) and the UTC ISO form (as `Date#toISOString` gives it). Runs in: the hub.
 *
 * Asking Intl for the zone's offset costs microseconds, and an export asks for millions of
 * records. A zone's offset changes at most once in any hour (daylight saving, a rule change), so
 * when it is the same at an hour's first and last millisecond it holds for the whole hour: it is
 * looked up once per hour (an hour with a change in it, per instant). The text up to the hour is
 * made once per hour too, and each instant adds its minutes and seconds.
 */
import { zoneOffsetMs } from '../../../shared/domain/time.js';

const hourMs = 3_600_000;
const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const threeDigits = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** `2026-11-26 09:05:00` in the zone, for many instants. */
export function localTimeFormatter(timeZone: string): (instant: number) => string {
  let utcHour = Number.NaN;
  // The zone's offset through that UTC hour, or null when it changes within the hour.
  let offset: number | null = null;
  let localHour = Number.NaN;
  // `2026-11-26 09:` for that local hour.
  let prefix = '';
  return (instant) => {
    const h = Math.floor(instant / hourMs);
    if (h !== utcHour) {
      utcHour = h;
      const first = zoneOffsetMs(h * hourMs, timeZone);
      offset = zoneOffsetMs(h * hourMs + hourMs - 1, timeZone) === first ? first : null;
    }
    const local = instant + (offset ?? zoneOffsetMs(instant, timeZone));
    const lh = Math.floor(local / hourMs);
    if (lh !== localHour) {
      const iso = new Date(lh * hourMs).toISOString();
      // Years outside 0000–9999 have a longer form: leave those to Date.
      if (iso.length !== 24) return new Date(local).toISOString().slice(0, 19).replace('T', ' ');
      localHour = lh;
      prefix = `${iso.slice(0, 10)} ${iso.slice(11, 14)}`;
    }
    const withinHour = local - lh * hourMs;
    return `${prefix}${twoDigits[Math.floor(withinHour / 60_000)]}:${twoDigits[Math.floor((withinHour % 60_000) / 1000)]}`;
  };
}

/** `Date#toISOString` for many instants: the text up to the hour is made once per hour. */
export function isoTimeFormatter(): (instant: number) => string {
  let hour = Number.NaN;
  let prefix = '';
  return (instant) => {
    const h = Math.floor(instant / hourMs);
    if (h !== hour) {
      const iso = new Date(h * hourMs).toISOString();
      // Years outside 0000–9999 have a longer form: leave those to Date.
      if (iso.length !== 24) return new Date(instant).toISOString();
      hour = h;
      prefix = iso.slice(0, 14);
    }
    const withinHour = instant - h * hourMs;
    return `${prefix}${twoDigits[Math.floor(withinHour / 60_000)]}:${twoDigits[Math.floor((withinHour % 60_000) / 1000)]}.${threeDigits[withinHour % 1000]}Z`;
  };
}
