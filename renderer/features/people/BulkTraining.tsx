/**
 * A training session for everyone ticked in the list at once (the hub records it for all of them in
 * one go, or for none when one of them is refused).
 */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { TrainingForm } from './TrainingForm.js';

export function BulkTraining({
  people,
  onRecorded,
  onCancel,
}: {
  /** Employee number → name. */
  people: ReadonlyMap<string, string>;
  onRecorded(people: PersonDetail[]): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  return (
    <section className="screen people-screen" aria-labelledby="bulk-training-title">
      <header className="screen-head">
        <h1 id="bulk-training-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('people.bulk.title', { count: people.size })}
        </h1>
        <p className="screen-sub">{t('people.training.body')}</p>
      </header>
      <section className="panel" aria-labelledby="bulk-training-who">
        <h2 id="bulk-training-who" className="panel-title">
          {t('people.bulk.who', { count: people.size })}
        </h2>
        <ul className="people-bulk-list">
          {[...people].map(([employeeNo, name]) => (
            <li key={employeeNo}>
              {name} <span className="people-no">({employeeNo})</span>
            </li>
          ))}
        </ul>
      </section>
      <TrainingForm employeeNos={[...people.keys()]} onRecorded={onRecorded} onCancel={onCancel} />
    </section>
  );
}
