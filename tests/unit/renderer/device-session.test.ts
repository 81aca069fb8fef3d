/**
 * When a screen starts, what must show at once (a running emergency) is asked for beside the
 * device's first question to the hub, never before the device has credentials: a pairing link is
 * redeemed first, and a browser with no token asks for nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../renderer/api/client.js';
import { createDeviceSession } from '../../../renderer/app/device-session.js';
import type { DeviceStorage } from '../../../renderer/app/device-storage.js';

function setup(token: string | null, pairingCode: string | null) {
  const order: string[] = [];
  let saved = token;
  const client = {
    call: async (method: string) => {
      order.push(method);
      if (method === 'device.pair') return { token: 'fresh', role: 'kiosk' };
      return { id: 1, name: 'Entrance', role: 'kiosk' };
    },
    on: () => () => {},
  } as unknown as ApiClient;
  const storage: DeviceStorage = {
    token: () => saved,
    role: () => null,
    save: (t) => void (saved = t),
    clear: () => void (saved = null),
  };
  const session = createDeviceSession({
    client,
    storage,
    pairingCode,
    needsToken: true,
    onCredentials: () => order.push('credentials'),
  });
  return { session, order };
}

describe('device session start', () => {
  it('with a stored token: the credentials hook runs once, before whoami is asked', async () => {
    const { session, order } = setup('stored', null);
    await session.start();
    expect(order).toEqual(['credentials', 'device.whoami']);
    expect(session.state().kind).toBe('ready');
  });

  it('with a pairing link: only after the pairing succeeded', async () => {
    const { session, order } = setup(null, 'ABCD-1234');
    await session.start();
    expect(order).toEqual(['device.pair', 'credentials', 'device.whoami']);
  });

  it('without a token: nothing is asked and the hook never runs', async () => {
    const { session, order } = setup(null, null);
    await session.start();
    expect(order).toEqual([]);
    expect(session.state()).toEqual({ kind: 'unpaired', rejected: false });
  });
});
