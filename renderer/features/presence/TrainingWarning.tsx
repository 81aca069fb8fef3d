/**
 * The training gate's warning at a sign-in (安全教育培训): missing, expired or expiring soon. It
 * stands out on whatever screen follows the sign-in, the self-check included, and is read out.
 */
import { useTranslation } from 'react-i18next';
import type { TrainingInfo } from '../../../shared/contract/presence.js';

/** A calendar day (YYYY-MM-DD) as the reader writes dates; the day itself never shifts with the zone. */
function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function TrainingWarning({ training }: { training: TrainingInfo | null }) {
  const { t, i18n } = useTranslation();
  if (!training || training.status === 'ok') return null;
  const expiresOn = training.expiresOn ? formatDay(training.expiresOn, i18n.language) : '';
  const text =
    training.status === 'missing'
      ? t('training.warnMissing')
      : training.status === 'expired'
        ? t('training.warnExpired', { expiresOn })
        : t('training.warnExpiring', { expiresOn });
  return (
    <div className={`training-warning training-${training.status}`} role="alert">
      <span className="training-warning-mark" aria-hidden="true">
        !
      </span>
      <p>
        <strong className="training-warning-title">{t('door.training.title')}</strong> {text}
      </p>
    </div>
  );
}
