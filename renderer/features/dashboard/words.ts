/**
 * The supervisor's screens read their words from the `supervisor` domain (shared/i18n/locales/<lang>/
 * supervisor.json); `tc` reaches the core words they share with the kiosk (training status,
 * self-check groups and actions, errors).
 */
import { useTranslation } from 'react-i18next';

export function useSupervisorWords() {
  const { t: tc, i18n } = useTranslation();
  const { t } = useTranslation(undefined, { keyPrefix: 'supervisor' });
  return { t, tc, lng: i18n.language };
}
