/** The API client inside the Electron shell: the preload's `window.safefloor` bridge, nothing raw. */
import { connectionEvent, type SafeFloorBridge } from '../../shared/contract/bridge.js';
import type { MethodName, MethodOutput } from '../../shared/contract/methods.js';
import { ApiCallError, networkError, type ApiClient, type ClientListener, type ConnectionState } from './client.js';

/** The shell reports the link to its hub as `{ connected: boolean }` (electron/main/ipc.ts). */
export function toConnectionState(payload: unknown): ConnectionState {
  return (payload as { connected?: unknown } | null)?.connected === true ? 'up' : 'down';
}

export function createIpcClient(bridge: SafeFloorBridge, onUnauthorized: () => void): ApiClient {
  return {
    async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
      let response: Awaited<ReturnType<SafeFloorBridge['call']>>;
      try {
        response = await bridge.call(method, input ?? {});
      } catch {
        throw networkError();
      }
      if (response.ok) return response.output as MethodOutput<M>;
      if (response.status === 401) onUnauthorized();
      const { code, message, params } = response.error;
      throw new ApiCallError(response.status, code, message, params ?? {});
    },

    on(event, listener) {
      if (event === connectionEvent) {
        const onConnection = listener as ClientListener<'connection'>;
        return bridge.on(connectionEvent, (payload) => onConnection(toConnectionState(payload)));
      }
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
