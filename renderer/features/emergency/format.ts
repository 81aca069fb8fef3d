/** Ages and durations in plain words, through Intl and the emergency's words. */
import type { TFunction } from 'i18next';

const relative = new Map<string, Intl.RelativeTimeFormat>();

/** "35 seconds ago", "3 minutes ago", "2 hours ago" in the given language. */
export function formatAge(ms: number, language: string): string {
  let format = relative.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'long' });
    relative.set(language, format);
  }
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return format.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}

/** "4 min 05 s" (or "1 h 02 min") for how long something took. */
export function formatDuration(totalSeconds: number, t: TFunction, language: string): string {
  const n = new Intl.NumberFormat(language);
  const s = Math.round(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return t('emergency.duration.hoursMinutes', { h: n.format(h), m: n.format(m) });
  if (m > 0) return t('emergency.duration.minutesSeconds', { m: n.format(m), s: n.format(sec) });
  return t('emergency.duration.seconds', { s: n.format(sec) });
}
