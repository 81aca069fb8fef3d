import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

// Demo teams go round six: 1001, 1007, 1013 … are 话务一组; 1002, 1008 … are 话务二组.
let t: TestHub;
const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);
const at = (day: string, time: string) => (t.clock.ms = local(day, time));
const signIn = (no: number) => t.call('presence.signIn', { badge: `BADGE-${no}` });
const signOut = (no: number) => t.call('presence.signOut', { badge: `BADGE-${no}` });
const check = (no: number, flagged: string[] = []) => t.call('appearance.submit', { employeeNo: String(no), pin: '1234', checklistVersion: 1, flagged });

beforeAll(async () => {
  t = await startTestHub();
  // The week of Monday 2026-11-16.
  at('2026-11-16', '09:00');
  await signIn(1001);
  await check(1001);
  await signIn(1007);
  await check(1007, ['work-shoes']);
  await signOut(1001);
  await signOut(1007);
  at('2026-11-17', '09:00');
  await signIn(1001); // no self-check on Tuesday
  await signOut(1001);
  at('2026-11-18', '09:00');
  await signIn(1002);
  await check(1002, ['light-make-up']); // optional: still passed
  await signOut(1002);
  await check(1008); // a check without a sign-in that day owes nothing and counts for nothing
  // The week of Monday 2026-11-23: Wednesday evening 1019 forgets to sign out.
  at('2026-11-25', '18:00');
  await signIn(1019);
  // Thursday 2026-11-26: the daily close at 03:00 catches 1019.
  at('2026-11-26', '08:30');
  await t.hub.autoSignOut.run();
  at('2026-11-26', '09:00');
  await signIn(1001);
  await check(1001);
  await signOut(1001);
  await signIn(1001); // back again the same day: still one person-day
  await signIn(1013); // no check yet
  at('2026-11-26', '10:00');
});
afterAll(async () => t.stop());

describe('the supervisor’s dashboard', () => {
  it('today: who signed in, self-checks, open flags, training, the forgotten sign-out the close recorded', async () => {
    const res = await t.call('dashboard.today', {}, 'admin');
    expect(res.status).toBe(200);
    const today = res.body;
    expect(today).toMatchObject({ day: '2026-11-26', from: '2026-11-25T19:00:00.000Z', to: '2026-11-26T19:00:00.000Z' });
    const byNumber = (a: any, b: any) => (a.employeeNo < b.employeeNo ? -1 : 1);
    expect(today.people.sort(byNumber).map((p: any) => [p.employeeNo, p.selfCheck, p.onSite, p.training])).toEqual([
      ['1001', 'passed', true, 'missing'],
      ['1013', 'missing', true, 'missing'],
    ]);
    expect(today.people[0]).toMatchObject({ firstIn: '2026-11-26T01:00:00.000Z', lastOut: null });
    expect(today.counts).toEqual({
      signedIn: 2,
      onSiteNow: 2,
      visitors: 0,
      selfChecksDone: 1,
      selfChecksFailed: 0,
      selfChecksMissing: 1,
      openFlags: 1,
      trainingProblems: 2,
      autoClosed: 1,
    });
    // Flags wait for the supervisor whatever day they were raised.
    expect(today.openFlags.map((f: any) => [f.person.employeeNo, f.flagged.map((i: any) => i.id)])).toEqual([['1007', ['work-shoes']]]);
    expect(today.autoClosed).toEqual([
      { kind: 'staff', employeeNo: '1019', visitorId: null, name: expect.any(String), team: '话务一组', signedInAt: '2026-11-25T10:00:00.000Z', closedAt: '2026-11-25T19:00:00.000Z' },
    ]);
    expect((await t.call('dashboard.today', {}, 'kiosk')).status).toBe(403);
  });

  it('another day on request', async () => {
    const monday = (await t.call('dashboard.today', { day: '2026-11-16' }, 'admin')).body;
    expect(monday.people.sort((a: any, b: any) => (a.employeeNo < b.employeeNo ? -1 : 1)).map((p: any) => [p.employeeNo, p.selfCheck, p.onSite, p.lastOut])).toEqual([
      ['1001', 'passed', false, '2026-11-16T01:00:00.000Z'],
      ['1007', 'failed', false, '2026-11-16T01:00:00.000Z'],
    ]);
    expect(monday.autoClosed).toEqual([]);
  });

  it('compliance per team and week: person-days with a sign-in, those with a check, those that passed', async () => {
    const res = await t.call('dashboard.compliance', { weeks: 2 }, 'admin');
    expect(res.status).toBe(200);
    const { weeks, teams } = res.body;
    // Teams in Chinese collation (pinyin: èr before yī).
    expect(teams).toEqual(['话务二组', '话务一组']);
    expect(weeks.map((w: any) => [w.weekStart, w.weekEnd])).toEqual([
      ['2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-29'],
    ]);
    expect(weeks[0].teams).toEqual([
      { team: '话务二组', expected: 1, checked: 1, passed: 1, rate: 1 },
      { team: '话务一组', expected: 3, checked: 2, passed: 1, rate: 2 / 3 },
    ]);
    expect(weeks[0].total).toEqual({ team: '', expected: 4, checked: 3, passed: 2, rate: 0.75 });
    // 1019's Wednesday sign-in owes a check too; the close's automatic sign-out is no sign-in.
    expect(weeks[1].teams).toEqual([
      { team: '话务二组', expected: 0, checked: 0, passed: 0, rate: null },
      { team: '话务一组', expected: 3, checked: 1, passed: 1, rate: 1 / 3 },
    ]);
    const eight = await t.call('dashboard.compliance', {}, 'admin');
    expect(eight.body.weeks).toHaveLength(8);
    expect(eight.body.weeks[0].weekStart).toBe('2026-10-05');
  });

  it('lists the forgotten sign-outs of the last week', async () => {
    const res = await t.call('dashboard.autoClosed', {}, 'admin');
    expect(res.body.items.map((i: any) => [i.employeeNo, i.closedAt])).toEqual([['1019', '2026-11-25T19:00:00.000Z']]);
    expect((await t.call('dashboard.autoClosed', { from: '2026-11-27', to: '2026-11-30' }, 'admin')).body.items).toEqual([]);
  });
});
