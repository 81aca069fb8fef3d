/**
 * Shows the screen this device's role calls for, once the hub has said who the device is. Above
 * every screen sits the emergency layer: while an emergency runs it is all there is.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../shared/contract/device.js';
import type { DeviceRole } from '../../shared/contract/roles.js';
import { EmergencyStoreContext } from '../features/emergency/context.js';
import { EmergencyLayer } from '../features/emergency/EmergencyLayer.js';
import type { EmergencyStore } from '../features/emergency/emergency-store.js';
import { KioskHome } from '../features/presence/KioskHome.js';
import { DisplayHome } from '../features/presence/DisplayHome.js';
import { PairingFailedPage, PairingPage } from '../features/pairing/PairingPage.js';
import { UnpairedPage } from '../features/pairing/UnpairedPage.js';
import { WardenHome } from '../features/warden/WardenHome.js';
import { AdminHome } from '../features/admin/AdminHome.js';
import { AppFrame } from './AppFrame.js';
import { DeviceContext } from './device-context.js';
import type { DeviceSession } from './device-session.js';
import { RolePlaceholder } from './RolePlaceholder.js';
import { StatusPage } from './StatusPage.js';

export function App({ session, emergency, roleHint }: { session: DeviceSession; emergency: EmergencyStore; roleHint(): DeviceRole | null }) {
  const state = useSyncExternalStore(session.subscribe, session.state);
  const { t } = useTranslation();
  // One tree for every state that shows the emergency layer, so that a takeover already on screen
  // stays mounted (not drawn again) when the hub's answer about the device comes in.
  const layer = (device: DeviceInfo | null, screen: ReactNode) => (
    <DeviceContext.Provider value={device}>
      <EmergencyStoreContext.Provider value={emergency}>
        <EmergencyLayer store={emergency} role={device?.role ?? roleHint()}>
          {screen}
        </EmergencyLayer>
      </EmergencyStoreContext.Provider>
    </DeviceContext.Provider>
  );
  switch (state.kind) {
    case 'starting':
      // The running emergency is asked for beside the device's first question: it shows the moment
      // the hub answers it (an answer means the hub accepted this device).
      return layer(null, <StatusPage title={t('device.starting')} />);
    case 'pairing':
      return <PairingPage />;
    case 'pairing-failed':
      return <PairingFailedPage error={state.error} />;
    case 'unpaired':
      return <UnpairedPage rejected={state.rejected} />;
    case 'unreachable':
      // The hub is away: an emergency this screen knew of stays on it, with its age.
      return layer(null, <StatusPage title={t('device.unreachableTitle')} body={t('device.unreachableBody')} />);
    case 'ready':
      return layer(state.device, <RoleHome device={state.device} />);
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
    case 'admin':
      return <AdminHome device={device} />;
    default:
      return (
        <AppFrame subtitle={roleName}>
          <RolePlaceholder role={device.role} deviceName={device.name} />
        </AppFrame>
      );
  }
}
