import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hubHeapFlags } from '../../../electron/hub/heap-flags.js';
import { createLocalHubLink, createRemoteHubLink, createSseParser, type HubEventMessage } from '../../../electron/main/hub-link.js';
import { FakeUtilityProcess, type FakeChildProcess } from '../../support/fake-electron.js';
import { startTestHub, type TestHub } from '../../support/hub.js';

const args = ['--data', '/var/lib/safefloor', '--role', 'kiosk', '--port', '7420'];

describe('the local hub link (hub in a utility process)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = (callTimeoutMs = 30_000) => {
    const utilityProcess = new FakeUtilityProcess();
    const link = createLocalHubLink({ utilityProcess, modulePath: '/app/dist/electron/hub-process.cjs', args, callTimeoutMs });
    const connections: boolean[] = [];
    link.onConnection((c) => connections.push(c));
    return { utilityProcess, link, connections };
  };
  const lastCall = (child: FakeChildProcess) => child.posted.at(-1) as { type: string; id: number; method: string; input: unknown; language: string };

  it('forks the bundled hub process with the device’s arguments', () => {
    const { utilityProcess } = start();
    expect(utilityProcess.forks).toHaveLength(1);
    expect(utilityProcess.last.modulePath).toBe('/app/dist/electron/hub-process.cjs');
    expect(utilityProcess.last.args).toEqual(args);
    // Its heap is bounded the same way as every other hub's (electron/hub/heap-flags.ts).
    expect(utilityProcess.last.execArgv).toEqual([...hubHeapFlags]);
  });

  it('is connected once the hub says ready, and passes calls and answers through', async () => {
    const { utilityProcess, link, connections } = start();
    const child = utilityProcess.last;
    expect(link.connected).toBe(false);
    child.reply({ type: 'ready', url: 'http://127.0.0.1:7420/' });
    expect(link.connected).toBe(true);
    expect(link.url).toBe('http://127.0.0.1:7420/');
    expect(connections).toEqual([true]);

    const answer = link.call('presence.onSite', {}, 'en');
    expect(lastCall(child)).toEqual({ type: 'call', id: expect.any(Number), method: 'presence.onSite', input: {}, language: 'en' });
    child.reply({ type: 'result', id: lastCall(child).id, response: { ok: true, output: { people: [], visitors: [] } } });
    expect(await answer).toEqual({ ok: true, output: { people: [], visitors: [] } });
  });

  it('passes hub events on, and drops names that are not events', () => {
    const { utilityProcess, link } = start();
    const events: HubEventMessage[] = [];
    link.onEvent((e) => events.push(e));
    utilityProcess.last.reply({ type: 'event', name: 'emergency.started', payload: { emergencyId: 1 } });
    utilityProcess.last.reply({ type: 'event', name: 'toString', payload: {} });
    expect(events).toEqual([{ name: 'emergency.started', payload: { emergencyId: 1 } }]);
  });

  it('fails the calls in flight with “unavailable” when the hub dies, instead of hanging', async () => {
    const { utilityProcess, link, connections } = start();
    utilityProcess.last.reply({ type: 'ready', url: null });
    const inFlight = link.call('presence.signIn', { badge: 'BADGE-1001' }, 'en');
    utilityProcess.last.exit(134);
    expect(await inFlight).toMatchObject({ ok: false, status: 503, error: { code: 'unavailable', message: expect.stringMatching(/cannot be reached/) } });
    expect(connections).toEqual([true, false]);
    // While it is down, calls fail at once.
    expect(await link.call('presence.onSite', {}, 'zh-CN')).toMatchObject({ ok: false, status: 503, error: { code: 'unavailable' } });
  });

  it('restarts a crashed hub with back-off: 1 s, 2 s, 4 s, and 1 s again after a stable minute', async () => {
    const { utilityProcess } = start();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = utilityProcess.forks.length;
      utilityProcess.last.exit(1);
      const started = Date.now();
      while (utilityProcess.forks.length === before) await vi.advanceTimersByTimeAsync(100);
      waits.push(Date.now() - started);
      expect(utilityProcess.last.args).toEqual(args);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000]);

    utilityProcess.last.reply({ type: 'ready', url: null });
    await vi.advanceTimersByTimeAsync(60_000);
    const before = utilityProcess.forks.length;
    utilityProcess.last.exit(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(utilityProcess.forks.length).toBe(before + 1);
  });

  it('remembers why the hub could not start', () => {
    const { utilityProcess, link } = start();
    utilityProcess.last.reply({ type: 'fatal', message: 'The database file is damaged: /var/lib/safefloor/safefloor.db' });
    utilityProcess.last.exit(1);
    expect(link.lastFatal).toMatch(/damaged/);
  });

  it('gives up on a call the hub never answers', async () => {
    const { link } = start(5_000);
    const answer = link.call('presence.onSite', {}, 'en');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await answer).toMatchObject({ ok: false, status: 503 });
  });

  it('waits minutes, not seconds, for a roster import (every PIN in the file is checked)', async () => {
    const { utilityProcess, link } = start(5_000);
    const child = utilityProcess.last;
    child.reply({ type: 'ready', url: null });
    let settled = false;
    const answer = link.call('roster.import', {}, 'en').finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(settled).toBe(false);
    child.reply({ type: 'result', id: lastCall(child).id, response: { ok: true, output: { applied: true } } });
    expect(await answer).toEqual({ ok: true, output: { applied: true } });
  });

  it('ignores a dead process’s last words and stops restarting once closed', async () => {
    const { utilityProcess, link } = start();
    const first = utilityProcess.last;
    first.exit(1);
    await vi.advanceTimersByTimeAsync(1_000);
    first.reply({ type: 'ready', url: 'http://stale/' });
    expect(link.connected).toBe(false);
    link.close();
    expect(utilityProcess.last.killed).toBe(true);
    utilityProcess.last.exit(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(utilityProcess.forks).toHaveLength(2);
  });
});

describe('the event-stream reader', () => {
  it('splits events across chunks, joins data lines, skips comments', () => {
    const got: Array<[string, string]> = [];
    const push = createSseParser((name, data) => got.push([name, data]));
    push('retry: 2000\n\nevent: hello\ndata: {"deviceId":1}\n\n: ping\n\nevent: emergency.sta');
    push('rted\r\ndata: {"emergencyId":');
    push('2}\r\n\r\ndata: a\ndata: b\n\n');
    expect(got).toEqual([
      ['hello', '{"deviceId":1}'],
      ['emergency.started', '{"emergencyId":2}'],
      ['message', 'a\nb'],
    ]);
  });
});

describe('the remote hub link (a hub on another computer)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => t.stop());

  it('calls over HTTP with the device’s token and passes events from the stream', async () => {
    const link = createRemoteHubLink({ hubUrl: t.http.url, token: t.tokens.kiosk });
    try {
      await vi.waitFor(() => expect(link.connected).toBe(true), { timeout: 5_000 });
      const events: HubEventMessage[] = [];
      link.onEvent((e) => events.push(e));
      const signIn = await link.call('presence.signIn', { badge: 'BADGE-1100' }, 'en');
      expect(signIn).toMatchObject({ ok: true, output: { person: { employeeNo: '1100' } } });
      const onSite = await link.call('presence.onSite', {}, 'en');
      expect(onSite.ok && (onSite.output as { people: Array<{ employeeNo: string }> }).people.map((p) => p.employeeNo)).toContain('1100');
      await vi.waitFor(() => expect(events).toContainEqual({ name: 'presence.changed', payload: expect.objectContaining({ kind: 'in' }) }), { timeout: 5_000 });
      expect(await link.call('presence.signIn', { badge: 'BADGE-1100' }, 'zh-CN')).toMatchObject({ ok: false, status: 409, error: { code: 'already_signed_in' } });
    } finally {
      link.close();
    }
  });

  it('passes the hub’s refusal of a bad token through', async () => {
    const link = createRemoteHubLink({ hubUrl: t.http.url, token: 'not-a-token-of-this-hub' });
    try {
      expect(await link.call('presence.onSite', {}, 'en')).toMatchObject({ ok: false, status: 401, error: { code: 'unauthorized' } });
      expect(link.connected).toBe(false);
    } finally {
      link.close();
    }
  });

  it('opens the event stream again with back-off when it drops', async () => {
    vi.useFakeTimers();
    const streamOpened: number[] = [];
    const fakeFetch = (async (url: URL | string) => {
      expect(String(url)).toBe('https://hub.example/api/v1/events');
      streamOpened.push(Date.now());
      // Says hello, then drops at once: connected for a moment, then lost.
      return new Response('event: hello\ndata: {}\n\n', { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }) as typeof fetch;
    const link = createRemoteHubLink({ hubUrl: 'https://hub.example/', token: 'x'.repeat(32), fetch: fakeFetch });
    const connections: boolean[] = [];
    link.onConnection((c) => connections.push(c));
    try {
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 0; i < 15; i++) await vi.advanceTimersByTimeAsync(500);
      const start = streamOpened[0]!;
      // It comes up each time but never stays up for a minute, so the waits grow: 1 s, 2 s, 4 s.
      expect(streamOpened.map((t) => t - start)).toEqual([0, 1_000, 3_000, 7_000]);
      expect(connections.slice(0, 4)).toEqual([true, false, true, false]);
    } finally {
      link.close();
      vi.useRealTimers();
    }
  });

  it('answers a network error when the hub cannot be reached', async () => {
    const link = createRemoteHubLink({ hubUrl: 'http://127.0.0.1:1/', token: 'x'.repeat(32) });
    try {
      expect(await link.call('presence.onSite', {}, 'en')).toMatchObject({ ok: false, status: 0, error: { code: 'network' } });
    } finally {
      link.close();
    }
  });
});
