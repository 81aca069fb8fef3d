/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function ExportsScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="records-title">
      <h1 id="records-title" className="screen-title">
        {t('admin.nav.records')}
      </h1>
    </section>
  );
}
