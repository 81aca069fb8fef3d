/**
 * The desktop shell, wired: what happens before the app is ready (the app:// scheme, the sandbox
 * for every renderer, one instance only), then settings → hub link → IPC → the window for this
 * device's role. Takes Electron as a parameter so the tests can run it on a fake. Runs in: the
 * main process.
 */
import { join } from 'node:path';
import { hardenAllWebContents, installPermissionPolicy } from './hardening.js';
import { createLocalHubLink, createRemoteHubLink, type HubLink } from './hub-link.js';
import { installIpc } from './ipc.js';
import { createKeyVault, type KeyVault } from './key-vault.js';
import type { ElectronPorts } from './ports.js';
import { privilegedSchemes, registerAppProtocol } from './protocol.js';
import { createMemorySettings, createSettingsStore, settingsFromArgs, type DeviceSettings, type StoreBackend } from './settings.js';
import { createWindows, type Windows } from './windows.js';

export interface ShellOptions {
  electron: ElectronPorts;
  /** Opens the device-settings file (electron-store); may throw if the file cannot be read. */
  openStore(): StoreBackend;
  /** The folder of the bundles: dist/electron (main.cjs, preload.cjs, hub-process.cjs). */
  distDir: string;
  argv: readonly string[];
  log?: (line: string) => void;
}

export interface Shell {
  settings: DeviceSettings;
  link: HubLink;
  windows: Windows;
}

/** Starts the shell; resolves with it once the window is open, or with null when another instance runs. */
export async function startShell(options: ShellOptions): Promise<Shell | null> {
  const { app, BrowserWindow, ipcMain, protocol, session, utilityProcess, Menu, safeStorage } = options.electron;
  const log = options.log ?? ((line: string) => console.log(`[safefloor] ${line}`));
  const packaged = app.isPackaged;

  // Before ready: these cannot be done later.
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    log('SafeFloor is already running on this computer; showing that one.');
    app.quit();
    return null;
  }
  hardenAllWebContents(app, { packaged });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  Menu.setApplicationMenu(null);
  installPermissionPolicy(session.defaultSession);
  registerAppProtocol(protocol, join(options.distDir, '..', 'renderer'));

  let store;
  try {
    store = createSettingsStore(options.openStore());
  } catch (err) {
    log(`device settings cannot be read (${(err as Error).message}); using the defaults for now, the file is left as it is`);
    store = createMemorySettings();
  }
  const fromArgs = settingsFromArgs(options.argv);
  if (Object.keys(fromArgs).length > 0) {
    try {
      store.save(fromArgs);
    } catch (err) {
      log(`settings on the command line refused: ${(err as Error).message}`);
    }
  }
  const loaded = store.load();
  if (loaded.problem) log(`device settings are not valid, using the defaults: ${loaded.problem}`);
  const settings = loaded.settings;

  const link: HubLink =
    settings.hubUrl && settings.token
      ? createRemoteHubLink({ hubUrl: settings.hubUrl, token: settings.token, log })
      : createLocalHubLink({
          utilityProcess,
          modulePath: join(options.distDir, 'hub-process.cjs'),
          args: [
            '--data', app.getPath('userData'),
            '--role', settings.role,
            '--name', settings.deviceName ?? `${settings.role} (this computer)`,
            '--port', String(settings.hubPort),
            '--static', join(options.distDir, '..', 'renderer'),
          ],
          keyVault: keyVaultOrFile(safeStorage, app.getPath('userData'), log),
          log,
        });
  app.on('before-quit', () => link.close());

  const windows = createWindows({
    BrowserWindow,
    preloadPath: join(options.distDir, 'preload.cjs'),
    packaged,
    icon: join(app.getAppPath(), 'resources', 'icons', 'icon.png'),
    onLoaded: (contents) => ipc.greet(contents),
    log,
  });
  const ipc = installIpc({
    ipcMain,
    link,
    isOurs: windows.isOurs,
    windows: windows.contents,
    language: () => settings.language,
    role: () => settings.role,
    log,
  });
  app.on('second-instance', () => windows.focus());
  windows.openFor(settings.role);
  return { settings, link, windows };
}

function keyVaultOrFile(safeStorage: ElectronPorts['safeStorage'], userData: string, log: (line: string) => void): KeyVault | null {
  const vault = createKeyVault(safeStorage, userData);
  if (!vault) log('no OS keystore here: the export-signing key stays in the data folder, readable by its owner only');
  return vault;
}
