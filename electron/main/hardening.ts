/**
 * Window hardening, in one place: the web preferences every window gets, what a page may not do
 * (navigate away, open windows, attach webviews) and the permission policy (the camera, from the
 * app, and nothing else). Runs in: the main process.
 */
import type { AppPort, SessionPort, WebContentsPort, WindowConstructor, WindowPort, WindowShape } from './ports.js';

/** The renderer is served from this privileged scheme (see protocol.ts), never from file: or http:. */
export const appScheme = 'app';
export const appHost = 'safefloor';
export const appOrigin = `${appScheme}://${appHost}`;
export const appUrl = `${appOrigin}/`;

/**
 * Whether a URL (or an origin) belongs to the app. Parsed, never compared as text: Node's URL gives
 * a custom scheme the origin "null", so the scheme and host are checked instead.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host.toLowerCase() === appHost && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * Every window of the app is opened here, with these web preferences and no others. They are
 * spelled out in the call itself so that static checkers (electronegativity) can read them.
 */
export function openSecureWindow(
  BrowserWindow: WindowConstructor,
  shape: WindowShape,
  options: { preloadPath: string; packaged: boolean },
): WindowPort {
  return new BrowserWindow({
    ...shape,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !options.packaged,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click opens no new window either.
      disableBlinkFeatures: 'Auxclick',
      // An unattended wall display must sound the evacuation alarm without anyone touching it first.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
}

const hardened = new WeakSet<WebContentsPort>();

/** What every page gets, whoever made it: no leaving the app, no new windows, no webviews. */
export function hardenWebContents(contents: WebContentsPort, options: { packaged: boolean }): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // devTools is already off in a packaged build's web preferences; close them if anything opens them.
  if (options.packaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Hardens every web contents the app ever creates, not only the windows the shell opens itself. */
export function hardenAllWebContents(app: AppPort, options: { packaged: boolean }): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/** The one permission a page may have: the camera (video only, no microphone), asked for by the app. */
export function mayUseMedia(requestingUrl: string | undefined, mediaTypes: readonly string[] | undefined): boolean {
  return isAppUrl(requestingUrl) && !!mediaTypes && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
}

export function installPermissionPolicy(session: SessionPort): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'media' && mayUseMedia(details.requestingUrl, details.mediaTypes));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    return permission === 'media' && mayUseMedia(requestingOrigin, details.mediaType ? [details.mediaType] : undefined);
  });
  // USB, serial, HID and Bluetooth devices: none.
  session.setDevicePermissionHandler(() => false);
}
