/** The home of a role whose screens are still to come: which device this is, and what is coming. */
import { useTranslation } from 'react-i18next';
import type { DeviceRole } from '../../shared/contract/roles.js';

export function RolePlaceholder({ role, deviceName }: { role: DeviceRole; deviceName: string }) {
  const { t } = useTranslation();
  return (
    <main className="page placeholder-page" aria-labelledby="placeholder-title">
      <h1 id="placeholder-title" className="page-title">
        {t(`roles.${role}`)}
      </h1>
      <p className="page-body">{t(`placeholder.${role}`)}</p>
      <p className="page-note">{t('placeholder.deviceName', { name: deviceName })}</p>
    </main>
  );
}
