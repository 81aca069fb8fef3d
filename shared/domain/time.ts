/** Days and instants in a site's time zone, with Intl (no hand-written zone rules). Pure: runs anywhere. */

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDay(value: string): boolean {
  const m = dayPattern.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

// A zone's offset changes at most once in any hour; when it is the same at an hour's first and
// last millisecond it holds for that whole hour. Looked up once per zone and hour, then (a sign-in
// asks several times, an export millions of times), not through Intl each time.
const steadyHours = new Map<string, number | null>();
const hourMs = 3_600_000;

/** The zone's offset from UTC at an instant, in milliseconds (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const hour = Math.floor(instant / hourMs);
  const key = `${timeZone} ${hour}`;
  let steady = steadyHours.get(key);
  if (steady === undefined) {
    const first = offsetByIntl(hour * hourMs, timeZone);
    steady = offsetByIntl(hour * hourMs + hourMs - 1, timeZone) === first ? first : null;
    if (steadyHours.size >= 10_000) steadyHours.clear();
    steadyHours.set(key, steady);
  }
  return steady ?? offsetByIntl(instant, timeZone);
}

function offsetByIntl(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a day (YYYY-MM-DD) begins in the zone. */
export function startOfDay(day: string, timeZone: string): number {
  const m = dayPattern.exec(day);
  if (!m || !isIsoDay(day)) throw new RangeError(`not a day: ${day}`);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two passes settle the offset across a daylight-saving change.
  let instant = guess - zoneOffsetMs(guess, timeZone);
  instant = guess - zoneOffsetMs(instant, timeZone);
  return instant;
}

/** The day after (YYYY-MM-DD). */
export function nextDay(day: string): string {
  const m = dayPattern.exec(day)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1)).toISOString().slice(0, 10);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayOf(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/** `2026-11-26 09:05:00`: the local wall time, as spreadsheets read it. */
export function localDateTime(instant: number, timeZone: string): string {
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 19).replace('T', ' ');
}
