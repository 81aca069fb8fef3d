/** Dates and times as people on the floor read them: through Intl, in the site's time zone. */
import { siteTimeZone } from './site.js';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, { timeZone: siteTimeZone, ...options });
    cache.set(key, found);
  }
  return found;
}

type When = string | number | Date;
const toDate = (when: When) => (when instanceof Date ? when : new Date(when));

/** `09:02`: the floor counts hours 0–23 in both languages. */
export const formatTime = (when: When, language: string) =>
  formatter(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(when));

export const formatLongDate = (when: When, language: string) =>
  formatter(language, { dateStyle: 'full' }).format(toDate(when));

export const formatCount = (count: number, language: string) => new Intl.NumberFormat(language).format(count);
