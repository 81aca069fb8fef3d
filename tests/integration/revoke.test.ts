/**
 * Tokens are revocable: device.list and device.revoke (admin, with a supervisor's PIN or admin
 * ticket). A revoked token stops working at once, even while its device is mid-burst (the token
 * cache must not keep it alive), and its open event streams are closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';
import { openStream } from '../support/sse.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const supervisor = { employeeNo: '1002', pin: '1234' };

async function newDevice(role: 'kiosk' | 'display', name: string) {
  const { token, device } = await t.hub.devices.createToken(role, name);
  return { token, id: device.id };
}

describe('device.list', () => {
  it('lists every device for an admin, newest first, with when it was last seen; other roles are refused', async () => {
    const fresh = await newDevice('kiosk', 'back door');
    t.clock.advance(1_000);
    expect((await t.call('presence.onSite', {}, { token: fresh.token })).status).toBe(200);
    const res = await t.call('device.list', {}, 'admin');
    expect(res.status).toBe(200);
    const ids = res.body.devices.map((d: { deviceId: number }) => d.deviceId);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    const item = res.body.devices.find((d: { deviceId: number }) => d.deviceId === fresh.id);
    expect(item).toMatchObject({ name: 'back door', role: 'kiosk', revokedAt: null, lastSeenAt: new Date(t.clock.now()).toISOString() });
    for (const role of ['kiosk', 'warden', 'display', 'integration'] as const) expect((await t.call('device.list', {}, role)).status).toBe(403);
  });
});

describe('device.revoke', () => {
  it('stops a token at once, even one used a moment ago (cached), and records who did it', async () => {
    const victim = await newDevice('kiosk', 'lost tablet');
    // Warm the token cache: the next look-up would be served from it for two seconds.
    expect((await t.call('presence.onSite', {}, { token: victim.token })).status).toBe(200);
    const res = await t.call('device.revoke', { auth: supervisor, deviceId: victim.id }, 'admin');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deviceId: victim.id, revokedAt: new Date(t.clock.now()).toISOString() });
    const after = await t.call('presence.onSite', {}, { token: victim.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('unauthorized');
    const entry = await t.hub.db.get<{ actor: string; entity_id: string }>("SELECT actor, entity_id FROM audit_log WHERE action = 'device.revoked' ORDER BY seq DESC LIMIT 1");
    const person = await t.hub.db.get<{ id: number }>("SELECT id FROM people WHERE employee_no = '1002'");
    const admin = (await t.call('device.whoami', {}, 'admin')).body.deviceId;
    expect(entry).toEqual({ actor: `device:${admin}/person:${person!.id}`, entity_id: String(victim.id) });
    // The other devices carry on.
    expect((await t.call('presence.onSite', {}, 'kiosk')).status).toBe(200);
  });

  it('leaves no window: requests racing the revocation stop working the moment it answers', async () => {
    const victim = await newDevice('kiosk', 'racing kiosk');
    let stop = false;
    const afterRevoke: number[] = [];
    let revokedAt = Infinity;
    const hammer = (async () => {
      while (!stop) {
        const started = Date.now();
        const res = await t.call('presence.onSite', {}, { token: victim.token });
        if (started > revokedAt) afterRevoke.push(res.status);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await t.call('device.revoke', { auth: supervisor, deviceId: victim.id }, 'admin');
    revokedAt = Date.now();
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await hammer;
    expect(afterRevoke.length).toBeGreaterThan(0);
    expect(new Set(afterRevoke)).toEqual(new Set([401]));
  });

  it('closes the revoked device’s open event stream, and only its', async () => {
    const screen = await newDevice('display', 'corridor screen');
    const other = await newDevice('display', 'canteen screen');
    const url = new URL('/api/v1/events', t.http.url).href;
    const victimStream = await openStream(url, screen.token);
    const otherStream = await openStream(url, other.token);
    await victimStream.next('hello');
    await otherStream.next('hello');
    // The hub lets go of the stream (its subscription ends) within moments, or the test fails.
    const closed = new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 3_000;
      const timer = setInterval(() => {
        if (t.hub.events.size === before - 1) resolve();
        else if (Date.now() > deadline) reject(new Error('the revoked device’s stream is still open'));
        else return;
        clearInterval(timer);
      }, 20);
    });
    const before = t.hub.events.size;
    expect((await t.call('device.revoke', { auth: supervisor, deviceId: screen.id }, 'admin')).status).toBe(200);
    await closed;
    // The other screen still gets events; the revoked one gets nothing more.
    await t.call('presence.signIn', { badge: 'BADGE-1150' }, 'kiosk');
    await otherStream.next('presence.changed');
    expect(victimStream.events.some((e) => e.name === 'presence.changed')).toBe(false);
    // And it cannot open a new one.
    await expect(openStream(url, screen.token)).rejects.toThrow(/401/);
    victimStream.close();
    otherStream.close();
  });

  it('needs a supervisor’s PIN or admin ticket: a staff PIN, a wrong PIN or none is refused, nothing changes', async () => {
    const device = await newDevice('kiosk', 'kept');
    const count = () => t.hub.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'device.revoked'");
    const before = await count();
    expect((await t.call('device.revoke', { auth: { employeeNo: '1100', pin: '1234' }, deviceId: device.id }, 'admin')).body.error.code).toBe('supervisor_pin_required');
    expect((await t.call('device.revoke', { auth: { employeeNo: '1004', pin: '9999' }, deviceId: device.id }, 'admin')).body.error.code).toBe('wrong_pin');
    expect((await t.call('device.revoke', { deviceId: device.id }, 'admin')).status).toBe(400);
    expect((await t.call('device.revoke', { auth: supervisor, deviceId: device.id }, 'warden')).status).toBe(403);
    expect(await count()).toEqual(before);
    expect((await t.call('presence.onSite', {}, { token: device.token })).status).toBe(200);
  });

  it('works with the ticket admin.unlock gave; refuses an unknown device and the calling device itself', async () => {
    const unlocked = await t.call('admin.unlock', { employeeNo: '1004', pin: '1234' }, 'admin');
    expect(unlocked.status).toBe(200);
    const auth = { ticket: unlocked.body.ticket };
    const unknown = await t.call('device.revoke', { auth, deviceId: 999_999 }, 'admin', { 'Accept-Language': 'en' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_device', message: 'There is no device with that number.' });
    const me = (await t.call('device.whoami', {}, 'admin')).body.deviceId;
    const self = await t.call('device.revoke', { auth, deviceId: me }, 'admin');
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('cannot_revoke_self');
    const device = await newDevice('kiosk', 'by ticket');
    expect((await t.call('device.revoke', { auth, deviceId: device.id }, 'admin')).status).toBe(200);
  });

  it('revoking a revoked device changes nothing and adds no audit entry', async () => {
    const device = await newDevice('kiosk', 'twice');
    const first = await t.call('device.revoke', { auth: supervisor, deviceId: device.id }, 'admin');
    const count = await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    t.clock.advance(60_000);
    const second = await t.call('device.revoke', { auth: supervisor, deviceId: device.id }, 'admin');
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
    expect(await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log')).toEqual(count);
  });
});
