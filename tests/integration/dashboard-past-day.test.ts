/**
 * A past day on the supervisor's dashboard: someone who forgot to sign out was signed out by the
 * next daily close, at the very instant the next site day begins. On that day's list they are no
 * longer "on site", and their last sign-out is the close that ended their day.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
const at = (day: string, time: string) => (t.clock.ms = Date.parse(`${day}T${time}:00+08:00`));

beforeAll(async () => {
  t = await startTestHub();
  at('2026-11-25', '09:00');
  await t.call('presence.signIn', { badge: 'BADGE-1019' }); // forgets to sign out
  await t.call('presence.signIn', { badge: 'BADGE-1025' });
  at('2026-11-25', '18:00');
  await t.call('presence.signOut', { badge: 'BADGE-1025' });
  // Thursday's close at 03:00 (the default) records 1019's sign-out; at 03:00 sharp 1031 starts early.
  at('2026-11-26', '03:00');
  await t.hub.autoSignOut.run();
  await t.call('presence.signIn', { badge: 'BADGE-1031' });
  at('2026-11-26', '10:00');
});
afterAll(async () => t.stop());

it('a forgotten sign-out closed by the next morning’s close ends that day, not the next', async () => {
  const wednesday = (await t.call('dashboard.today', { day: '2026-11-25' }, 'admin')).body;
  const row = (no: string) => wednesday.people.find((p: { employeeNo: string }) => p.employeeNo === no);
  expect(wednesday.people.map((p: { employeeNo: string }) => p.employeeNo).sort()).toEqual(['1019', '1025']);
  expect(row('1019')).toMatchObject({ onSite: false, lastOut: '2026-11-25T19:00:00.000Z' });
  expect(row('1025')).toMatchObject({ onSite: false, lastOut: '2026-11-25T10:00:00.000Z' });

  // A real sign-in at the same instant belongs to the new day, and the close is listed there too.
  const thursday = (await t.call('dashboard.today', { day: '2026-11-26' }, 'admin')).body;
  expect(thursday.people.map((p: { employeeNo: string; onSite: boolean }) => [p.employeeNo, p.onSite])).toEqual([['1031', true]]);
  expect(thursday.autoClosed.map((c: { employeeNo: string }) => c.employeeNo)).toEqual(['1019']);
});
