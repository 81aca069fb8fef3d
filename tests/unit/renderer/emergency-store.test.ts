/**
 * The emergency store's start-up: a screen (re)opened during an evacuation must show it the moment
 * the hub answers, without first waiting for the device's own question, and an answer that comes
 * late never puts an older state back on the screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActiveEmergency } from '../../../shared/contract/emergency.js';
import type { ApiClient, ClientEventName, ClientListener } from '../../../renderer/api/client.js';
import type { CachedState } from '../../../renderer/features/emergency/emergency-cache.js';
import { createEmergencyStore } from '../../../renderer/features/emergency/emergency-store.js';

const active = (id: number, missing: string[] = []): ActiveEmergency => ({
  id,
  kind: 'fire',
  drill: false,
  startedAt: '2026-11-27T02:00:00.000Z',
  counts: { onSite: missing.length, accounted: 0, missing: missing.length },
  missing: missing.map((employeeNo) => ({ employeeNo, name: employeeNo, kind: 'staff' }) as never),
  allAccountedAt: null,
  asOf: '2026-11-27T02:00:01.000Z',
});

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** A hub whose answers the test hands out one by one, in any order. */
function fakeHub() {
  const pending: Pending[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: ApiClient = {
    call: ((method: string) =>
      new Promise((resolve, reject) => {
        pending.push({ method, resolve, reject });
      })) as ApiClient['call'],
    on<E extends ClientEventName>(event: E, listener: ClientListener<E>) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const asked = () => pending.filter((p) => p.method === 'emergency.current');
  return {
    client,
    asked,
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    answer: async (index: number, emergency: ActiveEmergency | null) => {
      asked()[index]!.resolve({ emergency });
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

const memoryCache = (state: CachedState | null = null) => ({
  readState: () => state,
  writeState: vi.fn(),
  readInfo: () => null,
  writeInfo: vi.fn(),
  readFloorPlan: () => null,
  writeFloorPlan: vi.fn(),
  clear: vi.fn(),
});

/** A store on a fake hub, starting from `cached` as a page would read it. */
function storeOn(cached: CachedState | null = null) {
  const hub = fakeHub();
  return { hub, store: createEmergencyStore(hub.client, memoryCache(cached)) };
}

/** A store whose device is known: it asked at start and then connected. */
function connectedStore() {
  const started = storeOn();
  started.store.prefetch();
  started.store.connect();
  return started;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-27T02:00:05.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('emergency store start-up', () => {
  it('shows the emergency from the prefetch, before the device is known, and does not ask again on connect', async () => {
    const { hub, store } = storeOn();
    store.prefetch();
    expect(hub.asked()).toHaveLength(1);
    expect(store.getSnapshot().emergency).toBeNull();

    await hub.answer(0, active(7, ['5561']));
    expect(store.getSnapshot().emergency?.id).toBe(7);
    expect(store.getSnapshot().emergency?.missing).toHaveLength(1);

    store.connect();
    expect(hub.asked()).toHaveLength(1);
    // The stream coming up asks again: it closes the gap between the answer and the stream.
    hub.emit('connection', 'up');
    expect(hub.asked()).toHaveLength(2);
    store.disconnect(false);
  });

  it('shows an older answer while a newer request is on its way, and never lets it replace a newer one', async () => {
    const { hub, store } = connectedStore();
    hub.emit('connection', 'up');
    expect(hub.asked()).toHaveLength(2);

    // The first answer comes first: shown at once, not held for the second.
    await hub.answer(0, active(7, ['5561', '5562']));
    expect(store.getSnapshot().emergency?.missing).toHaveLength(2);
    await hub.answer(1, active(7, ['5562']));
    expect(store.getSnapshot().emergency?.missing).toHaveLength(1);

    // Now out of order: the newer answer lands first, the older one afterwards is dropped.
    store.refresh();
    store.refresh();
    await hub.answer(3, active(7, []));
    await hub.answer(2, active(7, ['5561', '5562']));
    expect(store.getSnapshot().emergency?.missing).toEqual([]);
    store.disconnect(false);
  });

  it('an answer asked before an event is not shown, and the newest request asks again', async () => {
    const { hub, store } = connectedStore();
    await hub.answer(0, active(7));
    // The emergency ends while the next answer is on its way: that answer still says it runs.
    store.refresh();
    hub.emit('emergency.ended', { emergencyId: 7 });
    // The end event itself asks (request 2); request 1 was asked before it.
    expect(hub.asked()).toHaveLength(3);
    await hub.answer(1, active(7));
    expect(store.getSnapshot().emergency).toBeNull();
    await hub.answer(2, null);
    expect(store.getSnapshot().emergency).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.asked()).toHaveLength(3);
    store.disconnect(false);
  });

  it('a failed prefetch is asked again on connect, and the cached emergency shows meanwhile', async () => {
    const cached: CachedState = { emergency: { ...active(9), counts: null, missing: null }, updatedAt: Date.now() - 5 * 60_000 };
    const { hub, store } = storeOn(cached);
    expect(store.getSnapshot().emergency).toBeNull();
    store.prefetch();
    hub.asked()[0]!.reject(new Error('network'));
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getSnapshot().emergency?.id).toBe(9);
    expect(store.getSnapshot().stale).toBe(true);

    store.connect();
    expect(hub.asked()).toHaveLength(2);
    await hub.answer(1, null);
    expect(store.getSnapshot().emergency).toBeNull();
    store.disconnect(false);
  });

  it('a screen reloaded moments after it heard an emergency shows it again at once, until the hub says otherwise', async () => {
    const heard: CachedState = { emergency: { ...active(9, ['5561']), counts: null }, updatedAt: Date.now() - 20_000 };
    const { hub, store } = storeOn(heard);
    expect(store.getSnapshot().emergency?.id).toBe(9);
    expect(store.getSnapshot().stale).toBe(false);
    store.prefetch();
    // It ended during the reload: the hub's answer takes it off the screen.
    await hub.answer(0, null);
    expect(store.getSnapshot().emergency).toBeNull();
    store.disconnect(false);
  });

  it('an emergency cached longer ago waits for the hub (or for the hub to be unreachable)', () => {
    const old: CachedState = { emergency: { ...active(9), counts: null, missing: null }, updatedAt: Date.now() - 61_000 };
    const { store } = storeOn(old);
    expect(store.getSnapshot().emergency).toBeNull();
    store.showCached();
    expect(store.getSnapshot().emergency?.id).toBe(9);
  });

  it('a screen that is unpaired drops a prefetch answer that comes afterwards', async () => {
    const { hub, store } = storeOn();
    store.prefetch();
    store.disconnect(true);
    await hub.answer(0, active(7));
    expect(store.getSnapshot().emergency).toBeNull();
  });
});
