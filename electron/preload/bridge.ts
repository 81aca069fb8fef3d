/**
 * `window.safefloor`: exactly `call(method, input)` and `on(event, listener)`, nothing raw. The IPC
 * event object never reaches the page; `on` filters the one event channel by name and returns an
 * unsubscribe function. Runs in: the sandboxed preload (bundled into dist/electron/preload.cjs).
 */
import { connectionEvent, ipcChannels, type BridgeEventName, type CallResponse, type SafeFloorBridge } from '../../shared/contract/bridge.js';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<any>;
  on(channel: string, listener: (event: unknown, ...args: any[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: any[]) => void): unknown;
}

export interface ContextBridgePort {
  exposeInMainWorld(key: string, api: Record<string, unknown>): void;
}

type EventMessage = { name?: unknown; payload?: unknown } | undefined;

export function createBridge(ipc: IpcRendererPort): SafeFloorBridge {
  // The link's state is told once when the page has loaded (and on every change); a screen that
  // subscribes later is told the last state at once, as the browser's HTTP transport does.
  let connection: { payload: unknown } | null = null;
  ipc.on(ipcChannels.event, (_event: unknown, message: EventMessage) => {
    if (message?.name === connectionEvent) connection = { payload: message.payload };
  });

  return {
    call(method: string, input: unknown): Promise<CallResponse> {
      return Promise.resolve()
        .then(() => ipc.invoke(ipcChannels.call, { method, input }))
        .catch((err: Error): CallResponse => ({ ok: false, status: 0, error: { code: 'network', message: err?.message ?? 'IPC failed' } }));
    },
    on(event: BridgeEventName, listener: (payload: unknown) => void): () => void {
      let subscribed = true;
      const filtered = (_event: unknown, message: EventMessage) => {
        if (message?.name === event) listener(message.payload);
      };
      ipc.on(ipcChannels.event, filtered);
      const known = event === connectionEvent ? connection : null;
      if (known) {
        void Promise.resolve().then(() => {
          if (subscribed) listener(known.payload);
        });
      }
      return () => {
        subscribed = false;
        ipc.removeListener(ipcChannels.event, filtered);
      };
    },
  };
}

export function exposeBridge(contextBridge: ContextBridgePort, ipc: IpcRendererPort): void {
  const bridge = createBridge(ipc);
  contextBridge.exposeInMainWorld('safefloor', { call: bridge.call, on: bridge.on });
}
