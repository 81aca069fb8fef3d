/** Placeholder section of the admin desk; replaced by its real screen. */
import { useTranslation } from 'react-i18next';

export function DoorSettingsScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby="door-title">
      <h1 id="door-title" className="screen-title">
        {t('admin.nav.door')}
      </h1>
    </section>
  );
}
