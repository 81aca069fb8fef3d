import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appUrl } from '../../../electron/main/hardening.js';
import { createWindows } from '../../../electron/main/windows.js';
import { FakeBrowserWindow } from '../../support/fake-electron.js';

const open = (role: 'kiosk' | 'display' | 'warden' | 'admin', packaged = true) => {
  const windows = createWindows({ BrowserWindow: FakeBrowserWindow, preloadPath: '/app/dist/electron/preload.cjs', packaged });
  const window = windows.openFor(role) as FakeBrowserWindow;
  return { windows, window };
};

describe('the window for the device’s role', () => {
  it('is fullscreen kiosk mode without a frame on the kiosk and the display', () => {
    for (const role of ['kiosk', 'display'] as const) {
      const { window } = open(role);
      expect(window.options, role).toMatchObject({ fullscreen: true, kiosk: true, frame: false, autoHideMenuBar: true, show: false });
      window.emit('ready-to-show');
      expect(window.calls).toContain('show');
      expect(window.calls).not.toContain('maximize');
    }
  });

  it('is an ordinary maximised window for a warden or an admin', () => {
    for (const role of ['warden', 'admin'] as const) {
      const { window } = open(role);
      expect(window.options.kiosk, role).toBeUndefined();
      expect(window.options.fullscreen, role).toBeUndefined();
      window.emit('ready-to-show');
      expect(window.calls).toEqual(expect.arrayContaining(['maximize', 'show']));
    }
  });

  it('every window is sandboxed and isolated, with no Node and (packaged) no devtools', () => {
    for (const role of ['kiosk', 'display', 'warden', 'admin'] as const) {
      for (const packaged of [true, false]) {
        const { window } = open(role, packaged);
        expect(window.options.webPreferences, `${role} packaged=${packaged}`).toMatchObject({
          preload: '/app/dist/electron/preload.cjs',
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          webviewTag: false,
          devTools: !packaged,
        });
      }
    }
  });

  it('loads the app from app://safefloor/ and is hardened', () => {
    const { window, windows } = open('kiosk');
    expect(window.calls[0]).toBe(`loadURL ${appUrl}`);
    expect(window.webContents.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(windows.isOurs(window.webContents)).toBe(true);
    window.emit('closed');
    expect(windows.isOurs(window.webContents)).toBe(false);
  });
});

describe('a crashed renderer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const crash = (window: FakeBrowserWindow) => window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  const loads = (window: FakeBrowserWindow) => window.webContents.loads.length;

  it('is loaded again with back-off: 1 s, then 2 s, then 4 s', async () => {
    const { window } = open('kiosk');
    expect(loads(window)).toBe(1);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = loads(window);
      crash(window);
      const started = Date.now();
      while (loads(window) === before) await vi.advanceTimersByTimeAsync(100);
      waits.push(Date.now() - started);
      window.webContents.emit('did-finish-load');
      await vi.advanceTimersByTimeAsync(5_000); // up for a few seconds, then crashes again
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    expect(window.webContents.loads.every((url) => url === appUrl)).toBe(true);
  });

  it('waits 1 s again after a stable minute', async () => {
    const { window } = open('display');
    for (let i = 0; i < 3; i++) {
      crash(window);
      await vi.advanceTimersByTimeAsync(30_000);
    }
    window.webContents.emit('did-finish-load');
    await vi.advanceTimersByTimeAsync(61_000);
    const before = loads(window);
    crash(window);
    await vi.advanceTimersByTimeAsync(999);
    expect(loads(window)).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(loads(window)).toBe(before + 1);
  });

  it('is not reloaded twice for one crash, nor after its window closed', async () => {
    const { window } = open('kiosk');
    crash(window);
    crash(window);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(loads(window)).toBe(2);
    crash(window);
    window.destroyed = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loads(window)).toBe(2);
  });
});
