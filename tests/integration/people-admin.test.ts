import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const en = { 'Accept-Language': 'en' };
const supervisor = { employeeNo: '1002', pin: '1234' };
const auditCount = async () => (await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;
const lastAudit = () => t.hub.db.get<{ action: string; actor: string; entity: string }>('SELECT action, actor, entity FROM audit_log ORDER BY seq DESC LIMIT 1');

describe('opening the admin screens with a supervisor PIN', () => {
  it('gives a ticket for a supervisor or admin PIN on this device, which works until locked', async () => {
    const staff = await t.call('admin.unlock', { employeeNo: '1020', pin: '1234' }, 'admin', en);
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe('supervisor_pin_required');

    const unlocked = await t.call('admin.unlock', { employeeNo: '1004', pin: '1234' }, 'admin');
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.person).toMatchObject({ employeeNo: '1004', role: 'admin' });
    expect(await lastAudit()).toMatchObject({ action: 'admin.unlock', entity: 'people' });
    const auth = { ticket: unlocked.body.ticket };

    const added = await t.call('people.add', { auth, person: { employeeNo: 'T-001', name: '票据测试' } }, 'admin');
    expect(added.status).toBe(200);

    // Another admin device cannot use this device's ticket.
    const other = (await t.hub.devices.createToken('admin', 'second admin screen')).token;
    const elsewhere = await t.call('people.update', { auth, employeeNo: 'T-001', changes: { team: 'x' } }, { token: other }, en);
    expect(elsewhere.status).toBe(410);
    expect(elsewhere.body.error.message).toMatch(/enter your PIN again/);

    expect((await t.call('admin.lock', { ticket: auth.ticket }, 'admin')).body).toEqual({ locked: true });
    expect((await t.call('people.update', { auth, employeeNo: 'T-001', changes: { team: 'x' } }, 'admin')).body.error.code).toBe('admin_session_expired');
  });

  it('the ticket closes after 15 minutes without use', async () => {
    const { ticket } = (await t.call('admin.unlock', supervisor, 'admin')).body;
    t.clock.advance(14 * 60_000);
    expect((await t.call('people.update', { auth: { ticket }, employeeNo: 'T-001', changes: { team: '甲' } }, 'admin')).status).toBe(200);
    t.clock.advance(14 * 60_000);
    expect((await t.call('people.update', { auth: { ticket }, employeeNo: 'T-001', changes: { team: '乙' } }, 'admin')).status).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    expect((await t.call('people.update', { auth: { ticket }, employeeNo: 'T-001', changes: { team: '丙' } }, 'admin')).status).toBe(410);
  });
});

describe('finding people', () => {
  it('the kiosk finds a host by name, number or team, learning only name, team and number', async () => {
    const res = await t.call('people.search', { query: '1010' }, 'kiosk');
    expect(res.status).toBe(200);
    expect(res.body.people[0]).toEqual({ employeeNo: '1010', name: expect.any(String), team: expect.any(String) });
    const byName = await t.call('people.search', { query: res.body.people[0].name.slice(0, 1), limit: 5 }, 'kiosk');
    expect(byName.body.people.length).toBeGreaterThan(0);
    expect(byName.body.people.length).toBeLessThanOrEqual(5);
    expect((await t.call('people.search', { query: '%' }, 'kiosk')).body.people).toEqual([]);
    expect((await t.call('people.search', { query: '1010' }, 'display')).status).toBe(403);
  });

  it('the admin list filters by team, status and training, and pages', async () => {
    const team = await t.call('people.list', { team: '话务一组', limit: 10 }, 'admin');
    expect(team.body.total).toBe(40);
    expect(team.body.people).toHaveLength(10);
    expect(team.body.people.every((p: any) => p.team === '话务一组')).toBe(true);
    expect(team.body.teams).toContain('质检培训组');
    const all = await t.call('people.list', { training: 'missing', limit: 1 }, 'admin');
    expect(all.body.total).toBeGreaterThanOrEqual(240);
    const missing = await t.call('people.list', { training: 'problem', team: '话务一组', limit: 1 }, 'admin');
    expect(missing.body.total).toBe(40);
    expect(missing.body.people[0]).toMatchObject({ hasPin: true, active: true, training: { status: 'missing', passedOn: null, expiresOn: null } });
    expect((await t.call('people.list', { training: 'ok', team: '话务一组' }, 'admin')).status).toBe(400);
    expect((await t.call('people.list', { training: 'expired', team: '话务一组' }, 'admin')).body.total).toBe(0);
    expect((await t.call('people.list', {}, 'kiosk')).status).toBe(403);
  });
});

describe('changing people (supervisor PIN)', () => {
  it('adds a person with badge, PIN and training; refuses a taken number or badge', async () => {
    const before = await auditCount();
    const res = await t.call(
      'people.add',
      { auth: supervisor, person: { employeeNo: '3001', name: '新员工', team: '话务二组', badge: 'B-3001', pin: '5678', trainingPassedOn: '2026-11-20' } },
      'admin',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      employeeNo: '3001',
      role: 'staff',
      badge: 'B-3001',
      hasPin: true,
      active: true,
      training: { status: 'ok', passedOn: '2026-11-20', expiresOn: '2027-11-20' },
    });
    expect(await auditCount()).toBe(before + 1);
    expect((await t.call('presence.signIn', { employeeNo: '3001', pin: '5678' })).status).toBe(200);
    await t.call('presence.signOut', { badge: 'B-3001' });

    const taken = await t.call('people.add', { auth: supervisor, person: { employeeNo: '3001', name: 'x' } }, 'admin', en);
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('Employee number 3001 is already on the roster.');
    const badge = await t.call('people.add', { auth: supervisor, person: { employeeNo: '3002', name: 'x', badge: 'BADGE-1001' } }, 'admin', en);
    expect(badge.body.error).toMatchObject({ code: 'badge_taken', message: 'This badge already belongs to employee 1001.' });
    const future = await t.call('people.add', { auth: supervisor, person: { employeeNo: '3003', name: 'x', trainingPassedOn: '2027-01-01' } }, 'admin');
    expect(future.body.error.code).toBe('invalid_training_dates');
    expect((await t.call('people.get', { employeeNo: '3002' }, 'admin')).body.error.code).toBe('unknown_person');
  });

  it('edits name, team, role and badge; a badge can be taken away and given to someone else', async () => {
    const edit = await t.call('people.update', { auth: supervisor, employeeNo: '3001', changes: { team: '投诉处理组', role: 'supervisor' } }, 'admin');
    expect(edit.body).toMatchObject({ team: '投诉处理组', role: 'supervisor', badge: 'B-3001' });
    expect((await t.call('people.update', { auth: supervisor, employeeNo: '3001', changes: { badge: 'BADGE-1005' } }, 'admin')).body.error.code).toBe('badge_taken');
    expect((await t.call('people.update', { auth: supervisor, employeeNo: '1005', changes: { badge: null } }, 'admin')).body.badge).toBeNull();
    expect((await t.call('people.update', { auth: supervisor, employeeNo: '3001', changes: { badge: 'BADGE-1005' } }, 'admin')).body.badge).toBe('BADGE-1005');
    expect((await t.call('people.update', { auth: supervisor, employeeNo: '3001', changes: {} }, 'admin')).status).toBe(400);
  });

  it('deactivates someone who left (they can no longer sign in, their records stay) and reactivates them', async () => {
    await t.call('presence.signIn', { badge: 'BADGE-1030' });
    await t.call('presence.signOut', { badge: 'BADGE-1030' });
    const off = await t.call('people.setActive', { auth: supervisor, employeeNo: '1030', active: false }, 'admin');
    expect(off.body.active).toBe(false);
    expect(await lastAudit()).toMatchObject({ action: 'people.deactivate' });
    expect((await t.call('presence.signIn', { badge: 'BADGE-1030' })).body.error.code).toBe('person_inactive');
    expect((await t.call('people.search', { query: '1030' }, 'kiosk')).body.people).toEqual([]);
    const inactive = await t.call('people.list', { status: 'inactive' }, 'admin');
    expect(inactive.body.people.map((p: any) => p.employeeNo)).toContain('1030');
    const events = await t.hub.db.get<{ n: number }>('SELECT count(*) AS n FROM presence_events WHERE person_id = (SELECT id FROM people WHERE employee_no = ?)', ['1030']);
    expect(events?.n).toBe(2);
    expect((await t.call('people.setActive', { auth: supervisor, employeeNo: '1030', active: true }, 'admin')).body.active).toBe(true);
    expect((await t.call('presence.signIn', { badge: 'BADGE-1030' })).status).toBe(200);
  });

  it('resets a PIN and lifts a lockout', async () => {
    for (let i = 0; i < 5; i++) await t.call('presence.signIn', { employeeNo: '1040', pin: '0000' });
    expect((await t.call('people.get', { employeeNo: '1040' }, 'admin')).body.lockedUntil).not.toBeNull();
    const reset = await t.call('people.resetPin', { auth: supervisor, employeeNo: '1040', pin: '24680' }, 'admin');
    expect(reset.body).toMatchObject({ hasPin: true, lockedUntil: null });
    expect(await lastAudit()).toMatchObject({ action: 'people.pin_reset' });
    expect((await t.call('presence.signIn', { employeeNo: '1040', pin: '24680' })).status).toBe(200);
  });

  it('records a training session for several people, with the expiry the site’s period after it', async () => {
    const res = await t.call('people.recordTraining', { auth: supervisor, employeeNos: ['1041', '1042', '1041'], passedOn: '2026-11-25' }, 'admin');
    expect(res.status).toBe(200);
    expect(res.body.people.map((p: any) => [p.employeeNo, p.training])).toEqual([
      ['1041', { status: 'ok', passedOn: '2026-11-25', expiresOn: '2027-11-25' }],
      ['1042', { status: 'ok', passedOn: '2026-11-25', expiresOn: '2027-11-25' }],
    ]);
    await t.call('people.recordTraining', { auth: supervisor, employeeNos: ['1041'], passedOn: '2026-11-26', expiresOn: '2026-12-10' }, 'admin');
    const one = await t.call('people.get', { employeeNo: '1041' }, 'admin');
    expect(one.body.training).toEqual({ status: 'expiring', passedOn: '2026-11-26', expiresOn: '2026-12-10' });
    expect(one.body.trainingHistory.map((h: any) => [h.passedOn, h.expiresOn, h.source, h.recordedBy])).toEqual([
      ['2026-11-26', '2026-12-10', 'admin', '1002'],
      ['2026-11-25', '2027-11-25', 'admin', '1002'],
    ]);
    const bad = await t.call('people.recordTraining', { auth: supervisor, employeeNos: ['1043', 'nobody'], passedOn: '2026-11-25' }, 'admin');
    expect(bad.body.error.code).toBe('unknown_person');
    // All or nothing: 1043 was not recorded either.
    expect((await t.call('people.get', { employeeNo: '1043' }, 'admin')).body.training.status).toBe('missing');
  });
});
