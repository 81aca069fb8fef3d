/** Adding someone to the roster by hand (a whole team arrives by roster import instead). */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { PersonForm } from './PersonForm.js';

export function AddPerson({ onAdded, onCancel }: { onAdded(person: PersonDetail): void; onCancel(): void }) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  return (
    <section className="screen people-screen" aria-labelledby="person-add-title">
      <header className="screen-head">
        <h1 id="person-add-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('people.addTitle')}
        </h1>
        <p className="screen-sub">{t('people.addExplain')}</p>
      </header>
      <PersonForm person={null} onSaved={onAdded} onCancel={onCancel} />
    </section>
  );
}
