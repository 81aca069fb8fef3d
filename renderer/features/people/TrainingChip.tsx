/** A person's safety training as the roster shows it: the status, and the dates behind it. */
import { useTranslation } from 'react-i18next';
import type { TrainingInfo } from '../../../shared/contract/presence.js';
import { formatDay } from '../../components/format.js';

export function TrainingChip({ training }: { training: TrainingInfo }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <span className="training-cell">
      <span className={`chip chip-training-${training.status}`}>{t(`training.status.${training.status}`)}</span>
      {(training.passedOn || training.expiresOn) && (
        <span className="training-dates">
          {training.passedOn && t('people.training.passedOnShort', { date: formatDay(training.passedOn, lng) })}
          {training.passedOn && training.expiresOn && ' · '}
          {training.expiresOn && t('people.training.expiresOnShort', { date: formatDay(training.expiresOn, lng) })}
        </span>
      )}
    </span>
  );
}
