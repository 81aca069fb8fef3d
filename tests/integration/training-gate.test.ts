import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  // 1050 passed and is valid; 1051 expired yesterday; 1052 expires in ten days; the rest have none.
  const auth = { employeeNo: '1004', pin: '1234' };
  expect((await t.call('people.recordTraining', { auth, employeeNos: ['1050'], passedOn: '2026-06-01' }, 'admin')).status).toBe(200);
  await t.call('people.recordTraining', { auth, employeeNos: ['1051'], passedOn: '2025-11-01', expiresOn: '2026-11-25' }, 'admin');
  await t.call('people.recordTraining', { auth, employeeNos: ['1052'], passedOn: '2025-12-06', expiresOn: '2026-12-06' }, 'admin');
});
afterAll(async () => t.stop());

const en = { 'Accept-Language': 'en' };
const supervisor = { employeeNo: '1002', pin: '1234' };
const eventsOf = async (employeeNo: string) =>
  (await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM presence_events WHERE person_id = (SELECT id FROM people WHERE employee_no = ?)', [employeeNo]))!.n;

describe('the training gate: warn (the default)', () => {
  it('signs in someone without training, telling them, and the supervisor sees it on the dashboard', async () => {
    const res = await t.call('presence.signIn', { badge: 'BADGE-1060' });
    expect(res.status).toBe(200);
    expect(res.body.training).toEqual({ status: 'missing', passedOn: null, expiresOn: null });
    const expired = await t.call('presence.signIn', { badge: 'BADGE-1051' });
    expect(expired.body.training).toEqual({ status: 'expired', passedOn: '2025-11-01', expiresOn: '2026-11-25' });
    expect((await t.call('presence.signIn', { badge: 'BADGE-1052' })).body.training.status).toBe('expiring');
    expect((await t.call('presence.signIn', { badge: 'BADGE-1050' })).body.training).toEqual({ status: 'ok', passedOn: '2026-06-01', expiresOn: '2027-06-01' });

    const today = (await t.call('dashboard.today', {}, 'admin')).body;
    expect(today.training.signedIn.map((p: any) => [p.employeeNo, p.status]).sort()).toEqual([
      ['1051', 'expired'],
      ['1052', 'expiring'],
      ['1060', 'missing'],
    ]);
    expect(today.counts.trainingProblems).toBe(3);
    expect(today.training.totals).toEqual({ missing: 237, expired: 1, expiring: 1 });
  });
});

describe('the training gate: block', () => {
  it('only a supervisor or admin may switch it', async () => {
    expect((await t.call('doorSettings.current', {}, 'admin')).body).toEqual({ trainingGate: 'warn', trainingExpiringDays: 30, trainingValidMonths: 12, dailyCloseAt: '03:00' });
    expect((await t.call('doorSettings.update', { auth: { employeeNo: '1020', pin: '1234' }, trainingGate: 'block' }, 'admin')).status).toBe(403);
    expect((await t.call('doorSettings.update', { auth: supervisor, trainingGate: 'block' }, 'kiosk')).status).toBe(403);
    expect((await t.call('doorSettings.update', { auth: supervisor, dailyCloseAt: '25:00' }, 'admin')).status).toBe(400);
    const res = await t.call('doorSettings.update', { auth: supervisor, trainingGate: 'block' }, 'admin');
    expect(res.body.trainingGate).toBe('block');
  });

  it('refuses a sign-in without valid training with a clear, translated reason, recording nothing', async () => {
    const missing = await t.call('presence.signIn', { badge: 'BADGE-1070' }, 'kiosk', en);
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('training_missing');
    expect(missing.body.error.message).toMatch(/has no safety training on record and cannot sign in/);
    const zh = await t.call('presence.signIn', { employeeNo: '1070', pin: '1234' }, 'kiosk', { 'Accept-Language': 'zh-CN' });
    expect(zh.body.error.message).toMatch(/没有安全教育培训记录，不能签到/);
    expect((await t.call('presence.toggle', { badge: 'BADGE-1070' })).body.error.code).toBe('training_missing');
    expect(await eventsOf('1070')).toBe(0);

    await t.call('presence.signOut', { badge: 'BADGE-1051' });
    const expired = await t.call('presence.signIn', { badge: 'BADGE-1051' }, 'kiosk', en);
    expect(expired.body.error).toMatchObject({ code: 'training_expired', params: { expiresOn: '2026-11-25' } });
    expect(expired.body.error.message).toMatch(/expired on 2026-11-25/);
  });

  it('lets in valid and expiring training, and never keeps anyone from signing out', async () => {
    await t.call('presence.signOut', { badge: 'BADGE-1050' });
    expect((await t.call('presence.signIn', { badge: 'BADGE-1050' })).status).toBe(200);
    await t.call('presence.signOut', { badge: 'BADGE-1052' });
    const expiring = await t.call('presence.signIn', { badge: 'BADGE-1052' });
    expect(expiring.status).toBe(200);
    expect(expiring.body.training.status).toBe('expiring');
    // 1060 signed in under "warn" without training: signing out is always allowed.
    const out = await t.call('presence.signOut', { badge: 'BADGE-1060' });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ training: null, selfCheckDue: false, selfCheckTicket: null });
  });

  it('training recorded by a supervisor opens the door at once', async () => {
    await t.call('people.recordTraining', { auth: supervisor, employeeNos: ['1070'], passedOn: '2026-11-26' }, 'admin');
    expect((await t.call('presence.signIn', { badge: 'BADGE-1070' })).status).toBe(200);
  });
});
