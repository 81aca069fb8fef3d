/**
 * The one window of this device, shaped by its role: the entrance kiosk and the evacuation display
 * fill the screen in kiosk mode with no frame; a warden's or admin's computer gets an ordinary
 * maximised window. A renderer that crashes is loaded again with back-off. Runs in: the main process.
 */
import { Backoff } from './backoff.js';
import { appUrl, hardenWebContents, openSecureWindow } from './hardening.js';
import type { WebContentsPort, WindowConstructor, WindowPort, WindowShape } from './ports.js';
import type { ScreenRole } from './settings.js';

export const isWallScreen = (role: ScreenRole) => role === 'kiosk' || role === 'display';

/** The window's size and chrome for a role; its web preferences are always openSecureWindow's. */
export function windowShape(role: ScreenRole, icon?: string): WindowShape {
  const common = {
    show: false,
    title: 'SafeFloor',
    backgroundColor: '#10151c',
    autoHideMenuBar: true,
    ...(icon ? { icon } : {}),
  };
  return isWallScreen(role)
    ? { ...common, fullscreen: true, kiosk: true, frame: false }
    : { ...common, width: 1280, height: 800, minWidth: 1024, minHeight: 600 };
}

/** Loads the app again after its renderer went away, waiting longer each time it keeps crashing. */
export function reloadOnCrash(window: WindowPort, url: string, backoff = new Backoff(), log: (line: string) => void = () => undefined): void {
  const contents = window.webContents;
  let timer: ReturnType<typeof setTimeout> | undefined;
  contents.on('did-finish-load', () => backoff.started());
  contents.on('render-process-gone', (_event, details) => {
    if (timer) return;
    const delay = backoff.failed();
    log(`renderer gone (${details.reason}); loading the app again in ${delay} ms`);
    timer = setTimeout(() => {
      timer = undefined;
      if (!window.isDestroyed()) window.loadURL(url).catch((err: Error) => log(`reload failed: ${err.message}`));
    }, delay);
  });
}

export interface WindowsOptions {
  BrowserWindow: WindowConstructor;
  preloadPath: string;
  packaged: boolean;
  icon?: string;
  url?: string;
  /** Called each time a window has loaded the app (again). */
  onLoaded?: (contents: WebContentsPort) => void;
  log?: (line: string) => void;
}

export function createWindows(options: WindowsOptions) {
  const { BrowserWindow, url = appUrl, log = () => undefined } = options;
  const open = new Map<number, { window: WindowPort; contents: WebContentsPort }>();

  return {
    openFor(role: ScreenRole): WindowPort {
      const window = openSecureWindow(BrowserWindow, windowShape(role, options.icon), options);
      const contents = window.webContents;
      hardenWebContents(contents, { packaged: options.packaged });
      open.set(contents.id, { window, contents });
      window.on('closed', () => open.delete(contents.id));
      window.once('ready-to-show', () => {
        if (!isWallScreen(role)) window.maximize();
        window.show();
      });
      reloadOnCrash(window, url, new Backoff(), log);
      contents.on('did-finish-load', () => options.onLoaded?.(contents));
      window.loadURL(url).catch((err: Error) => log(`could not load the app: ${err.message}`));
      return window;
    },
    // By id, which Electron keeps unique for the life of the app; no reliance on wrapper identity.
    isOurs: (contents: WebContentsPort) => open.has(contents.id),
    contents: () => [...open.values()].map((w) => w.contents),
    focus() {
      for (const { window } of open.values()) {
        if (window.isMinimized()) window.restore();
        window.focus();
      }
    },
  };
}

export type Windows = ReturnType<typeof createWindows>;
