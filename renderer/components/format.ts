/**
 * Calendar days (YYYY-MM-DD), months and instants as the warden reads them: through Intl, in the
 * site's time zone. A calendar day is formatted as itself, never shifted by a time zone.
 */
import { siteTimeZone } from '../app/site.js';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, options);
    cache.set(key, found);
  }
  return found;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

/** `2027-03-01` → 2027年3月1日 / Mar 1, 2027. Anything that is not a day is shown as it came. */
export function formatDay(day: string, language: string): string {
  const m = dayPattern.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatter(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** `2026-11` → 2026年11月 / November 2026. */
export function formatMonth(month: string, language: string): string {
  const m = monthPattern.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return formatter(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** An instant with its date and 24-hour time, in the site's zone. */
export function formatDateTime(instant: string | number, language: string): string {
  return formatter(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: siteTimeZone,
  }).format(new Date(instant));
}

/** Today in the site's zone, as YYYY-MM-DD (en-CA writes days that way). */
export function siteToday(now: number = Date.now()): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: siteTimeZone }).format(new Date(now));
}

/** The month a day falls in, and the `count` months before it, newest first (`2026-11`, `2026-10`, …). */
export function recentMonths(today: string, count: number): string[] {
  const m = dayPattern.exec(today);
  if (!m) return [];
  let year = Number(m[1]);
  let month = Number(m[2]);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

export const formatNumber = (value: number, language: string) => new Intl.NumberFormat(language).format(value);
