import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBriefing } from '../../shared/domain/briefing.js';
import { openHub } from '../../electron/hub/hub.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const en = { 'Accept-Language': 'en' };
const supervisor = { employeeNo: '1002', pin: '1234' };
const current = async () => (await t.call('emergency.current', {}, 'display')).body.emergency;
let version = 0;
const visit = (name: string, company: string, host = '1010') =>
  t.call('visitor.signIn', { name, company, hostEmployeeNo: host, briefingVersion: version, language: 'zh-CN', accepted: true }, 'kiosk', en);

describe('the safety briefing', () => {
  it('starts with the default text in both languages as version 1, readable by every screen', async () => {
    const res = await t.call('briefing.current', {}, 'display');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 1, content: defaultBriefing });
    expect(res.body.content['zh-CN'].rules.join()).toMatch(/禁止吸烟/);
    expect(res.body.content.numbers.map((n: any) => n.number)).toEqual(['119', '120', '110', '8001']);
  });

  it('an edit by a supervisor is a new version; saving the same text again is not', async () => {
    const content = { ...defaultBriefing, en: { ...defaultBriefing.en, assemblyPoint: 'Car park B, by the gate' } };
    expect((await t.call('briefing.update', { auth: supervisor, content }, 'kiosk')).status).toBe(403);
    const saved = await t.call('briefing.update', { auth: supervisor, content }, 'admin');
    expect(saved.body).toMatchObject({ created: true, briefing: { version: 2, content: { en: { assemblyPoint: 'Car park B, by the gate' } } } });
    const same = await t.call('briefing.update', { auth: supervisor, content }, 'admin');
    expect(same.body).toMatchObject({ created: false, briefing: { version: 2 } });
    const bad = await t.call('briefing.update', { auth: supervisor, content: { ...content, numbers: [] } }, 'admin');
    expect(bad.status).toBe(400);
    version = (await t.call('briefing.current', {}, 'kiosk')).body.version;
    expect(version).toBe(2);
  });
});

describe('visitors at the door', () => {
  it('signs a visitor in only once they accepted the current briefing, with a host from the roster', async () => {
    const old = await t.call('visitor.signIn', { name: '刘先生', company: '华为技术', hostEmployeeNo: '1010', briefingVersion: 1, language: 'zh-CN', accepted: true }, 'kiosk', en);
    expect(old.status).toBe(409);
    expect(old.body.error).toMatchObject({ code: 'briefing_outdated', message: 'The safety briefing has just been updated. Please read the new version (2) and accept it again.' });
    expect((await t.call('visitor.signIn', { name: '刘先生', company: '华为技术', hostEmployeeNo: '1010', briefingVersion: version, language: 'zh-CN', accepted: false }, 'kiosk')).status).toBe(400);
    expect((await visit('刘先生', '华为技术', '999999')).body.error.code).toBe('unknown_person');
    expect((await t.call('visitor.signIn', { name: '刘先生', company: '华为技术', hostEmployeeNo: '1010', briefingVersion: version, language: 'en', accepted: true }, 'display')).status).toBe(403);

    const res = await visit('刘先生', '华为技术');
    expect(res.status).toBe(200);
    expect(res.body.visitor).toMatchObject({
      name: '刘先生',
      company: '华为技术',
      host: { employeeNo: '1010' },
      since: new Date(t.clock.now()).toISOString(),
      until: null,
      automatic: false,
      briefingVersion: 2,
    });
    const stored = await t.hub.db.get<{ briefing_language: string }>('SELECT briefing_language FROM visitors WHERE id = ?', [res.body.visitor.visitorId]);
    expect(stored?.briefing_language).toBe('zh-CN');
  });

  it('stores only what the visitor feature needs', async () => {
    const columns = (await t.hub.db.all<{ name: string }>("SELECT name FROM pragma_table_info('visitors')")).map((c) => c.name);
    expect(columns.sort()).toEqual(['briefing_id', 'briefing_language', 'company', 'created_at', 'device_id', 'host_person_id', 'id', 'name'].sort());
  });

  it('visitors are on site until they sign out; signing out twice is refused', async () => {
    const v = (await visit('Ms Smith', 'Acme Ltd')).body.visitor;
    const onSite = await t.call('presence.onSite', {}, 'display');
    expect(onSite.body.visitors.map((x: any) => x.name)).toEqual(['刘先生', 'Ms Smith']);
    expect(onSite.body.visitors[1]).toEqual({ visitorId: v.visitorId, name: 'Ms Smith', company: 'Acme Ltd', since: v.since });
    t.clock.advance(60_000);
    const out = await t.call('visitor.signOut', { visitorId: v.visitorId }, 'kiosk');
    expect(out.body.visitor.until).toBe(new Date(t.clock.now()).toISOString());
    expect((await t.call('presence.onSite', {}, 'display')).body.visitors.map((x: any) => x.name)).toEqual(['刘先生']);
    const twice = await t.call('visitor.signOut', { visitorId: v.visitorId }, 'kiosk', en);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('Ms Smith is not signed in, so cannot sign out.');
    expect((await t.call('visitor.signOut', { visitorId: 99999 }, 'kiosk')).body.error.code).toBe('unknown_visitor');
  });

  it('the supervisor sees the day’s visits', async () => {
    const list = await t.call('visitor.list', {}, 'admin');
    expect(list.body.visitors.map((v: any) => [v.name, v.until === null])).toEqual([
      ['刘先生', true],
      ['Ms Smith', false],
    ]);
    expect((await t.call('visitor.list', { from: '2026-11-20', to: '2026-11-25' }, 'admin')).body.visitors).toEqual([]);
    expect((await t.call('visitor.list', {}, 'kiosk')).status).toBe(403);
  });
});

describe('visitors in the roll call', () => {
  let emergencyId: number;
  let early: number;
  let late: number;

  it('counts visitors on site at the start, and those signing in during it, exactly like staff', async () => {
    await t.call('presence.signIn', { badge: 'BADGE-1010' });
    early = (await t.call('presence.onSite', {}, 'display')).body.visitors[0].visitorId;
    const started = await t.call('emergency.start', { kind: 'fire', drill: true }, 'warden');
    emergencyId = started.body.emergency.id;
    let e = await current();
    expect(e.counts).toEqual({ onSite: 2, accounted: 0, missing: 2 });
    expect(e.missing).toContainEqual({ visitorId: early, name: '刘先生', team: '华为技术', since: e.startedAt });

    t.clock.advance(20_000);
    late = (await visit('Mr Lee', 'Contoso')).body.visitor.visitorId;
    e = await current();
    expect(e.counts).toEqual({ onSite: 3, accounted: 0, missing: 3 });
    expect(e.missing.find((m: any) => m.visitorId === late)).toMatchObject({ name: 'Mr Lee', team: 'Contoso', since: new Date(t.clock.now()).toISOString() });
  });

  it('a warden marks a visitor safe by visitorId; a visitor signing out is accounted for', async () => {
    t.clock.advance(10_000);
    const earlyName = (await t.call('presence.onSite', {}, 'display')).body.visitors.find((v: any) => v.visitorId === early).name;
    const marked = await t.call('emergency.markSafe', { emergencyId, visitorId: early }, 'warden');
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ marked: true, counts: { onSite: 3, accounted: 1, missing: 2 }, name: earlyName });
    expect((await t.call('emergency.markSafe', { emergencyId, visitorId: early }, 'warden')).body.marked).toBe(false);
    expect((await t.call('emergency.markSafe', { emergencyId, visitorId: 99999 }, 'warden')).body.error.code).toBe('unknown_visitor');
    t.clock.advance(10_000);
    await t.call('visitor.signOut', { visitorId: late }, 'kiosk');
    expect((await current()).counts).toEqual({ onSite: 3, accounted: 2, missing: 1 });
  });

  it('a restarted hub shows the same roll, and the report lists visitors with how they were accounted for', async () => {
    const again = await openHub({ dataDir: t.dataDir, clock: t.clock, autoSignOut: false });
    try {
      expect((await again.emergency.current()).emergency?.counts).toEqual({ onSite: 3, accounted: 2, missing: 1 });
    } finally {
      await again.close();
    }
    await t.call('emergency.markSafe', { emergencyId, employeeNo: '1010' }, 'warden');
    const ended = await t.call('emergency.end', { emergencyId, employeeNo: '1003', pin: '1234' }, 'warden');
    expect(ended.status).toBe(200);
    const people = ended.body.people;
    expect(people.find((p: any) => p.visitorId === early)).toMatchObject({ name: '刘先生', team: '华为技术', how: 'marked', missingForSeconds: 30 });
    expect(people.find((p: any) => p.visitorId === late)).toMatchObject({ name: 'Mr Lee', how: 'signed_out', missingForSeconds: 20 });
    expect(people.find((p: any) => p.employeeNo === '1010')).toMatchObject({ how: 'marked' });
    // After the end, a new visitor does not join the ended roll.
    await visit('Late Guest', 'Nobody Inc');
    expect((await t.call('emergency.report', { emergencyId }, 'warden')).body.counts).toEqual({ onSite: 3, accounted: 3, missing: 0 });
  });
});
