/**
 * Times of the day as the supervisor reads them: 24-hour clock in the site's time zone, and week
 * labels for the compliance chart. Calendar days (YYYY-MM-DD) are never shifted by a time zone.
 */
import { siteTimeZone } from '../../app/site.js';

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

/** `2026-11-26T01:05:00Z` → 09:05 (site time). */
export function formatTime(instant: string, language: string): string {
  return formatter(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: siteTimeZone }).format(new Date(instant));
}

/** The time alone when the instant falls on `day` (site time), else a short date and the time. */
export function formatTimeOn(instant: string, day: string, language: string): string {
  const onDay = formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: siteTimeZone }).format(new Date(instant));
  if (onDay === day) return formatTime(instant, language);
  return formatter(language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: siteTimeZone }).format(
    new Date(instant),
  );
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const asUtcDate = (day: string) => {
  const m = dayPattern.exec(day);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
};

/** `2026-11-23` → 11/23 (a week's label on the chart's axis). */
export function formatShortDay(day: string, language: string): string {
  const date = asUtcDate(day);
  return date ? formatter(language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(date) : day;
}

/** Monday to Sunday as one range: 11/23 – 11/29. */
export function formatWeek(weekStart: string, weekEnd: string, language: string): string {
  const from = asUtcDate(weekStart);
  const to = asUtcDate(weekEnd);
  if (!from || !to) return `${weekStart} – ${weekEnd}`;
  return formatter(language, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).formatRange(from, to);
}

export const formatPercent = (rate: number, language: string) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
