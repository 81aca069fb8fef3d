/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function RosterImport() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="roster-title">
      <h1 id="roster-title" className="screen-title">
        {t('admin.nav.roster')}
      </h1>
    </section>
  );
}
