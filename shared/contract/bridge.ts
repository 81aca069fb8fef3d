/**
 * What the Electron preload exposes to the renderer as `window.safefloor`, and nothing more:
 * call a contract method, listen to a hub event. The renderer's IPC transport and the shell's
 * preload both use these types, so the two sides cannot drift.
 */
import type { ErrorCode } from './errors.js';
import type { EventName } from './events.js';

export interface CallError {
  code: ErrorCode | 'network';
  message: string;
  params?: Record<string, string | number>;
}

export type CallResponse = { ok: true; output: unknown } | { ok: false; status: number; error: CallError };

/** Not a hub event: the link between this screen and the hub went up or down. */
export const connectionEvent = 'connection' as const;
export type BridgeEventName = EventName | typeof connectionEvent;

export interface SafeFloorBridge {
  call(method: string, input: unknown): Promise<CallResponse>;
  on(event: BridgeEventName, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names between the preload and the main process. */
export const ipcChannels = {
  call: 'safefloor:call',
  event: 'safefloor:event',
} as const;
