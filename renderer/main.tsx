/** Starts the renderer: language, API client, which device this is, then the screen for its role. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createApiClient, runsInShell } from './api/index.js';
import { ApiProvider } from './api/ApiProvider.js';
import { App } from './app/App.js';
import { createDeviceSession, type DeviceSession } from './app/device-session.js';
import { deviceStorage } from './app/device-storage.js';
import { takePairingCode } from './features/pairing/pairing-link.js';
import { createRendererI18n } from './i18n.js';
import './styles/base.css';
import './styles/pages.css';
import './styles/kiosk.css';
import './styles/keypad.css';
import './styles/display.css';

const i18n = createRendererI18n();

// The client reports a refused token to the session, which is created just after it.
let session: DeviceSession | null = null;
const client = createApiClient({
  token: deviceStorage.token,
  language: () => i18n.language,
  onUnauthorized: () => session?.unauthorized(),
});
session = createDeviceSession({
  client,
  storage: deviceStorage,
  pairingCode: runsInShell() ? null : takePairingCode(window.location, window.history),
  needsToken: !runsInShell(),
});
void session.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApiProvider client={client}>
        <App session={session} />
      </ApiProvider>
    </I18nextProvider>
  </StrictMode>,
);
