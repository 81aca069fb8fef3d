/** Turns a hub error into a sentence in the current language, with its params (tries left, until …). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatError } from '../../../shared/i18n/format-error.js';
import type { ApiCallError } from '../../api/client.js';
import { siteTimeZone } from '../../app/site.js';

export function useErrorText(): (error: ApiCallError) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((error) => formatError(t, language, error.code, error.params, siteTimeZone), [t, language]);
}
