/** Picks the transport: the Electron bridge when the preload put one on the page, else HTTP. */
import type { SafeFloorBridge } from '../../shared/contract/bridge.js';
import type { ApiClient } from './client.js';
import { createHttpClient } from './http-transport.js';
import { createIpcClient } from './ipc-transport.js';

declare global {
  interface Window {
    safefloor?: SafeFloorBridge;
  }
}

export interface ClientOptions {
  token(): string | null;
  language(): string;
  onUnauthorized(): void;
}

/** Inside the shell the device is known by its channel, so it needs no token of its own. */
export const runsInShell = (): boolean => window.safefloor !== undefined;

export function createApiClient(options: ClientOptions): ApiClient {
  const bridge = window.safefloor;
  if (bridge) return createIpcClient(bridge, options.onUnauthorized);
  return createHttpClient({ ...options, baseUrl: new URL('/', window.location.href).href });
}

export * from './client.js';
