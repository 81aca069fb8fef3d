/**
 * The preload (bundled to dist/electron/preload.cjs). Runs in: the sandboxed renderer, before the
 * page, in its isolated world; a sandboxed preload may require only 'electron', so the bundle holds
 * everything else it needs. It exposes `window.safefloor` (see bridge.ts) and nothing more.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge.js';

exposeBridge(contextBridge, ipcRenderer);
