/** Every training recorded for a person, newest first: by whom, when, from the desk or an import. */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { formatDateTime, formatDay } from '../../components/format.js';

export interface TrainingRecord {
  passedOn: string | null;
  expiresOn: string | null;
  source: 'admin' | 'import';
  recordedAt: string;
  recordedBy: string | null;
}

export function TrainingHistory({ person, history }: { person: PersonDetail; history: readonly TrainingRecord[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const day = (value: string | null) => (value ? formatDay(value, lng) : t('people.history.none'));
  if (history.length === 0) return <p className="empty">{t('people.history.empty', { name: person.name })}</p>;
  return (
    <table className="people-history">
      <caption className="visually-hidden">{t('people.history.caption', { name: person.name })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('people.history.passedOn')}</th>
          <th scope="col">{t('people.history.expiresOn')}</th>
          <th scope="col">{t('people.history.recorded')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h, i) => (
          <tr key={`${h.recordedAt}-${i}`}>
            <td data-label={t('people.history.passedOn')}>{day(h.passedOn)}</td>
            <td data-label={t('people.history.expiresOn')}>{day(h.expiresOn)}</td>
            <td data-label={t('people.history.recorded')}>
              {t(`people.history.source.${h.source}`, {
                at: formatDateTime(h.recordedAt, lng),
                by: h.recordedBy ?? t('people.history.commandLine'),
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
