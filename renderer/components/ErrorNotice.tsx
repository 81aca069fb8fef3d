/**
 * A refusal from the hub in the reader's language, with its params (tries left, item numbers …).
 * Reasons the hub gives as a code inside `invalid_input` (a date in the future …) get their own words.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../shared/i18n/format-error.js';
import type { ApiCallError } from '../api/client.js';
import { siteTimeZone } from '../app/site.js';

export function useHubErrorText(): (error: ApiCallError) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (error) => {
      const detail = error.params.detail;
      if (error.code === 'invalid_input' && typeof detail === 'string' && i18n.exists(`warden.invalid.${detail}`)) {
        return t(`warden.invalid.${detail}`);
      }
      return formatError(t, language, error.code, error.params, siteTimeZone);
    },
    [t, i18n, language],
  );
}

/** Always in the page, so that a screen reader announces the message the moment it appears. */
export function ErrorNotice({ error, message }: { error?: ApiCallError | null; message?: string | null }) {
  const errorText = useHubErrorText();
  const text = error ? errorText(error) : message;
  return (
    <div className="form-alert" role="alert">
      {text && <p className="notice notice-error">{text}</p>}
    </div>
  );
}
