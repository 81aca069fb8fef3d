import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyExport } from '../../electron/hub/export/verify.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../electron/hub/demo.js';
import { openHub } from '../../electron/hub/hub.js';
import { startTestHub, tempDir, FixedClock, type TestHub } from '../support/hub.js';

let t: TestHub;
const local = (day: string, time: string) => Date.parse(`${day}T${time}:00+08:00`);
let briefing = 1;
const visit = (name: string) =>
  t.call('visitor.signIn', { name, company: '来访公司', hostEmployeeNo: '1010', briefingVersion: briefing, language: 'zh-CN', accepted: true });
const personEvents = (employeeNo: string) =>
  t.hub.db.all<{ kind: string; at: number; method: string; automatic: number; device_id: number | null }>(
    'SELECT kind, at, method, automatic, device_id FROM presence_events WHERE person_id = (SELECT id FROM people WHERE employee_no = ?) ORDER BY id',
    [employeeNo],
  );
const onSite = async () => {
  const body = (await t.call('presence.onSite', {}, 'display')).body;
  return { people: body.people.map((p: any) => p.employeeNo).sort(), visitors: body.visitors.map((v: any) => v.name) };
};

beforeAll(async () => {
  t = await startTestHub();
  briefing = (await t.call('briefing.current', {}, 'kiosk')).body.version;
});
afterAll(async () => t.stop());

describe('the daily close of forgotten sign-outs (03:00 Shanghai by default)', () => {
  it('signs out everyone still in from before the close, at the close, as automatic; later arrivals stay', async () => {
    t.clock.ms = local('2026-11-26', '18:00');
    await t.call('presence.signIn', { badge: 'BADGE-1201' });
    await t.call('presence.signIn', { badge: 'BADGE-1202' });
    await t.call('presence.signOut', { badge: 'BADGE-1202' });
    await visit('访客甲');
    t.clock.ms = local('2026-11-27', '02:30');
    await t.call('presence.signIn', { badge: 'BADGE-1203' }); // a night worker, in before the close
    t.clock.ms = local('2026-11-27', '03:00') + 500;
    await t.call('presence.signIn', { badge: 'BADGE-1204' }); // just after it

    const closeAt = local('2026-11-27', '03:00');
    const result = await t.hub.autoSignOut.run(local('2026-11-27', '03:00') + 1000);
    expect(result).toEqual({ closeAt: new Date(closeAt).toISOString(), people: 2, visitors: 1, deferred: false });
    expect((await personEvents('1201')).at(-1)).toEqual({ kind: 'out', at: closeAt, method: 'auto', automatic: 1, device_id: null });
    expect((await personEvents('1203')).at(-1)).toMatchObject({ kind: 'out', method: 'auto', automatic: 1 });
    expect(await personEvents('1202')).toHaveLength(2);
    expect(await onSite()).toEqual({ people: ['1204'], visitors: [] });

    const visitOut = await t.hub.db.get<{ method: string; automatic: number; at: number }>("SELECT method, automatic, at FROM visitor_events WHERE kind = 'out'");
    expect(visitOut).toEqual({ method: 'auto', automatic: 1, at: closeAt });
    const audited = await t.hub.db.all<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE action LIKE '%auto_sign_out' ORDER BY seq");
    expect(audited).toEqual([
      { action: 'presence.auto_sign_out', actor: 'hub' },
      { action: 'presence.auto_sign_out', actor: 'hub' },
      { action: 'visitor.auto_sign_out', actor: 'hub' },
    ]);
  });

  it('running again for the same close changes nothing; the sign-in answer says the close did it', async () => {
    expect(await t.hub.autoSignOut.run(local('2026-11-27', '09:00'))).toMatchObject({ people: 0, visitors: 0 });
    const list = await t.call('visitor.list', { from: '2026-11-26', to: '2026-11-26' }, 'admin');
    expect(list.body.visitors[0]).toMatchObject({ name: '访客甲', automatic: true, until: new Date(local('2026-11-27', '03:00')).toISOString() });
  });

  it('waits while an emergency is on: a closed sign-out would count someone as accounted for', async () => {
    t.clock.ms = local('2026-11-27', '20:00');
    await t.call('presence.signIn', { badge: 'BADGE-1205' });
    t.clock.ms = local('2026-11-28', '02:50');
    const started = await t.call('emergency.start', { kind: 'fire', drill: true }, 'warden');
    const deferred = await t.hub.autoSignOut.run(local('2026-11-28', '03:00'));
    expect(deferred).toMatchObject({ deferred: true, people: 0 });
    expect((await onSite()).people).toContain('1205');
    t.clock.ms = local('2026-11-28', '03:10');
    await t.call('emergency.end', { emergencyId: started.body.emergency.id, employeeNo: '1003', pin: '1234' }, 'warden');
    expect(await t.hub.autoSignOut.run()).toMatchObject({ deferred: false, people: 2 }); // 1204 and 1205
    expect((await onSite()).people).toEqual([]);
  });

  it('its records go into signed exports like any sign-out, and verify', async () => {
    const { dir } = await t.hub.exports.run({ outDir: join(tempDir('safefloor-export-'), 'out'), from: '2026-11-26', to: '2026-11-28' });
    const verified = await verifyExport(dir);
    expect(verified).toMatchObject({ ok: true });
  });

  it('follows the site’s close time', async () => {
    await t.call('doorSettings.update', { auth: { employeeNo: '1002', pin: '1234' }, dailyCloseAt: '12:00' }, 'admin');
    t.clock.ms = local('2026-11-28', '11:00');
    await t.call('presence.signIn', { badge: 'BADGE-1206' });
    expect(await t.hub.autoSignOut.run(local('2026-11-28', '11:59'))).toMatchObject({ closeAt: new Date(local('2026-11-27', '12:00')).toISOString(), people: 0 });
    expect(await t.hub.autoSignOut.run(local('2026-11-28', '12:00'))).toMatchObject({ closeAt: new Date(local('2026-11-28', '12:00')).toISOString(), people: 1 });
  });
});

describe('the close runs by itself', () => {
  it('a hub opened after a missed close makes it up at once', async () => {
    const dataDir = tempDir();
    const clock = new FixedClock(local('2026-11-26', '17:00'));
    const first = await openHub({ dataDir, clock });
    await seedDemo(first.db, clock.now());
    await first.presence.signIn({ badge: 'BADGE-1001' }, { device: null, language: 'en' });
    await first.close();
    clock.ms = local('2026-11-27', '08:00');
    const second = await openHub({ dataDir, clock });
    try {
      expect((await second.presence.onSite()).people).toEqual([]);
      const closed = await second.dashboard.autoClosed({});
      expect(closed.items.map((i) => [i.employeeNo, i.closedAt])).toEqual([['1001', new Date(local('2026-11-27', '03:00')).toISOString()]]);
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the running hub closes at the close time (a real timer, on a clock set just before it)', async () => {
    const dataDir = tempDir();
    const closeAt = local('2026-11-27', '03:00');
    // The demo site is made first, on a hub of its own: making it (240 PINs hashed) can take longer
    // than the time left before the close on a busy machine, and the sign-in must come before it.
    const seeding = await openHub({ dataDir, clock: { now: () => closeAt - 60_000 } });
    await seedDemo(seeding.db, closeAt - 60_000);
    await seeding.close();
    const offset = closeAt - 1_500 - Date.now();
    const clock = { now: () => Date.now() + offset };
    const hub = await openHub({ dataDir, clock });
    try {
      await hub.presence.signIn({ badge: 'BADGE-1001' }, { device: null, language: 'en' });
      expect((await hub.presence.onSite()).people).toHaveLength(1);
      for (let i = 0; i < 60 && (await hub.presence.onSite()).people.length > 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect((await hub.presence.onSite()).people).toEqual([]);
      const out = await hub.db.get<{ at: number; automatic: number }>("SELECT at, automatic FROM presence_events WHERE kind = 'out'");
      expect(out).toEqual({ at: closeAt, automatic: 1 });
    } finally {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a timer that fires a moment before the close time still closes that day, once the time has come', async () => {
    // Node's timers can fire a millisecond before the wall clock reaches their time. Here the clock
    // reads 1 ms before the close when the timer fires, and has moved past it a moment later.
    const dataDir = tempDir();
    const closeAt = local('2026-11-27', '03:00');
    const seeding = await openHub({ dataDir, clock: { now: () => closeAt - 60_000 } });
    await seedDemo(seeding.db, closeAt - 60_000);
    await seeding.close();
    let now = closeAt - 1_500;
    let earlyRead = false;
    const clock = {
      now: () => {
        if (!earlyRead) return now;
        earlyRead = false;
        const read = now;
        now = closeAt + 5;
        return read;
      },
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const hub = await openHub({ dataDir, clock });
    try {
      await hub.presence.signIn({ badge: 'BADGE-1001' }, { device: null, language: 'en' });
      now = closeAt - 1;
      earlyRead = true;
      await vi.advanceTimersByTimeAsync(1_500);
      expect(earlyRead, 'the timer fired and read the clock').toBe(false);
      // The close now runs when it is due (within a second), not a day later.
      await vi.advanceTimersByTimeAsync(1_000);
      for (let i = 0; i < 200 && (await hub.presence.onSite()).people.length > 0; i++) await new Promise((r) => setImmediate(r));
      expect((await hub.presence.onSite()).people).toEqual([]);
      const out = await hub.db.get<{ at: number; automatic: number }>("SELECT at, automatic FROM presence_events WHERE kind = 'out'");
      expect(out).toEqual({ at: closeAt, automatic: 1 });
    } finally {
      vi.useRealTimers();
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
