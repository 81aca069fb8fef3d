import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../../../shared/contract/bridge.js';
import { appUrl } from '../../../electron/main/hardening.js';
import { startShell, type Shell } from '../../../electron/main/shell.js';
import { FakeBrowserWindow, createFakeElectron, type FakeElectron } from '../../support/fake-electron.js';

const distDir = '/opt/safefloor/app/dist/electron';

async function boot(options: { store?: Record<string, unknown>; argv?: string[]; openStore?: () => { store: Record<string, unknown> }; packaged?: boolean } = {}) {
  const electron = createFakeElectron();
  electron.app.isPackaged = options.packaged ?? false;
  const backend = { store: { ...(options.store ?? {}) } };
  const lines: string[] = [];
  const started = startShell({
    electron: electron.ports,
    openStore: options.openStore ?? (() => backend),
    distDir,
    argv: options.argv ?? ['/opt/safefloor/safefloor'],
    log: (line) => lines.push(line),
  });
  return { electron, backend, lines, started };
}

async function ready(options: Parameters<typeof boot>[0] = {}) {
  const booted = await boot(options);
  booted.electron.app.becomeReady();
  const shell = (await booted.started) as Shell;
  const window = FakeBrowserWindow.created.at(-1)!;
  return { ...booted, shell, window };
}

const hubChild = (electron: FakeElectron) => electron.utilityProcess.last;

describe('the shell, before the app is ready', () => {
  it('registers app:// as privileged, turns the sandbox on for every renderer, and opens nothing yet', async () => {
    const { electron } = await boot();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(electron.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.protocol.registeredBeforeReady).toBe(true);
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(FakeBrowserWindow.created).toHaveLength(0);
    expect(electron.utilityProcess.forks).toHaveLength(0);
  });

  it('lets only one instance run: a second one quits and opens nothing', async () => {
    const electron = createFakeElectron();
    electron.app.hasLock = false;
    const shell = await startShell({ electron: electron.ports, openStore: () => ({ store: {} }), distDir, argv: [], log: () => undefined });
    expect(shell).toBeNull();
    expect(electron.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });
});

describe('the shell, once ready', () => {
  it('opens a hardened fullscreen kiosk window on the app, with no menu, by default', async () => {
    const { electron, window } = await ready();
    expect(electron.Menu.applicationMenu).toBeNull();
    expect(window.options).toMatchObject({ fullscreen: true, kiosk: true, frame: false });
    expect(window.options.webPreferences).toMatchObject({ preload: `${distDir}/preload.cjs`, sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true });
    expect(window.webContents.loads).toEqual([appUrl]);
    expect(window.webContents.tryNavigate('will-navigate', 'https://example.com/')).toBe(false);
  });

  it('turns devtools off when packaged', async () => {
    const { window } = await ready({ packaged: true });
    expect(window.options.webPreferences.devTools).toBe(false);
    window.webContents.emit('devtools-opened');
    expect(window.webContents.devToolsClosed).toBe(1);
  });

  it('installs the permission policy on the default session and serves app://', async () => {
    const { electron } = await ready();
    const session = electron.session.defaultSession;
    expect(await session.request('geolocation', { requestingUrl: appUrl })).toBe(false);
    expect(await session.request('media', { requestingUrl: appUrl, mediaTypes: ['video'] })).toBe(true);
    expect(electron.protocol.handlers.has('app')).toBe(true);
  });

  it('starts the hub in a utility process on the user-data folder, for the device’s role', async () => {
    const { electron } = await ready();
    const child = hubChild(electron);
    expect(child.modulePath).toBe(`${distDir}/hub-process.cjs`);
    expect(child.args).toEqual([
      '--data', '/tmp/safefloor-fake-user-data',
      '--role', 'kiosk',
      '--name', 'kiosk (this computer)',
      '--port', '7420',
      '--static', '/opt/safefloor/app/dist/renderer',
      // The OS keystore is there: the signing key comes from the shell, never from a plain file.
      '--key-from-parent',
    ]);
  });

  it('carries a call from the window to the hub process and its answer back', async () => {
    const { electron, window } = await ready();
    const child = hubChild(electron);
    const answer = electron.ipcMain.invoke(ipcChannels.call, window.webContents, window.webContents.mainFrame, { method: 'presence.onSite', input: {} });
    const sent = child.posted.at(-1) as { id: number; method: string; language: string };
    expect(sent).toMatchObject({ type: 'call', method: 'presence.onSite', language: 'zh-CN' });
    child.reply({ type: 'result', id: sent.id, response: { ok: true, output: { people: [], visitors: [] } } });
    expect(await answer).toEqual({ ok: true, output: { people: [], visitors: [] } });
  });

  it('refuses a call from web contents that are not its window, and the hub never hears of it', async () => {
    const { electron } = await ready();
    const stray = electron.app.createWebContents(appUrl);
    const answer = await electron.ipcMain.invoke(ipcChannels.call, stray, stray.mainFrame, { method: 'presence.onSite', input: {} });
    expect(answer).toMatchObject({ ok: false, status: 403 });
    // Only the signing key went to the hub at its start; the stray call never did.
    expect(hubChild(electron).posted.filter((m) => (m as { type: string }).type === 'call')).toEqual([]);
  });

  it('pushes hub events and the hub coming up to the window', async () => {
    const { electron, window } = await ready();
    hubChild(electron).reply({ type: 'ready', url: 'http://127.0.0.1:7420/' });
    hubChild(electron).reply({ type: 'event', name: 'emergency.started', payload: { emergencyId: 9 } });
    expect(window.webContents.sent.map((s) => s.args[0])).toEqual([
      { name: 'connection', payload: { connected: true } },
      { name: 'emergency.started', payload: { emergencyId: 9 } },
    ]);
  });

  it('tells its window, each time it has loaded, whether the hub is up', async () => {
    const { electron, window } = await ready();
    window.webContents.emit('did-finish-load');
    hubChild(electron).reply({ type: 'ready', url: null });
    window.webContents.emit('did-finish-load'); // loaded again, e.g. after a renderer crash
    expect(window.webContents.sent.map((s) => s.args[0])).toEqual([
      { name: 'connection', payload: { connected: false } },
      { name: 'connection', payload: { connected: true } },
      { name: 'connection', payload: { connected: true } },
    ]);
  });

  it('takes the role from the command line, saves it, and opens that role’s window', async () => {
    const { electron, backend, window } = await ready({ argv: ['/opt/safefloor/safefloor', '--role=warden'] });
    expect(backend.store).toMatchObject({ role: 'warden' });
    expect(window.options.kiosk).toBeUndefined();
    window.emit('ready-to-show');
    expect(window.calls).toContain('maximize');
    expect(hubChild(electron).args).toContain('warden');
  });

  it('connects to a remote hub instead of starting one when the settings name it', async () => {
    const { electron, shell } = await ready({ store: { role: 'display', hubUrl: 'http://127.0.0.1:1/', token: 'x'.repeat(32) } });
    expect(electron.utilityProcess.forks).toHaveLength(0);
    expect(await shell.link.call('presence.onSite', {}, 'en')).toMatchObject({ ok: false, error: { code: 'network' } });
    shell.link.close();
  });

  it('starts with the defaults when the settings file cannot be read, and says so', async () => {
    const { lines, window } = await ready({
      openStore: () => {
        throw new SyntaxError('Unexpected token } in JSON');
      },
    });
    expect(lines.join('\n')).toMatch(/device settings cannot be read/);
    expect(window.options.kiosk).toBe(true);
  });

  it('quits when its window closes, and stops the hub process on the way out', async () => {
    const { electron } = await ready();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(1);
    electron.app.emit('before-quit');
    expect(hubChild(electron).killed).toBe(true);
  });

  it('brings its window forward when a second instance is started', async () => {
    const { electron, window } = await ready();
    electron.app.emit('second-instance');
    expect(window.calls).toContain('focus');
  });
});
