/** Starts the renderer: language, API client, which device this is, then the screen for its role. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApiClient, runsInShell } from './api/index.js';
import { ApiProvider } from './api/ApiProvider.js';
import { App } from './app/App.js';
import { createDeviceSession, type DeviceSession } from './app/device-session.js';
import { deviceStorage } from './app/device-storage.js';
import { alarm } from './features/emergency/alarm.js';
import { applySettingsFromUrl } from './features/emergency/device-settings.js';
import { createEmergencyStore } from './features/emergency/emergency-store.js';
import { takePairingCode } from './features/pairing/pairing-link.js';
import { createRendererI18n } from './i18n.js';
import './styles/base.css';
import './styles/pages.css';
import './styles/kiosk.css';
import './styles/keypad.css';
import './styles/display.css';
import './styles/emergency.css';

const i18n = createRendererI18n();
// Device settings in the address (?here=…, ?emergencyKey=…) are kept and taken out of it first.
applySettingsFromUrl(window.location, window.history);

// The client reports a refused token to the session, which is created just after it.
let session: DeviceSession | null = null;
const client = createApiClient({
  token: deviceStorage.token,
  language: () => i18n.language,
  onUnauthorized: () => session?.unauthorized(),
});
// The emergency layer listens to the hub only once the device is known (before that the event
// stream would be refused and the token forgotten); while the hub is away it shows what it cached.
// The running emergency itself is asked for beside the device's first question, not after it: a
// screen reloaded during an evacuation shows it one round trip sooner.
const emergency = createEmergencyStore(client);
session = createDeviceSession({
  client,
  storage: deviceStorage,
  pairingCode: runsInShell() ? null : takePairingCode(window.location, window.history),
  needsToken: !runsInShell(),
  onCredentials: () => emergency.prefetch(),
});
const followSession = () => {
  const state = session.state();
  if (state.kind === 'ready') emergency.connect();
  else if (state.kind === 'unreachable') emergency.showCached();
  else if (state.kind === 'unpaired' || state.kind === 'pairing') emergency.disconnect(state.kind === 'unpaired');
};
session.subscribe(followSession);
window.addEventListener('pagehide', () => emergency.flush());
// The alarm sound loads once the screen has started, so that it plays at once (and offline) later.
setTimeout(() => alarm.prepare(), 2_000);
void session.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={client}>
        <App session={session} emergency={emergency} roleHint={deviceStorage.role} />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
