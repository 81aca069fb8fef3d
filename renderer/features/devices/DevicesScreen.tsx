/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function DevicesScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="devices-title">
      <h1 id="devices-title" className="screen-title">
        {t('admin.nav.devices')}
      </h1>
    </section>
  );
}
