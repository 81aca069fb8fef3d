/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function PeopleScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="people-title">
      <h1 id="people-title" className="screen-title">
        {t('admin.nav.people')}
      </h1>
    </section>
  );
}
