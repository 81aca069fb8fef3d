import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../electron/hub/db/stores/audit.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

describe('staff sign-in over HTTP', () => {
  it('answers health without a token', async () => {
    const res = await fetch(new URL('/api/v1/health', t.http.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('signs 1001 in by PIN, lists them on site, signs them out by badge', async () => {
    const signIn = await t.call('presence.signIn', { employeeNo: '1001', pin: '1234' });
    expect(signIn.status).toBe(200);
    expect(signIn.body.person).toMatchObject({ employeeNo: '1001', team: expect.any(String) });
    expect(signIn.body.event).toMatchObject({ kind: 'in', method: 'pin', automatic: false, at: '2026-11-26T01:00:00.000Z' });
    const id = signIn.body.event.id;
    const row = await t.hub.db.get<{ kind: string }>('SELECT kind FROM presence_events WHERE id = ?', [id]);
    expect(row?.kind).toBe('in');

    const onSite = await t.call('presence.onSite', {}, 'display');
    expect(onSite.status).toBe(200);
    expect(onSite.body.people.map((p: { employeeNo: string }) => p.employeeNo)).toContain('1001');
    expect(onSite.body.visitors).toEqual([]);

    t.clock.advance(60_000);
    const out = await t.call('presence.signOut', { badge: 'BADGE-1001' });
    expect(out.status).toBe(200);
    expect(out.body.event).toMatchObject({ kind: 'out', method: 'badge' });
    const after = await t.call('presence.onSite', {}, 'display');
    expect(after.body.people.map((p: { employeeNo: string }) => p.employeeNo)).not.toContain('1001');
  });

  it('refuses signing in twice and signing out while out, with a message naming the person', async () => {
    expect((await t.call('presence.signIn', { badge: 'BADGE-1010' })).status).toBe(200);
    const twice = await t.call('presence.signIn', { badge: 'BADGE-1010' }, 'kiosk', { 'Accept-Language': 'en' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_signed_in');
    expect(twice.body.error.message).toMatch(/already signed in/);
    const notIn = await t.call('presence.signOut', { badge: 'BADGE-1011' }, 'kiosk', { 'Accept-Language': 'zh-CN' });
    expect(notIn.status).toBe(409);
    expect(notIn.body.error.message).toMatch(/尚未签到/);
  });

  it('toggles: one scan signs in whoever is out and out whoever is in', async () => {
    const first = await t.call('presence.toggle', { badge: 'BADGE-1020' });
    const second = await t.call('presence.toggle', { badge: 'BADGE-1020' });
    expect([first.body.event.kind, second.body.event.kind]).toEqual(['in', 'out']);
  });
});

describe('scans at the same moment', () => {
  it('never sign one person in twice: of ten sign-ins at once one succeeds, the rest are told they are already in', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => t.call('presence.signIn', { badge: 'BADGE-1030' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 200).map((r) => r.body.error.code)).toEqual(Array(9).fill('already_signed_in'));
    const events = await t.hub.db.all<{ kind: string }>("SELECT e.kind FROM presence_events e JOIN people p ON p.id = e.person_id WHERE p.employee_no = '1030'");
    expect(events).toEqual([{ kind: 'in' }]);
  });

  it('alternate in and out for toggles at once, each written once with its audit entry, the chain whole', async () => {
    const before = await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    const results = await Promise.all(Array.from({ length: 12 }, () => t.call('presence.toggle', { badge: 'BADGE-1031' })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const kinds = (await t.hub.db.all<{ kind: string }>("SELECT e.kind FROM presence_events e JOIN people p ON p.id = e.person_id WHERE p.employee_no = '1031' ORDER BY e.id")).map((r) => r.kind);
    expect(kinds).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? 'in' : 'out')));
    const after = await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    expect(after!.n - before!.n).toBe(12);
    expect(await checkAuditChain(t.hub.db)).toMatchObject({ ok: true });
  });
});

describe('a badge scanned again', () => {
  it('is decided on the person and door as they are now, not as the door saw them at the last scan', async () => {
    const toggle = () => t.call('presence.toggle', { badge: 'BADGE-1040' }, 'kiosk', { 'Accept-Language': 'en' });
    expect((await toggle()).body.event.kind).toBe('in');
    // Signed out by PIN at another door: the next scan signs in again.
    expect((await t.call('presence.signOut', { employeeNo: '1040', pin: '1234' })).status).toBe(200);
    expect((await toggle()).body.event.kind).toBe('in');
    // Renamed meanwhile: the answer names them as they are called now.
    await t.hub.db.run("UPDATE people SET name = '新名字' WHERE employee_no = '1040'");
    const renamed = await toggle();
    expect(renamed.body).toMatchObject({ event: { kind: 'out' }, person: { name: '新名字' } });
    // Deactivated meanwhile: refused, nothing written.
    const before = await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM presence_events');
    await t.hub.db.run("UPDATE people SET active = 0 WHERE employee_no = '1040'");
    const inactive = await toggle();
    expect(inactive.status).not.toBe(200);
    expect(inactive.body.error.code).toBe('person_inactive');
    expect(await t.hub.db.get('SELECT count(*) AS n FROM presence_events')).toEqual(before);
    // The badge given to someone else: it is theirs now.
    await t.hub.db.run("UPDATE people SET badge = NULL WHERE employee_no = '1040'");
    await t.hub.db.run("UPDATE people SET badge = 'BADGE-1040' WHERE employee_no = '1041'");
    const other = await toggle();
    expect(other.body).toMatchObject({ event: { kind: 'in' }, person: { employeeNo: '1041' } });
  });
});
