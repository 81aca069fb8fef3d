/** Shows the screen this device's role calls for, once the hub has said who the device is. */
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../shared/contract/device.js';
import { KioskHome } from '../features/presence/KioskHome.js';
import { DisplayHome } from '../features/presence/DisplayHome.js';
import { PairingFailedPage, PairingPage } from '../features/pairing/PairingPage.js';
import { UnpairedPage } from '../features/pairing/UnpairedPage.js';
import { WardenHome } from '../features/warden/WardenHome.js';
import { AppFrame } from './AppFrame.js';
import type { DeviceSession } from './device-session.js';
import { RolePlaceholder } from './RolePlaceholder.js';
import { StatusPage } from './StatusPage.js';

export function App({ session }: { session: DeviceSession }) {
  const state = useSyncExternalStore(session.subscribe, session.state);
  const { t } = useTranslation();
  switch (state.kind) {
    case 'starting':
      return <StatusPage title={t('device.starting')} />;
    case 'pairing':
      return <PairingPage />;
    case 'pairing-failed':
      return <PairingFailedPage error={state.error} />;
    case 'unpaired':
      return <UnpairedPage rejected={state.rejected} />;
    case 'unreachable':
      return <StatusPage title={t('device.unreachableTitle')} body={t('device.unreachableBody')} />;
    case 'ready':
      return <RoleHome device={state.device} />;
  }
}

function RoleHome({ device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const roleName = t(`roles.${device.role}`);
  switch (device.role) {
    case 'kiosk':
      return <KioskHome roleName={roleName} />;
    case 'display':
      return <DisplayHome roleName={roleName} />;
    case 'warden':
      return <WardenHome device={device} />;
    default:
      return (
        <AppFrame subtitle={roleName}>
          <RolePlaceholder role={device.role} deviceName={device.name} />
        </AppFrame>
      );
  }
}
