/**
 * The fire warden's tablet. Its screens, and the camera and QR libraries they use, are loaded only
 * on a warden device: the kiosk's first bundle does not carry them.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/contract/device.js';
import { AppFrame } from '../../app/AppFrame.js';
import { LoadFailure } from '../../components/LoadFailure.js';

const WardenApp = lazy(() => import('./WardenApp.js'));

export function WardenHome({ device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const holding = (body: string, reload = false) => (
    <main className="page" aria-label={t('roles.warden')}>
      <p className="page-body">{body}</p>
      {reload && (
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('warden.common.reload')}
        </button>
      )}
    </main>
  );
  return (
    <AppFrame subtitle={t('roles.warden')}>
      <LoadFailure fallback={holding(t('warden.common.loadFailed'), true)}>
        <Suspense fallback={holding(t('warden.common.loading'))}>
          <WardenApp device={device} />
        </Suspense>
      </LoadFailure>
    </AppFrame>
  );
}
