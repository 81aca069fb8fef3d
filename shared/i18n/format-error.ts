/** Turns an error code and its params into a sentence in the reader's language. Pure: runs anywhere. */
import type { TFunction } from 'i18next';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function formatError(
  t: TFunction,
  language: string,
  code: string,
  params: Record<string, string | number> = {},
  timeZone?: string,
): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    values[key] =
      typeof value === 'string' && isoInstant.test(value)
        ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(value))
        : value;
  }
  const key = `errors.${code}`;
  return t(key, { ...values, lng: language, defaultValue: t('errors.internal', { lng: language }) });
}
