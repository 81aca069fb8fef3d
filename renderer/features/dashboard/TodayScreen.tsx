/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function TodayScreen(_props: { onReview(): void }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="today-title">
      <h1 id="today-title" className="screen-title">
        {t('admin.nav.today')}
      </h1>
    </section>
  );
}
