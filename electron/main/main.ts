/**
 * The desktop app's entry point (bundled to dist/electron/main.cjs, package.json "main").
 * Runs in: the Electron main process. The only file that imports electron and electron-store;
 * everything else takes them as parameters (see ports.ts), so it can be tested on a fake.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session, utilityProcess } from 'electron';
import Store from 'electron-store';
import { startShell } from './shell.js';

startShell({
  // The compiler checks here that the real modules fit the shell's ports.
  electron: { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session, utilityProcess },
  openStore() {
    const store = new Store<Record<string, unknown>>({ name: 'device-settings' });
    // electron-store answers a synchronous IPC message with the user-data path for renderer-side
    // stores; this app has none, and no IPC channel but the shell's own stays open.
    ipcMain.removeAllListeners('electron-store-get-data');
    return store;
  },
  distDir: __dirname,
  argv: process.argv,
}).catch((err: Error) => {
  console.error(`[safefloor] the shell could not start: ${err.stack ?? err.message}`);
  app.exit(1);
});
