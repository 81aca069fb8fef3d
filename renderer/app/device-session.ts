/**
 * Who this screen is: pairs from a link if it was opened with one, then asks the hub. Lives outside
 * React so it runs exactly once per page load (a pairing code can be redeemed only once).
 */
import type { DeviceInfo } from '../../shared/contract/device.js';
import { asApiCallError, type ApiCallError, type ApiClient } from '../api/client.js';
import { retryDelay } from '../api/event-stream.js';
import type { DeviceStorage } from './device-storage.js';

export type DeviceState =
  | { kind: 'starting' }
  | { kind: 'pairing' }
  /** `rejected`: the hub no longer accepts this browser's token. */
  | { kind: 'unpaired'; rejected: boolean }
  | { kind: 'pairing-failed'; error: ApiCallError }
  | { kind: 'unreachable' }
  | { kind: 'ready'; device: DeviceInfo };

export interface DeviceSessionOptions {
  client: ApiClient;
  storage: DeviceStorage;
  pairingCode: string | null;
  /** False inside the Electron shell, where the channel itself identifies the device. */
  needsToken: boolean;
  /**
   * Called once the device has what it needs to be known (a token, or the shell's channel), just
   * before it asks the hub who it is: what must show at once (a running emergency) can be asked for
   * beside that question instead of after its answer.
   */
  onCredentials?: () => void;
}

export interface DeviceSession {
  state(): DeviceState;
  subscribe(listener: () => void): () => void;
  start(): Promise<void>;
  /** Called whenever the hub answers 401: forget the token, ask to be paired again. */
  unauthorized(): void;
}

export function createDeviceSession({ client, storage, pairingCode, needsToken, onCredentials }: DeviceSessionOptions): DeviceSession {
  let current: DeviceState = { kind: 'starting' };
  const listeners = new Set<() => void>();
  const set = (next: DeviceState) => {
    current = next;
    for (const listener of listeners) listener();
  };

  async function pair(code: string): Promise<boolean> {
    set({ kind: 'pairing' });
    try {
      const paired = await client.call('device.pair', { code });
      storage.save(paired.token, paired.role);
      return true;
    } catch (err) {
      set({ kind: 'pairing-failed', error: asApiCallError(err) });
      return false;
    }
  }

  async function identify(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const device = await client.call('device.whoami', {});
        set({ kind: 'ready', device });
        return;
      } catch (err) {
        const error = asApiCallError(err);
        if (error.status === 401) return session.unauthorized();
        set({ kind: 'unreachable' });
        await new Promise((resolve) => setTimeout(resolve, retryDelay(Math.min(attempt, 4))));
      }
    }
  }

  const session: DeviceSession = {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      if (pairingCode !== null && !(await pair(pairingCode))) return;
      if (needsToken && !storage.token()) return set({ kind: 'unpaired', rejected: false });
      onCredentials?.();
      await identify();
    },
    unauthorized() {
      storage.clear();
      if (current.kind !== 'unpaired') set({ kind: 'unpaired', rejected: true });
    },
  };
  return session;
}
