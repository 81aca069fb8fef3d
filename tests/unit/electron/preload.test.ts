import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/contract/bridge.js';
import { createBridge, exposeBridge } from '../../../electron/preload/bridge.js';
import { FakeContextBridge, FakeIpcRenderer, createFakeElectron } from '../../support/fake-electron.js';

// The real preload entry, loaded with the fake in place of electron.
const fake = vi.hoisted(() => ({ world: null as null | { contextBridge: unknown; ipcRenderer: unknown } }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('../../support/fake-electron.js');
  const world = create();
  fake.world = world;
  return { default: world, contextBridge: world.contextBridge, ipcRenderer: world.ipcRenderer };
});

describe('the preload', () => {
  it('exposes exactly window.safefloor with call and on, and nothing else', async () => {
    await import('../../../electron/preload/preload.js');
    const contextBridge = fake.world!.contextBridge as FakeContextBridge;
    expect([...contextBridge.exposed.keys()]).toEqual(['safefloor']);
    const api = contextBridge.exposed.get('safefloor')!;
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.on).toBe('function');
    expect(Object.values(api).some((value) => value === fake.world!.ipcRenderer)).toBe(false);
  });

  it('bundles to a script that requires nothing but electron (a sandboxed preload can require nothing else)', async () => {
    const result = await build({
      entryPoints: ['electron/preload/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(requires).toEqual(['electron']);
    expect(code).not.toMatch(/\bzod\b|i18next/);
  });
});

describe('window.safefloor', () => {
  it('call sends { method, input } on the call channel and returns the main process’s answer', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = () => ({ ok: true, output: { people: [] } });
    const bridge = createBridge(ipc);
    expect(await bridge.call('presence.onSite', {})).toEqual({ ok: true, output: { people: [] } });
    expect(ipc.invoked).toEqual([{ channel: ipcChannels.call, args: [{ method: 'presence.onSite', input: {} }] }]);
  });

  it('call turns a failed IPC into a network error instead of throwing into the page', async () => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = () => {
      throw new Error('An object could not be cloned.');
    };
    expect(await createBridge(ipc).call('presence.onSite', () => 1)).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('on delivers only the named event’s payload, never the IPC event, and unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const got: unknown[] = [];
    const off = bridge.on('emergency.started', (payload) => got.push(payload));
    ipc.receive(ipcChannels.event, { name: 'presence.changed', payload: { kind: 'in' } });
    ipc.receive(ipcChannels.event, { name: 'emergency.started', payload: { emergencyId: 3 } });
    ipc.receive('some:other-channel', { name: 'emergency.started', payload: { emergencyId: 4 } });
    ipc.receive(ipcChannels.event, undefined);
    expect(got).toEqual([{ emergencyId: 3 }]);
    off();
    ipc.receive(ipcChannels.event, { name: 'emergency.started', payload: { emergencyId: 5 } });
    expect(got).toEqual([{ emergencyId: 3 }]);
    expect(ipc.listenerCount(ipcChannels.event)).toBe(1); // only the bridge's own note of the link's state
  });

  it('tells a late subscriber the link’s last state, once, and replays no other event', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    ipc.receive(ipcChannels.event, { name: 'connection', payload: { connected: true } });
    ipc.receive(ipcChannels.event, { name: 'emergency.started', payload: { emergencyId: 1 } });
    const states: unknown[] = [];
    const emergencies: unknown[] = [];
    bridge.on('connection', (payload) => states.push(payload));
    bridge.on('emergency.started', (payload) => emergencies.push(payload));
    const offEarly = bridge.on('connection', () => states.push('unsubscribed listener called'));
    offEarly();
    await Promise.resolve();
    await Promise.resolve();
    expect(states).toEqual([{ connected: true }]);
    expect(emergencies).toEqual([]);
    ipc.receive(ipcChannels.event, { name: 'connection', payload: { connected: false } });
    expect(states).toEqual([{ connected: true }, { connected: false }]);
  });

  it('tells a subscriber nothing about the link before the shell has', async () => {
    const bridge = createBridge(new FakeIpcRenderer());
    const states: unknown[] = [];
    bridge.on('connection', (payload) => states.push(payload));
    await Promise.resolve();
    await Promise.resolve();
    expect(states).toEqual([]);
  });

  it('exposeBridge can be called with any fake world too', () => {
    const world = createFakeElectron();
    exposeBridge(world.contextBridge, world.ipcRenderer);
    expect(Object.keys(world.contextBridge.exposed.get('safefloor')!)).toEqual(['call', 'on']);
  });
});
