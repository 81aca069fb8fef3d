import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub } from '../../electron/hub/hub.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { openStream } from '../support/sse.js';

let t: TestHub;
const onSite = ['1010', '1011', '1012', '1013', '1014', '1015'];

beforeAll(async () => {
  t = await startTestHub();
  for (const no of onSite) expect((await t.call('presence.signIn', { badge: `BADGE-${no}` })).status).toBe(200);
});
afterAll(async () => t.stop());

const current = async () => (await t.call('emergency.current', {}, 'display')).body.emergency;

describe('who may start and end an emergency', () => {
  it('a display may not start one; a kiosk needs the PIN of a warden, supervisor or admin', async () => {
    expect((await t.call('emergency.start', { kind: 'fire', drill: true }, 'display')).status).toBe(403);
    const noPin = await t.call('emergency.start', { kind: 'fire', drill: true }, 'kiosk');
    expect(noPin.status).toBe(403);
    expect(noPin.body.error.code).toBe('pin_not_authorised');
    const staffPin = await t.call('emergency.start', { kind: 'fire', drill: true, employeeNo: '1020', pin: '1234' }, 'kiosk');
    expect(staffPin.status).toBe(403);
    const wrongPin = await t.call('emergency.start', { kind: 'fire', drill: true, employeeNo: '1002', pin: '9999' }, 'kiosk');
    expect(wrongPin.body.error.code).toBe('wrong_pin');
    expect(await current()).toBeNull();
  });

  it('a supervisor PIN at the kiosk starts a drill; a second start is refused while it runs; a staff PIN cannot end it', async () => {
    const started = await t.call('emergency.start', { kind: 'fire', drill: true, employeeNo: '1002', pin: '1234' }, 'kiosk');
    expect(started.status).toBe(200);
    expect(started.body.emergency).toMatchObject({ kind: 'fire', drill: true });
    expect((await t.call('emergency.start', { kind: 'gas', drill: false }, 'warden')).status).toBe(409);
    const id = started.body.emergency.id;
    const staff = await t.call('emergency.end', { emergencyId: id, employeeNo: '1020', pin: '1234' }, 'kiosk');
    expect(staff.status).toBe(403);
    expect((await current())?.id).toBe(id);
    const ended = await t.call('emergency.end', { emergencyId: id, employeeNo: '1003', pin: '1234' }, 'warden');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id, drill: true, endedAt: expect.any(String) });
    expect(await current()).toBeNull();
  });
});

describe('the roll call', () => {
  let id: number;

  it('counts everyone on site at the start; accounted + missing = on site', async () => {
    const started = await t.call('emergency.start', { kind: 'fire', drill: false }, 'warden');
    id = started.body.emergency.id;
    const e = await current();
    expect(e.counts).toEqual({ onSite: onSite.length, accounted: 0, missing: onSite.length });
    expect(e.missing.map((m: { employeeNo: string }) => m.employeeNo).sort()).toEqual([...onSite].sort());
    expect(e.missing[0]).toMatchObject({ name: expect.any(String), team: expect.any(String), since: e.startedAt });
  });

  it('marks from several wardens at once count each person once', async () => {
    t.clock.advance(30_000);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.call('emergency.markSafe', { emergencyId: id, employeeNo: '1010' }, i % 2 ? 'warden' : 'admin')),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.marked)).toHaveLength(1);
    expect((await current()).counts).toEqual({ onSite: 6, accounted: 1, missing: 5 });
    expect((await t.call('emergency.markSafe', { emergencyId: id, employeeNo: '1011' }, 'kiosk')).status).toBe(403);
  });

  it('someone signing in during it joins the roll; someone signing out is accounted for', async () => {
    t.clock.advance(10_000);
    await t.call('presence.signIn', { badge: 'BADGE-1030' });
    await t.call('presence.signOut', { badge: 'BADGE-1011' });
    const e = await current();
    expect(e.counts).toEqual({ onSite: 7, accounted: 2, missing: 5 });
    const late = e.missing.find((m: { employeeNo: string }) => m.employeeNo === '1030');
    expect(late.since).toBe(new Date(t.clock.now()).toISOString());
  });

  it('marking someone who never signed in adds them, accounted for', async () => {
    await t.call('emergency.markSafe', { emergencyId: id, employeeNo: '1031' }, 'warden');
    expect((await current()).counts).toEqual({ onSite: 8, accounted: 3, missing: 5 });
  });

  it('survives a hub restart: the roll comes from stored facts', async () => {
    const reopened = await openHub({ dataDir: t.dataDir, clock: t.clock });
    try {
      const again = await reopened.emergency.current();
      expect(again.emergency?.counts).toEqual({ onSite: 8, accounted: 3, missing: 5 });
    } finally {
      await reopened.close();
    }
  });

  it('streams rollcall.changed with the counts to every screen, and emergency.ended at the end', async () => {
    const stream = await openStream(new URL('/api/v1/events', t.http.url).href, t.tokens.display);
    try {
      await stream.next('hello');
      t.clock.advance(60_000);
      for (const no of ['1012', '1013', '1014', '1015', '1030']) await t.call('emergency.markSafe', { emergencyId: id, employeeNo: no }, 'warden');
      await stream.next('rollcall.changed');
      expect((await current()).counts).toEqual({ onSite: 8, accounted: 8, missing: 0 });
      t.clock.advance(60_000);
      const ended = await t.call('emergency.end', { emergencyId: id, employeeNo: '1002', pin: '1234' }, 'kiosk');
      expect(ended.status).toBe(200);
      expect(await stream.next('emergency.ended')).toMatchObject({ data: { emergencyId: id } });
      const last = stream.events.filter((e) => e.name === 'rollcall.changed').pop();
      expect(last?.data).toMatchObject({ emergencyId: id, onSite: 8, accounted: 8, missing: 0 });
    } finally {
      stream.close();
    }
  });

  it('the report says who started and ended it, how long until all were accounted, and who was missing for how long', async () => {
    const report = (await t.call('emergency.report', { emergencyId: id }, 'warden')).body;
    expect(report.drill).toBe(false);
    expect(report.startedBy).toMatch(/test warden/);
    expect(report.endedBy).toMatch(/test kiosk/);
    expect(report.counts).toEqual({ onSite: 8, accounted: 8, missing: 0 });
    // Started at T, 1010 at +30 s, the last five marked at +100 s.
    expect(report.secondsToAllAccounted).toBe(100);
    const p1010 = report.people.find((p: { employeeNo: string }) => p.employeeNo === '1010');
    expect(p1010).toMatchObject({ how: 'marked', missingForSeconds: 30 });
    const p1011 = report.people.find((p: { employeeNo: string }) => p.employeeNo === '1011');
    expect(p1011).toMatchObject({ how: 'signed_out', missingForSeconds: 40 });
  });

  it('the history lists drills and real ones; a drill older than the interval is overdue', async () => {
    const history = (await t.call('emergency.history', {}, 'warden')).body;
    expect(history.items.map((i: { drill: boolean }) => i.drill)).toEqual([false, true]);
    expect(history.drillOverdue).toBe(false);
    t.clock.advance(366 * 24 * 60 * 60_000);
    expect((await t.call('emergency.history', {}, 'warden')).body.drillOverdue).toBe(true);
  });
});

describe('fan-out', () => {
  it('20 screens on the stream all hear emergency.started well within a second', async () => {
    const streams = await Promise.all(Array.from({ length: 20 }, () => openStream(new URL('/api/v1/events', t.http.url).href, t.tokens.display)));
    try {
      await Promise.all(streams.map((s) => s.next('hello')));
      const started = await t.call('emergency.start', { kind: 'gas', drill: true }, 'integration');
      const returned = performance.now();
      expect(started.status).toBe(200);
      const heard = await Promise.all(streams.map((s) => s.next('emergency.started', 1000).then(() => performance.now() - returned)));
      expect(Math.max(...heard)).toBeLessThan(1000);
      expect((await s0(streams)).data).toMatchObject({ kind: 'gas', drill: true });
      await t.call('emergency.end', { emergencyId: started.body.emergency.id, employeeNo: '1003', pin: '1234' }, 'warden');
    } finally {
      streams.forEach((s) => s.close());
    }
  });
});

const s0 = (streams: Array<{ next(name: string): Promise<{ data: unknown }> }>) => streams[0]!.next('emergency.started');

describe('a badge scanned at the assembly point', () => {
  it('marks its holder safe and names them; a badge nobody has is refused and changes nothing', async () => {
    await t.call('presence.signIn', { badge: 'BADGE-1040' });
    const started = await t.call('emergency.start', { kind: 'gas', drill: true }, 'warden');
    const id = started.body.emergency.id;
    const before = (await current()).counts;
    const name = (await t.call('people.search', { query: '1040' }, 'kiosk')).body.people[0].name;

    const scanned = await t.call('emergency.markSafe', { emergencyId: id, badge: 'BADGE-1040' }, 'warden');
    expect(scanned.status).toBe(200);
    expect(scanned.body).toMatchObject({ marked: true, name, counts: { onSite: before.onSite, accounted: before.accounted + 1, missing: before.missing - 1 } });
    expect((await current()).missing.some((m: { employeeNo?: string }) => m.employeeNo === '1040')).toBe(false);
    // The same badge again counts once.
    expect((await t.call('emergency.markSafe', { emergencyId: id, badge: 'BADGE-1040' }, 'admin')).body).toMatchObject({ marked: false, name });

    const unknown = await t.call('emergency.markSafe', { emergencyId: id, badge: 'BADGE-NOBODY' }, 'warden');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('unknown_badge');
    expect((await current()).counts).toEqual(scanned.body.counts);
    await t.call('emergency.end', { emergencyId: id, employeeNo: '1003', pin: '1234' }, 'warden');
  });
});
