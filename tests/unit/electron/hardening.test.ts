import { describe, expect, it } from 'vitest';
import {
  appUrl,
  hardenAllWebContents,
  hardenWebContents,
  installPermissionPolicy,
  isAppUrl,
  openSecureWindow,
} from '../../../electron/main/hardening.js';
import { FakeApp, FakeBrowserWindow, FakeEvent, FakeSession, FakeWebContents } from '../../support/fake-electron.js';

describe('web preferences', () => {
  const open = (packaged: boolean) =>
    openSecureWindow(FakeBrowserWindow, { show: false, title: 'SafeFloor', backgroundColor: '#000', autoHideMenuBar: true }, { preloadPath: '/app/preload.cjs', packaged }) as FakeBrowserWindow;

  it('sandbox, isolate the context and keep Node out of every page', () => {
    expect(open(true).options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('lets the evacuation alarm sound on a screen nobody has touched', () => {
    expect(open(true).options.webPreferences.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('turn devtools off in a packaged build only', () => {
    expect(open(true).options.webPreferences.devTools).toBe(false);
    expect(open(false).options.webPreferences.devTools).toBe(true);
  });

  it('cannot be loosened by the window’s shape', () => {
    const loose = { show: false, title: 'x', backgroundColor: '#000', autoHideMenuBar: true, webPreferences: { sandbox: false, nodeIntegration: true } };
    const window = openSecureWindow(FakeBrowserWindow, loose as never, { preloadPath: '/p', packaged: true }) as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, nodeIntegration: false });
  });
});

describe('app URLs', () => {
  it('are app://safefloor and nothing that merely looks like it', () => {
    for (const url of [appUrl, 'app://safefloor/kiosk?x=1#y', 'app://safefloor', 'APP://SAFEFLOOR/']) expect(isAppUrl(url), url).toBe(true);
    for (const url of [
      'https://safefloor/',
      'app://safefloor.evil.com/',
      'app://evil.com/safefloor/',
      'app://user@safefloor/',
      'http://127.0.0.1:7420/',
      'file:///opt/safefloor/index.html',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('hardened web contents', () => {
  const hardened = (packaged = false) => {
    const contents = new FakeWebContents(appUrl);
    hardenWebContents(contents, { packaged });
    return contents;
  };

  it('may navigate within the app', () => {
    const contents = hardened();
    expect(contents.tryNavigate('will-navigate', 'app://safefloor/warden/extinguishers')).toBe(true);
    expect(contents.tryNavigate('will-redirect', 'app://safefloor/')).toBe(true);
  });

  it('may not navigate or be redirected anywhere outside the app', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'http://127.0.0.1:7420/', 'file:///etc/passwd', 'app://other/', 'data:text/html,hi']) {
      expect(contents.tryNavigate('will-navigate', url), url).toBe(false);
      expect(contents.tryNavigate('will-redirect', url), url).toBe(false);
    }
  });

  it('opens no new windows, not even for the app itself', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
  });

  it('attaches no webviews', () => {
    const contents = hardened();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('closes devtools that open anyway in a packaged build, and leaves them in development', () => {
    const packaged = hardened(true);
    packaged.emit('devtools-opened');
    expect(packaged.devToolsClosed).toBe(1);
    const dev = hardened(false);
    dev.emit('devtools-opened');
    expect(dev.devToolsClosed).toBe(0);
  });

  it('applies to every web contents the app creates, not only the shell’s own windows', () => {
    const app = new FakeApp();
    hardenAllWebContents(app, { packaged: true });
    const stray = app.createWebContents(appUrl);
    expect(stray.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(stray.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('is applied once even when asked twice', () => {
    const contents = hardened();
    hardenWebContents(contents, { packaged: false });
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('permission policy', () => {
  const policy = () => {
    const session = new FakeSession();
    installPermissionPolicy(session);
    return session;
  };

  it('grants the camera to the app', async () => {
    expect(await policy().request('media', { requestingUrl: 'app://safefloor/kiosk/appearance', mediaTypes: ['video'] })).toBe(true);
    expect(policy().check('media', 'app://safefloor', 'video')).toBe(true);
  });

  it('denies the microphone, alone or with the camera', async () => {
    const session = policy();
    expect(await session.request('media', { requestingUrl: appUrl, mediaTypes: ['audio'] })).toBe(false);
    expect(await session.request('media', { requestingUrl: appUrl, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(await session.request('media', { requestingUrl: appUrl, mediaTypes: [] })).toBe(false);
    expect(await session.request('media', { requestingUrl: appUrl })).toBe(false);
    expect(session.check('media', 'app://safefloor', 'audio')).toBe(false);
    expect(session.check('media', 'app://safefloor', 'unknown')).toBe(false);
  });

  it('denies everything else, even to the app', async () => {
    const session = policy();
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'midiSysex', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'unknown']) {
      expect(await session.request(permission, { requestingUrl: appUrl, mediaTypes: ['video'] }), permission).toBe(false);
      expect(session.check(permission, 'app://safefloor', 'video'), permission).toBe(false);
    }
    expect(session.deviceHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('denies the camera to any other origin', async () => {
    const session = policy();
    for (const origin of ['https://example.com/', 'http://127.0.0.1:7420/', 'file:///x.html', 'app://other/']) {
      expect(await session.request('media', { requestingUrl: origin, mediaTypes: ['video'] }), origin).toBe(false);
      expect(session.check('media', origin, 'video'), origin).toBe(false);
    }
  });
});
