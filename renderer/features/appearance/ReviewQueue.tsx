/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function ReviewQueue() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="review-title">
      <h1 id="review-title" className="screen-title">
        {t('admin.nav.review')}
      </h1>
    </section>
  );
}
