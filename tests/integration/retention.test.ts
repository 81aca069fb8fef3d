/**
 * Retention (issue 6): a purge at a fixed instant removes exactly the personal fields of records
 * past the site's retention period, keeps everything else and the audit chain verifiable, leaves a
 * hash of each removed field that an auditor's earlier copy can be checked against, and is itself
 * in the audit log. A dry run and bad input change nothing; a second purge finds nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical.js';
import { inspectorItems } from '../../shared/domain/extinguisher-checklist.js';
import { checkAuditChain } from '../../electron/hub/db/stores/audit.js';
import { verifyExport } from '../../electron/hub/export/verify.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
const supervisor = { employeeNo: '1002', pin: '1234' };
const en = { 'Accept-Language': 'en' };
const signature = 'M10 10 L20 20 L30 15';
const allPass = () => Object.fromEntries(inspectorItems.map((no) => [String(no), 'pass']));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** What an auditor computes from a copy of the record they hold (see shared/contract/retention.ts). */
const fieldHash = (entity: string, id: number, field: string, value: string) => sha256(canonicalJson({ entity, id, field, value }));

const ok = async (res: Promise<{ status: number; body: any }>) => {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};

// Ids of what was written long ago and lately.
const old = {} as Record<'visitor' | 'onSiteVisitor' | 'check' | 'unitCheck' | 'closedHazard' | 'openHazard' | 'leaver' | 'person', number>;
let leaverName = '';
const recent = {} as Record<'visitor' | 'check' | 'unitCheck' | 'lateLeaver', number>;
let adminDevice: number;

/** Everything a purge could touch, to compare before and after. */
const snapshot = () =>
  Promise.all([
    t.hub.db.all('SELECT * FROM people ORDER BY id'),
    t.hub.db.all('SELECT * FROM visitors ORDER BY id'),
    t.hub.db.all('SELECT * FROM appearance_checks ORDER BY id'),
    t.hub.db.all('SELECT * FROM appearance_resolutions ORDER BY id'),
    t.hub.db.all('SELECT * FROM extinguisher_checks ORDER BY id'),
    t.hub.db.all('SELECT * FROM check_round_cosigns ORDER BY id'),
    t.hub.db.all('SELECT * FROM hazard_updates ORDER BY id'),
    t.hub.db.all('SELECT * FROM audit_log ORDER BY seq'),
    t.hub.db.all('SELECT * FROM site_settings ORDER BY key'),
    t.hub.db.all('SELECT * FROM purged_fields ORDER BY id'),
  ]);

async function hazardWithPlan(responsible: string) {
  const hazard = await ok(t.call('hazard.report', { description: '安全出口被纸箱堵住', location: '3F 东侧安全出口' }, 'kiosk'));
  await ok(t.call('hazard.plan', { hazardId: hazard.id, responsible, measures: '清理纸箱', funding: '无', deadline: '2024-03-10', interimSafeguard: '专人值守' }, 'warden'));
  return hazard.id as number;
}

async function visit(name: string, company: string, signOut: boolean) {
  const briefing = await ok(t.call('briefing.current', {}, 'kiosk'));
  const { visitor } = await ok(t.call('visitor.signIn', { name, company, hostEmployeeNo: '1002', briefingVersion: briefing.version, language: 'zh-CN', accepted: true }, 'kiosk'));
  if (signOut) await ok(t.call('visitor.signOut', { visitorId: visitor.visitorId }, 'kiosk'));
  return visitor.visitorId as number;
}

async function selfCheck(employeeNo: string, note: string) {
  const check = await ok(t.call('appearance.submit', { employeeNo, pin: '1234', checklistVersion: 1, flagged: ['badge-worn'], note }, 'kiosk'));
  return check.checkId as number;
}

beforeAll(async () => {
  t = await startTestHub();
  adminDevice = (await ok(t.call('device.whoami', {}, 'admin'))).deviceId;
  old.person = (await t.hub.db.get<{ id: number }>("SELECT id FROM people WHERE employee_no = '1002'"))!.id;

  // March 2024, 10:00 in Shanghai: long before the cut-off of a 24-month retention on 2026-11-26.
  t.clock.ms = Date.parse('2024-03-05T02:00:00Z');
  old.visitor = await visit('王小明', '顺丰速运', true);
  old.onSiteVisitor = await visit('李四', '中国电信', false);
  old.check = await selfCheck('1101', '工牌忘带了');
  await ok(t.call('appearance.resolve', { auth: supervisor, checkId: old.check, action: 'corrected_on_site', note: '已提醒张三' }, 'admin'));
  await ok(t.call('extinguisher.save', { tag: 'FE-001', location: '3F 话务区', type: 'powder', sizeKg: 4, manufacturedOn: '2022-03-01' }, 'warden'));
  old.unitCheck = (await ok(t.call('extinguisher.check', { tag: 'FE-001', results: allPass(), gauge: 'green', inspectorEmployeeNo: '1003', signature, note: '箱门有点紧' }, 'warden'))).checkId;
  await ok(t.call('extinguisher.cosign', { month: '2024-03', employeeNo: '1004', pin: '1234', signature }, 'warden'));
  old.closedHazard = await hazardWithPlan('张伟');
  await ok(t.call('hazard.fix', { hazardId: old.closedHazard, employeeNo: '1003', pin: '1234', note: '张伟已清理' }, 'warden'));
  await ok(t.call('hazard.verify', { hazardId: old.closedHazard, employeeNo: '1002', pin: '1234', note: '复查合格' }, 'warden'));
  old.openHazard = await hazardWithPlan('赵六');
  await ok(t.call('presence.signIn', { badge: 'BADGE-1030' }));
  await ok(t.call('presence.signOut', { badge: 'BADGE-1030' }));
  await ok(t.call('people.setActive', { auth: supervisor, employeeNo: '1030', active: false }, 'admin'));
  const leaver = (await t.hub.db.get<{ id: number; name: string }>("SELECT id, name FROM people WHERE employee_no = '1030'"))!;
  old.leaver = leaver.id;
  leaverName = leaver.name;

  // November 2026: within the retention period.
  t.clock.ms = Date.parse('2026-11-20T02:00:00Z');
  recent.visitor = await visit('陈晨', '京东物流', true);
  recent.check = await selfCheck('1102', '鞋子湿了');
  recent.unitCheck = (await ok(t.call('extinguisher.check', { tag: 'FE-001', results: allPass(), gauge: 'green', inspectorEmployeeNo: '1003', signature, note: '正常' }, 'warden'))).checkId;
  await ok(t.call('people.setActive', { auth: supervisor, employeeNo: '1031', active: false }, 'admin'));
  recent.lateLeaver = (await t.hub.db.get<{ id: number }>("SELECT id FROM people WHERE employee_no = '1031'"))!.id;

  t.clock.ms = Date.parse('2026-11-26T02:00:00Z');
}, 60_000);
afterAll(async () => t.stop());

const expectedCounts = { people: 1, visitors: 1, appearance_checks: 1, appearance_resolutions: 1, extinguisher_checks: 1, check_round_cosigns: 1, hazard_updates: 3 };

describe('retention of personal data', () => {
  it('is 24 months unless the site says otherwise; the status says what a purge would remove now', async () => {
    const status = await ok(t.call('retention.status', {}, 'admin'));
    // The start of 2024-11-26 in Shanghai.
    expect(status).toEqual({ retentionMonths: 24, cutoff: '2024-11-25T16:00:00.000Z', due: expectedCounts, lastPurge: null });
    expect((await t.call('retention.status', {}, 'warden')).status).toBe(403);
  });

  it('bad input is refused with a clear message and changes nothing', async () => {
    const before = await snapshot();
    const refusals: Array<[string, unknown, number, string]> = [
      ['retention.purge', {}, 400, 'invalid_input'],
      ['retention.purge', { auth: supervisor, dryRun: 'yes' }, 400, 'invalid_input'],
      ['retention.purge', { auth: { employeeNo: '1002', pin: '9999' } }, 422, 'wrong_pin'],
      ['retention.purge', { auth: { employeeNo: '1020', pin: '1234' } }, 403, 'supervisor_pin_required'],
      ['retention.purge', { auth: { ticket: 'x'.repeat(40) } }, 410, 'admin_session_expired'],
      ['retention.update', { auth: supervisor, retentionMonths: 0 }, 400, 'invalid_input'],
      ['retention.update', { auth: supervisor, retentionMonths: 241 }, 400, 'invalid_input'],
      ['retention.update', { auth: supervisor, retentionMonths: '24' }, 400, 'invalid_input'],
      ['retention.update', { auth: supervisor, retentionMonths: 12.5 }, 400, 'invalid_input'],
      ['retention.update', { retentionMonths: 12 }, 400, 'invalid_input'],
    ];
    for (const [method, input, status, code] of refusals) {
      const res = await t.call(method, input, 'admin', en);
      expect(res.status, `${method} ${JSON.stringify(input)}`).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    expect((await t.call('retention.purge', { auth: supervisor }, 'warden')).status).toBe(403);
    // The wrong PIN counted against 1002's lockout; that is the PIN check's business, not a purge.
    const after = await snapshot();
    const [people, ...rest] = after;
    const [peopleBefore, ...restBefore] = before;
    expect(rest.slice(0, 6)).toEqual(restBefore.slice(0, 6));
    expect(rest.slice(7)).toEqual(restBefore.slice(7));
    expect((people as Array<{ name: string }>).map((p) => p.name)).toEqual((peopleBefore as Array<{ name: string }>).map((p) => p.name));
    // The only audit entries added are the PIN check's own records of the wrong PIN, none a purge.
    const added = (after[7] as Array<{ action: string }>).slice((before[7] as unknown[]).length);
    expect(added.filter((e) => e.action.startsWith('retention'))).toEqual([]);
    await t.hub.db.run("UPDATE people SET failed_pins = 0, locked_until = NULL WHERE employee_no = '1002'");
  });

  it('a dry run counts what would go and changes nothing', async () => {
    const before = await snapshot();
    const dry = await ok(t.call('retention.purge', { auth: supervisor, dryRun: true }, 'admin'));
    expect(dry).toEqual({ dryRun: true, purgeId: null, cutoff: '2024-11-25T16:00:00.000Z', counts: expectedCounts, total: 9 });
    expect(await snapshot()).toEqual(before);
  });

  it('a purge removes exactly the personal fields of records before the cut-off', async () => {
    const before = {
      visitor: await t.hub.db.get<any>('SELECT * FROM visitors WHERE id = ?', [old.visitor]),
      leaver: await t.hub.db.get<any>('SELECT * FROM people WHERE id = ?', [old.leaver]),
      unitCheck: await t.hub.db.get<any>('SELECT * FROM extinguisher_checks WHERE id = ?', [old.unitCheck]),
    };
    const untouched = await Promise.all([
      t.hub.db.get('SELECT * FROM visitors WHERE id = ?', [recent.visitor]),
      t.hub.db.get('SELECT * FROM visitors WHERE id = ?', [old.onSiteVisitor]),
      t.hub.db.get('SELECT * FROM appearance_checks WHERE id = ?', [recent.check]),
      t.hub.db.get('SELECT * FROM extinguisher_checks WHERE id = ?', [recent.unitCheck]),
      t.hub.db.get('SELECT * FROM people WHERE id = ?', [recent.lateLeaver]),
      t.hub.db.all('SELECT * FROM hazard_updates WHERE hazard_id = ?', [old.openHazard]),
      t.hub.db.all('SELECT * FROM presence_events ORDER BY id'),
    ]);
    const auditBefore = (await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;

    const purge = await ok(t.call('retention.purge', { auth: supervisor }, 'admin'));
    expect(purge).toEqual({ dryRun: false, purgeId: expect.any(Number), cutoff: '2024-11-25T16:00:00.000Z', counts: expectedCounts, total: 9 });

    // Gone: who they were, what they wrote, how they signed.
    expect(await t.hub.db.get('SELECT name, company FROM visitors WHERE id = ?', [old.visitor])).toEqual({ name: '', company: '' });
    expect(await t.hub.db.get('SELECT note FROM appearance_checks WHERE id = ?', [old.check])).toEqual({ note: '' });
    expect(await t.hub.db.get('SELECT note FROM appearance_resolutions WHERE check_id = ?', [old.check])).toEqual({ note: '' });
    expect(await t.hub.db.get('SELECT note, signature FROM extinguisher_checks WHERE id = ?', [old.unitCheck])).toEqual({ note: '', signature: '' });
    expect(await t.hub.db.all('SELECT signature FROM check_round_cosigns')).toEqual([{ signature: '' }]);
    const closed = await t.hub.db.all<{ kind: string; details: string }>('SELECT kind, details FROM hazard_updates WHERE hazard_id = ? ORDER BY id', [old.closedHazard]);
    expect(closed.map((u) => [u.kind, JSON.parse(u.details)])).toEqual([
      ['plan', { responsible: '', measures: '清理纸箱', funding: '无', deadline: '2024-03-10', interimSafeguard: '专人值守' }],
      ['fixed', { note: '' }],
      ['verified', { note: '' }],
    ]);
    expect(await t.hub.db.get('SELECT employee_no, name, team, role, badge, pin_hash, active FROM people WHERE id = ?', [old.leaver])).toEqual({
      employee_no: '1030',
      name: '',
      team: before.leaver.team,
      role: 'staff',
      badge: null,
      pin_hash: null,
      active: 0,
    });
    // Kept: everything else of those records, and every record inside the period.
    expect(await t.hub.db.get('SELECT * FROM visitors WHERE id = ?', [old.visitor])).toEqual({ ...before.visitor, name: '', company: '' });
    expect(await t.hub.db.get('SELECT * FROM extinguisher_checks WHERE id = ?', [old.unitCheck])).toEqual({ ...before.unitCheck, note: '', signature: '' });
    expect(
      await Promise.all([
        t.hub.db.get('SELECT * FROM visitors WHERE id = ?', [recent.visitor]),
        t.hub.db.get('SELECT * FROM visitors WHERE id = ?', [old.onSiteVisitor]),
        t.hub.db.get('SELECT * FROM appearance_checks WHERE id = ?', [recent.check]),
        t.hub.db.get('SELECT * FROM extinguisher_checks WHERE id = ?', [recent.unitCheck]),
        t.hub.db.get('SELECT * FROM people WHERE id = ?', [recent.lateLeaver]),
        t.hub.db.all('SELECT * FROM hazard_updates WHERE hazard_id = ?', [old.openHazard]),
        t.hub.db.all('SELECT * FROM presence_events ORDER BY id'),
      ]),
    ).toEqual(untouched);

    // The audit log: the purge itself, then one entry per purged record; nothing before it changed.
    const added = await t.hub.db.all<{ seq: number; actor: string; action: string; entity: string; entity_id: string; record_hash: string }>(
      'SELECT seq, actor, action, entity, entity_id, record_hash FROM audit_log WHERE seq > ? ORDER BY seq',
      [auditBefore],
    );
    expect(added).toHaveLength(1 + 9);
    expect(added[0]).toMatchObject({ action: 'retention.purge', entity: 'retention_purges', entity_id: String(purge.purgeId), actor: `device:${adminDevice}/person:${old.person}` });
    expect(added.slice(1).every((e) => e.action === 'retention.purged' && e.entity === 'purged_fields')).toBe(true);
    expect(await checkAuditChain(t.hub.db)).toEqual({ ok: true, length: auditBefore + 10 });

    // An auditor holding an earlier copy of the visit checks it against the audit log's hash.
    const fields = { name: fieldHash('visitors', old.visitor, 'name', before.visitor.name), company: fieldHash('visitors', old.visitor, 'company', before.visitor.company) };
    const entry = added.find((e) => e.entity_id === `visitors/${old.visitor}`)!;
    expect(entry.record_hash).toBe(sha256(canonicalJson({ entity: 'visitors', id: old.visitor, fields })));
    expect(JSON.parse((await t.hub.db.get<{ fields: string }>("SELECT fields FROM purged_fields WHERE entity = 'visitors' AND entity_id = ?", [old.visitor]))!.fields)).toEqual(fields);
    // A copy that differs does not match.
    expect(fieldHash('visitors', old.visitor, 'name', '王小名')).not.toBe(fields.name);
    const leaverFields = JSON.parse((await t.hub.db.get<{ fields: string }>("SELECT fields FROM purged_fields WHERE entity = 'people' AND entity_id = ?", [old.leaver]))!.fields);
    expect(Object.keys(leaverFields).sort()).toEqual(['badge', 'name', 'pin_hash']);
    expect(leaverFields.name).toBe(fieldHash('people', old.leaver, 'name', before.leaver.name));
  });

  it('the screens still read the purged records; the chain check is unbroken', async () => {
    const chain = await ok(t.call('audit.check', {}, 'admin'));
    const entries = (await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;
    expect(chain).toMatchObject({ ok: true, entries, lastSeq: entries, brokenAt: null, reason: null });
    // Outputs are checked against the contract in these tests: an emptied name or signature still fits.
    await ok(t.call('people.list', { status: 'inactive' }, 'admin'));
    await ok(t.call('visitor.list', { from: '2024-03-01', to: '2024-03-31' }, 'admin'));
    await ok(t.call('extinguisher.get', { tag: 'FE-001' }, 'warden'));
    await ok(t.call('hazard.list', { status: 'all' }, 'warden'));
    await ok(t.call('appearance.reviewQueue', { status: 'all' }, 'admin'));
    const pdf = await ok(t.call('report.extinguisherMonth', { month: '2024-03' }, 'admin'));
    expect(pdf.contentType).toBe('application/pdf');
  });

  it('an export after the purge signs and verifies, and carries the purge in its audit log', async () => {
    const name = 'safefloor-export-after-purge';
    const { manifest, dir } = await t.hub.exports.run({ outDir: join(t.dataDir, 'exports', name) });
    expect(manifest.chain).not.toBeNull();
    const verified = await verifyExport(dir);
    expect(verified).toMatchObject({ ok: true });
    const audit = readFileSync(join(dir, 'audit_log.jsonl'), 'utf8');
    expect(audit).toContain('"action":"retention.purge"');
    expect(audit).toContain(`"entity_id":"visitors/${old.visitor}"`);
    // The leaver's sign-ins of 2024 are there, under their employee number, without their name.
    const presence = readFileSync(join(dir, 'presence_events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { employee_no: string; name: string });
    expect(presence.filter((e) => e.employee_no === '1030').map((e) => e.name)).toEqual(['', '']);
    expect(readFileSync(join(dir, 'presence_events.csv'), 'utf8')).not.toContain(leaverName);

    // The same check from the admin screen, against this hub's own key.
    const check = await ok(t.call('export.verify', { name }, 'admin'));
    expect(check).toMatchObject({ ok: true, signedByThisHub: true, failures: [], chain: { firstSeq: 1 } });
    expect(check.summary).toMatch(/^OK: signature/);
    writeFileSync(join(dir, 'presence_events.csv'), 'changed\n');
    const broken = await ok(t.call('export.verify', { name }, 'admin'));
    expect(broken).toMatchObject({ ok: false, signedByThisHub: false });
    expect(broken.failures.join('\n')).toMatch(/presence_events\.csv does not match/);
    expect((await t.call('export.verify', { name: 'safefloor-export-nothing' }, 'admin')).status).toBe(404);
    expect((await t.call('export.verify', { name: '../safefloor.db' }, 'admin')).status).toBe(400);
  });

  it('a second purge finds nothing and writes nothing; the status shows the last purge', async () => {
    const before = await snapshot();
    const again = await ok(t.call('retention.purge', { auth: supervisor }, 'admin'));
    expect(again).toMatchObject({ dryRun: false, purgeId: null, total: 0 });
    expect(Object.values(again.counts).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    const status = await ok(t.call('retention.status', {}, 'admin'));
    expect(status.lastPurge).toEqual({ purgeId: expect.any(Number), at: '2026-11-26T02:00:00.000Z', cutoff: '2024-11-25T16:00:00.000Z', retentionMonths: 24, counts: expectedCounts });
    expect(Object.values(status.due).every((n) => n === 0)).toBe(true);
  });

  it('a supervisor changes the period; the cut-off follows, and the change is audited', async () => {
    const status = await ok(t.call('retention.update', { auth: supervisor, retentionMonths: 6 }, 'admin'));
    // Six months before 2026-11-26 is 2026-05-26; the self-check of 2026-11-20 is still inside.
    expect(status).toMatchObject({ retentionMonths: 6, cutoff: '2026-05-25T16:00:00.000Z', due: { appearance_checks: 0, visitors: 0 } });
    const last = await t.hub.db.get<{ action: string; actor: string }>('SELECT action, actor FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(last).toEqual({ action: 'settings.update', actor: `device:${adminDevice}/person:${old.person}` });
    // The 31st of a month goes back to the last day of a shorter one.
    t.clock.ms = Date.parse('2026-08-31T02:00:00Z');
    expect((await ok(t.call('retention.status', {}, 'admin'))).cutoff).toBe('2026-02-27T16:00:00.000Z');
    t.clock.ms = Date.parse('2026-11-26T02:00:00Z');
  });

  it('the chain check names the first entry that was changed', async () => {
    const row = await t.hub.db.get<{ seq: number; actor: string }>('SELECT seq, actor FROM audit_log WHERE seq = 5');
    await t.hub.db.run("UPDATE audit_log SET actor = 'someone else' WHERE seq = 5");
    try {
      expect(await ok(t.call('audit.check', {}, 'admin'))).toMatchObject({ ok: false, brokenAt: 5, reason: 'changed', lastSeq: 4 });
    } finally {
      await t.hub.db.run('UPDATE audit_log SET actor = ? WHERE seq = 5', [row!.actor]);
    }
    expect((await ok(t.call('audit.check', {}, 'admin'))).ok).toBe(true);
  });

  it('lists the database backups the hub keeps', async () => {
    expect(await ok(t.call('backup.list', {}, 'admin'))).toEqual({ keepDays: 14, backups: [] });
    const made = await t.hub.backups.run();
    expect(await ok(t.call('backup.list', {}, 'admin'))).toEqual({ keepDays: 14, backups: [{ name: made.name, at: '2026-11-26T02:00:00.000Z', bytes: made.bytes }] });
    expect((await t.call('backup.list', {}, 'kiosk')).status).toBe(403);
  });
});

describe('pairing a device from the admin screen', () => {
  it('a supervisor makes a one-time code for a role; it pairs once; the audit log names who', async () => {
    const invite = await ok(t.call('device.invite', { auth: supervisor, role: 'display', name: '二楼大屏' }, 'admin'));
    expect(invite).toEqual({ code: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/), role: 'display', name: '二楼大屏', expiresAt: '2026-11-27T02:00:00.000Z' });
    const last = await t.hub.db.get<{ action: string; actor: string }>('SELECT action, actor FROM audit_log ORDER BY seq DESC LIMIT 1');
    expect(last).toEqual({ action: 'device.pairing_created', actor: `device:${adminDevice}/person:${old.person}` });
    const paired = await ok(t.call('device.pair', { code: invite.code }, { token: null }));
    expect(paired).toMatchObject({ role: 'display', name: '二楼大屏' });
    expect((await t.call('device.whoami', {}, { token: paired.token })).body).toMatchObject({ role: 'display' });
    expect((await t.call('device.pair', { code: invite.code }, { token: null })).status).toBe(410);
  });

  it('refuses an integration role, a missing name and a staff PIN', async () => {
    const count = async () => (await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM pairings'))!.n;
    const before = await count();
    expect((await t.call('device.invite', { auth: supervisor, role: 'integration', name: 'alarm' }, 'admin')).status).toBe(400);
    expect((await t.call('device.invite', { auth: supervisor, role: 'kiosk', name: '  ' }, 'admin')).status).toBe(400);
    expect((await t.call('device.invite', { auth: { employeeNo: '1020', pin: '1234' }, role: 'kiosk', name: 'x' }, 'admin')).body.error.code).toBe('supervisor_pin_required');
    expect(await count()).toBe(before);
  });
});

describe('safefloor purge', () => {
  it('a dry run says what would go and changes nothing; the purge removes it; the next finds nothing; bad arguments are refused', async () => {
    const { main } = await import('../../electron/hub/cli/main.js');
    const { openHub } = await import('../../electron/hub/hub.js');
    const { seedDemo } = await import('../../electron/hub/demo.js');
    const { FixedClock, tempDir } = await import('../support/hub.js');
    const dataDir = tempDir('safefloor-purge-');
    // A visit from 2015: past any retention the site can choose, whatever today is.
    const clock = new FixedClock(Date.parse('2015-06-01T02:00:00Z'));
    const hub = await openHub({ dataDir, clock, autoSignOut: false, backups: false });
    await seedDemo(hub.db, clock.now());
    const briefing = await hub.briefing.current();
    const caller = { device: null, language: 'en' as const };
    const { visitor } = await hub.visitors.signIn({ name: '王小明', company: '顺丰速运', hostEmployeeNo: '1002', briefingVersion: briefing.version, language: 'zh-CN' }, caller);
    await hub.visitors.signOut({ visitorId: visitor.visitorId }, caller);
    await hub.close();

    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const visit = async () => {
      const reopened = await openHub({ dataDir, autoSignOut: false, backups: false });
      try {
        return await reopened.db.get<{ name: string; company: string }>('SELECT name, company FROM visitors WHERE id = ?', [visitor.visitorId]);
      } finally {
        await reopened.close();
      }
    };
    try {
      expect(await main(['purge', '--data', dataDir, '--dry-run'])).toBe(0);
      expect(out.at(-1)).toMatch(/^Dry run, nothing changed — a purge would remove the personal fields of 1 records .*visitors 1/);
      expect(await visit()).toEqual({ name: '王小明', company: '顺丰速运' });
      expect(await main(['purge', '--data', dataDir])).toBe(0);
      expect(out.at(-1)).toMatch(/^Purge 1: removed the personal fields of 1 records/);
      expect(await visit()).toEqual({ name: '', company: '' });
      expect(await main(['purge', '--data', dataDir])).toBe(0);
      expect(out.at(-1)).toMatch(/^Nothing to purge/);
      expect(await main(['purge'])).toBe(2);
      expect(await main(['purge', '--data', dataDir, 'everything'])).toBe(2);
    } finally {
      log.mockRestore();
      error.mockRestore();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
