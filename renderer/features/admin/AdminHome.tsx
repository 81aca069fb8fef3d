/**
 * The supervisor's and administrator's desk. Its screens (and the chart library the dashboard uses)
 * are loaded only on an admin device, so the kiosk's first bundle does not carry them.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/contract/device.js';
import { AppFrame } from '../../app/AppFrame.js';
import { LoadFailure } from '../../components/LoadFailure.js';

const AdminApp = lazy(() => import('./AdminApp.js'));

export function AdminHome({ device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const holding = (body: string, reload = false) => (
    <main className="page" aria-label={t('roles.admin')}>
      <p className="page-body">{body}</p>
      {reload && (
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {t('admin.common.reload')}
        </button>
      )}
    </main>
  );
  return (
    <AppFrame subtitle={t('roles.admin')}>
      <LoadFailure fallback={holding(t('admin.common.loadFailed'), true)}>
        <Suspense fallback={holding(t('admin.common.loading'))}>
          <AdminApp device={device} />
        </Suspense>
      </LoadFailure>
    </AppFrame>
  );
}
