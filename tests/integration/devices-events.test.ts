import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../electron/hub/db/stores/audit.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { openStream } from '../support/sse.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

describe('devices and the event stream', () => {
  it('a token made while the hub runs works at once; tokens are stored only as hashes', async () => {
    const { token } = await t.hub.devices.createToken('display', 'lobby screen');
    const res = await t.call('device.whoami', {}, { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'lobby screen', role: 'display' });
    const stored = await t.hub.db.all<{ token_hash: string }>('SELECT token_hash FROM tokens');
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('a pairing code is redeemed once for a token of its role, then refused', async () => {
    const { code } = await t.hub.devices.createPairing('warden', 'warden tablet');
    const paired = await t.call('device.pair', { code }, { token: null });
    expect(paired.status).toBe(200);
    expect(paired.body).toMatchObject({ role: 'warden', name: 'warden tablet', token: expect.any(String) });
    const whoami = await t.call('device.whoami', {}, { token: paired.body.token });
    expect(whoami.body.role).toBe('warden');
    const again = await t.call('device.pair', { code }, { token: null });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('pairing_invalid');
  });

  it('an expired pairing code is refused', async () => {
    const { code } = await t.hub.devices.createPairing('kiosk', 'late kiosk');
    t.clock.advance(25 * 60 * 60_000);
    const res = await t.call('device.pair', { code }, { token: null });
    expect(res.status).toBe(410);
  });

  it('the stream refuses a missing token, and delivers presence.changed to a display with a bearer header', async () => {
    expect((await fetch(new URL('/api/v1/events', t.http.url))).status).toBe(401);
    const stream = await openStream(new URL('/api/v1/events', t.http.url).href, t.tokens.display);
    try {
      await stream.next('hello');
      const signIn = await t.call('presence.signIn', { badge: 'BADGE-1200' });
      const event = await stream.next('presence.changed');
      expect(event.data).toMatchObject({ kind: 'in', eventId: signIn.body.event.id });
      // The stream carries no names: screens that may see them ask presence.onSite.
      expect(JSON.stringify(event.data)).not.toContain(signIn.body.person.name);
    } finally {
      stream.close();
    }
  });

  it('the stream also accepts the token as access_token for EventSource clients', async () => {
    const res = await fetch(new URL(`/api/v1/events?access_token=${t.tokens.display}`, t.http.url), { signal: AbortSignal.timeout(2000) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    await res.body?.cancel();
  });

  it('every write went into an unbroken audit chain', async () => {
    const check = await checkAuditChain(t.hub.db);
    expect(check).toMatchObject({ ok: true });
    const actions = await t.hub.db.all<{ action: string }>('SELECT DISTINCT action FROM audit_log');
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['presence.sign_in', 'device.paired', 'device.token_created']));
  });

  it('the chain check names the entry that was changed', async () => {
    await t.hub.db.exec("UPDATE audit_log SET actor = 'someone else' WHERE seq = 3");
    const check = await checkAuditChain(t.hub.db);
    expect(check).toEqual({ ok: false, seq: 3, reason: 'entry was changed' });
  });
});
