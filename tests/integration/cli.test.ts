import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, startServe, stopChild } from '../support/cli.js';
import { tempDir } from '../support/hub.js';

const dataDir = tempDir('safefloor-cli-');
let serve: Awaited<ReturnType<typeof startServe>>;
let kioskToken: string;

const api = (method: string, input: unknown, token?: string) =>
  fetch(new URL(`/api/v1/${method}`, serve.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

beforeAll(async () => {
  ensureBuilt();
  const created = runCli(['token', 'create', '--data', dataDir, '--role', 'kiosk', '--name', 'entrance']);
  expect(created.status).toBe(0);
  kioskToken = created.lastLine;
  serve = await startServe(['--data', dataDir, '--port', '0', '--demo']);
});
afterAll(async () => {
  if (serve) await stopChild(serve.child);
});

describe('the safefloor command', () => {
  it('token create prints the token alone on the last line', () => {
    expect(kioskToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });

  it('serve --demo listens on 127.0.0.1 by default, prints the URL and seeds the demo site', async () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(serve.output()).toMatch(/Demo site created: \d+ staff/);
    const health = await fetch(new URL('/api/v1/health', serve.url));
    expect(health.status).toBe(200);
  });

  it('a token made before serve signs 1001 in and out; the list follows; a wrong PIN is a 4xx with a message', async () => {
    const signIn = await api('presence.signIn', { employeeNo: '1001', pin: '1234' }, kioskToken);
    expect(signIn.status).toBe(200);
    expect(signIn.body.event.id).toBeGreaterThan(0);
    const onSite = await api('presence.onSite', {}, kioskToken);
    expect(onSite.body.people.map((p: { employeeNo: string }) => p.employeeNo)).toContain('1001');
    const signOut = await api('presence.signOut', { badge: 'BADGE-1001' }, kioskToken);
    expect(signOut.status).toBe(200);
    const after = await api('presence.onSite', {}, kioskToken);
    expect(after.body.people.map((p: { employeeNo: string }) => p.employeeNo)).not.toContain('1001');
    const wrong = await api('presence.signIn', { employeeNo: '1001', pin: '0000' }, kioskToken);
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    expect(wrong.status).toBeLessThan(500);
    expect(wrong.body.error.message).toMatch(/Wrong PIN/);
  });

  it('device pair, while serve runs, prints a one-time link to this hub that pairs at once', async () => {
    const paired = runCli(['device', 'pair', '--data', dataDir, '--role', 'display', '--name', 'canteen screen']);
    expect(paired.status).toBe(0);
    expect(paired.lastLine.startsWith(new URL('/pair#', serve.url).href)).toBe(true);
    const code = paired.lastLine.split('#')[1]!;
    const redeemed = await api('device.pair', { code });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ role: 'display', name: 'canteen screen' });
    const onSite = await api('presence.onSite', {}, redeemed.body.token);
    expect(onSite.status).toBe(200);
    const write = await api('presence.signIn', { badge: 'BADGE-1001' }, redeemed.body.token);
    expect(write.status).toBe(403);
  });

  it('serves the renderer at / with the strict CSP', async () => {
    const res = await fetch(serve.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('refuses a bad role or a missing --data with a usage message and exit status 2', () => {
    const bad = runCli(['token', 'create', '--data', dataDir, '--role', 'janitor']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role must be one of kiosk, warden, display, admin, integration/);
    const missing = runCli(['device', 'pair', '--role', 'kiosk']);
    expect(missing.status).toBe(2);
  });

  it('stops cleanly on SIGTERM and forgets its address', async () => {
    expect(existsSync(join(dataDir, 'hub.json'))).toBe(true);
    expect(await stopChild(serve.child)).toBe(0);
    expect(existsSync(join(dataDir, 'hub.json'))).toBe(false);
  });
});
