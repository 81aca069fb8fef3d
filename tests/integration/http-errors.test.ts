import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, deviceRoles, errorStatus, methodNames, roleMayCall } from '../../shared/contract/index.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const post = (path: string, init: RequestInit = {}) => fetch(new URL(path, t.http.url), { method: 'POST', ...init });

describe('errors are JSON { error: { code, message } } with the right status', () => {
  it('401 without a token or with an unknown one', async () => {
    for (const token of [null, 'not-a-token']) {
      const res = await t.call('presence.onSite', {}, { token });
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'unauthorized', message: expect.any(String) });
    }
  });

  it('404 for an unknown method, 400 for malformed JSON or invalid input', async () => {
    const unknown = await t.call('presence.teleport', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_method');

    const malformed = await post('/api/v1/presence.signIn', {
      headers: { Authorization: `Bearer ${t.tokens.kiosk}` },
      body: '{"badge": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).error.code).toBe('bad_request');

    const invalid = await t.call('presence.signIn', { employeeNo: '1001', pin: '12' }, 'kiosk', { 'Accept-Language': 'en' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_input');
    expect(invalid.body.error.message).toMatch(/pin/);
  });

  it('403 for a role that may not call the method, e.g. a display signing someone in', async () => {
    const res = await t.call('presence.signIn', { badge: 'BADGE-1100' }, 'display');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await t.hub.db.get('SELECT id FROM presence_events WHERE person_id = (SELECT id FROM people WHERE employee_no = ?)', ['1100'])).toBeUndefined();
  });

  it('the role matrix: every method with every role is allowed exactly as the contract says', async () => {
    for (const method of methodNames) {
      if (contract[method].roles === 'public') continue;
      for (const role of deviceRoles) {
        // An allowed role gets past the role check (an answer, or a 4xx about the input or the
        // state of things); a refused one gets 403 before anything else is looked at.
        const res = await t.call(method, {}, role);
        if (roleMayCall(role, method)) {
          expect(res.status, `${role} → ${method}`).not.toBe(403);
          expect(res.status, `${role} → ${method}`).toBeLessThan(500);
        } else expect(res.status, `${role} → ${method}`).toBe(403);
      }
    }
  });

  it('a refusal (wrong PIN) is a 4xx with a translated message; five lock the person out', async () => {
    const wrong = await t.call('presence.signIn', { employeeNo: '1050', pin: '9999' }, 'kiosk', { 'Accept-Language': 'en' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_pin', message: 'Wrong PIN. 4 tries left.' });
    const zh = await t.call('presence.signIn', { employeeNo: '1050', pin: '9999' }, 'kiosk', { 'Accept-Language': 'zh-CN' });
    expect(zh.body.error.message).toBe('密码错误，还可尝试 3 次。');
    await t.call('presence.signIn', { employeeNo: '1050', pin: '9999' });
    await t.call('presence.signIn', { employeeNo: '1050', pin: '9999' });
    const fifth = await t.call('presence.signIn', { employeeNo: '1050', pin: '9999' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('pin_locked');
    // Locked means locked: even the right PIN is refused until the lock runs out.
    const right = await t.call('presence.signIn', { employeeNo: '1050', pin: '1234' });
    expect(right.status).toBe(423);
    t.clock.advance(15 * 60_000 + 1);
    const later = await t.call('presence.signIn', { employeeNo: '1050', pin: '1234' });
    expect(later.status).toBe(200);
  });

  it('an unknown badge or employee number is refused with its own message', async () => {
    const badge = await t.call('presence.signIn', { badge: 'BADGE-0000' }, 'kiosk', { 'Accept-Language': 'en' });
    expect(badge.status).toBe(errorStatus.unknown_badge);
    expect(badge.body.error.message).toMatch(/badge is not recognised/);
    const person = await t.call('presence.signIn', { employeeNo: '999999', pin: '1234' });
    expect(person.body.error.code).toBe('unknown_person');
  });

  it('a body over the limit is refused with 413, and GET on a method with 405', async () => {
    const big = await post('/api/v1/presence.signIn', {
      headers: { Authorization: `Bearer ${t.tokens.kiosk}` },
      body: JSON.stringify({ badge: 'x'.repeat(200_000) }),
    });
    expect(big.status).toBe(413);
    const get = await fetch(new URL('/api/v1/presence.onSite', t.http.url));
    expect(get.status).toBe(405);
  });

  it('every answer carries the strict CSP and nosniff headers', async () => {
    const res = await fetch(new URL('/api/v1/health', t.http.url));
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
