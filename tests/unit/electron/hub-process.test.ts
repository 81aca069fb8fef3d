import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../electron/hub/demo.js';
import {
  parseHubProcessArgs,
  runHubProcess,
  startHubProcess,
  type FromHubMessage,
  type ParentPortLike,
  type RunningHubProcess,
} from '../../../electron/hub/process-entry.js';
import { silentLogger } from '../../../electron/hub/log.js';
import { FixedClock, tempDir } from '../../support/hub.js';

/** The utility process's parent port, as the hub process sees it. */
class FakeParentPort extends EventEmitter implements ParentPortLike {
  readonly received: FromHubMessage[] = [];
  postMessage(message: FromHubMessage) {
    this.received.push(structuredClone(message));
    this.emit('posted');
  }
  /** The main process sends a message. */
  send(data: unknown) {
    this.emit('message', { data });
  }
  async next<T extends FromHubMessage['type']>(type: T, where: (m: Extract<FromHubMessage, { type: T }>) => boolean = () => true, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((m): m is Extract<FromHubMessage, { type: T }> => m.type === type && where(m as Extract<FromHubMessage, { type: T }>));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${type} message within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

let dataDir: string;
let port: FakeParentPort;
let running: RunningHubProcess;
beforeAll(async () => {
  dataDir = tempDir('safefloor-hub-process-');
  port = new FakeParentPort();
  running = await startHubProcess({ dataDir, role: 'kiosk', name: 'entrance kiosk', port: 0 }, port, { log: silentLogger, clock: new FixedClock() });
  await seedDemo(running.hub.db, running.hub.clock.now());
});
afterAll(async () => {
  await running.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

let nextId = 1;
const call = async (method: string, input: unknown, language = 'en') => {
  const id = nextId++;
  port.send({ type: 'call', id, method, input, language });
  return (await port.next('result', (m) => m.id === id)).response;
};

describe('the hub as a utility process', () => {
  it('says ready with the URL it serves on 127.0.0.1, which answers', async () => {
    const ready = await port.next('ready');
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('/api/v1/health', ready.url!));
    expect(health.status).toBe(200);
    expect(JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8')).url).toBe(ready.url);
  });

  it('answers a real call as this computer’s own device, without a token', async () => {
    expect(await call('device.whoami', {})).toEqual({ ok: true, output: { deviceId: running.device.id, name: 'entrance kiosk', role: 'kiosk' } });
    const signIn = await call('presence.signIn', { badge: 'BADGE-1001' });
    expect(signIn).toMatchObject({ ok: true, output: { person: { employeeNo: '1001' }, event: { kind: 'in' } } });
    const onSite = await call('presence.onSite', {});
    expect(onSite.ok).toBe(true);
    expect((onSite as { output: { people: Array<{ employeeNo: string }> } }).output.people.map((p) => p.employeeNo)).toEqual(['1001']);
  });

  it('forwards every hub event to the parent', async () => {
    const response = await call('presence.signIn', { badge: 'BADGE-1002' });
    expect(response.ok).toBe(true);
    const eventId = (response as { output: { event: { id: number } } }).output.event.id;
    const event = await port.next('event', (m) => (m.payload as { eventId?: number }).eventId === eventId);
    expect(event).toEqual({ type: 'event', name: 'presence.changed', payload: { kind: 'in', eventId, at: expect.any(String) } });
  });

  it('maps the hub’s refusals to error answers in the caller’s language', async () => {
    expect(await call('presence.signIn', { badge: 'BADGE-1001' }, 'en')).toMatchObject({
      ok: false,
      status: 409,
      error: { code: 'already_signed_in', message: expect.stringMatching(/already signed in/) },
    });
    expect(await call('presence.signIn', { badge: 'BADGE-NOBODY' }, 'zh-CN')).toMatchObject({ ok: false, status: 422, error: { code: 'unknown_badge' } });
    expect(await call('presence.nothing', {})).toMatchObject({ ok: false, status: 404, error: { code: 'unknown_method' } });
    expect(await call('presence.signIn', { badge: 7 })).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
  });

  it('ignores messages that are not calls', async () => {
    const before = port.received.length;
    port.send({ type: 'shutdown' });
    port.send(null);
    port.send({ type: 'call', id: 'x', method: 'presence.onSite' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(port.received.length).toBe(before);
  });
});

describe('starting the hub process', () => {
  it('still serves its own screen when the HTTP port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const dir = tempDir('safefloor-hub-port-');
    const parent = new FakeParentPort();
    const hub = await startHubProcess({ dataDir: dir, role: 'display', name: 'wall', port: taken }, parent, { log: silentLogger });
    try {
      expect(await parent.next('ready')).toEqual({ type: 'ready', url: null });
      parent.send({ type: 'call', id: 1, method: 'device.whoami', input: {}, language: 'en' });
      expect((await parent.next('result')).response).toMatchObject({ ok: true, output: { role: 'display', name: 'wall' } });
    } finally {
      await hub.stop();
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says why it cannot start (a damaged database) and exits non-zero, leaving the file as it was', async () => {
    const dir = tempDir('safefloor-hub-fatal-');
    const file = join(dir, 'safefloor.db');
    writeFileSync(file, 'this is not a database, it is a shopping list'.repeat(200));
    const before = readFileSync(file);
    const parent = new FakeParentPort();
    const exits: number[] = [];
    await runHubProcess(parent, ['--data', dir, '--role', 'kiosk', '--port', '-1'], (code) => exits.push(code));
    expect(exits).toEqual([1]);
    const fatal = await parent.next('fatal');
    expect(fatal.message).toContain(file);
    expect(parent.received.some((m) => m.type === 'ready')).toBe(false);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'hub.json'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads its arguments, whether or not argv starts with the module path', () => {
    expect(parseHubProcessArgs(['/app/hub-process.cjs', '--data', '/d', '--role', 'display', '--name', 'wall', '--port', '0', '--static', '/r'])).toEqual({
      dataDir: '/d',
      role: 'display',
      name: 'wall',
      port: 0,
      staticDir: '/r',
    });
    expect(parseHubProcessArgs(['--data', '/d'])).toEqual({ dataDir: '/d', role: 'kiosk', name: 'kiosk (this computer)', port: 7420 });
    expect(() => parseHubProcessArgs(['--role', 'kiosk'])).toThrow(/--data/);
    expect(() => parseHubProcessArgs(['--data', '/d', '--role', 'root'])).toThrow();
    expect(() => parseHubProcessArgs(['--data', '/d', '--port', '99999'])).toThrow(/--port/);
  });
});
