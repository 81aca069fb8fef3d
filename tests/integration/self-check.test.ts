import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAppearanceChecklist } from '../../shared/domain/checklist.js';
import { startTestHub, type TestHub } from '../support/hub.js';

// The clock starts at 2026-11-26 09:00 in Shanghai; the daily close is at 03:00.
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const en = { 'Accept-Language': 'en' };
const supervisor = { employeeNo: '1002', pin: '1234' };
const submit = (input: Record<string, unknown>, role: 'kiosk' | 'warden' = 'kiosk') =>
  t.call('appearance.submit', { checklistVersion: 1, flagged: [], ...input }, role, en);

describe('after a sign-in at the start of a shift, the kiosk goes on to the self-check', () => {
  it('the first sign-in of the day starts a shift and carries a one-time ticket for the self-check', async () => {
    const res = await t.call('presence.signIn', { badge: 'BADGE-1101' });
    expect(res.body).toMatchObject({ shiftStart: true, selfCheckDue: true });
    expect(res.body.selfCheckTicket).toEqual({ ticket: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/), expiresAt: '2026-11-26T01:10:00.000Z' });

    const list = await t.call('checklist.current', {}, 'kiosk');
    expect(list.body).toMatchObject({ version: 1, items: defaultAppearanceChecklist });

    const check = await submit({ ticket: res.body.selfCheckTicket.ticket, flagged: ['light-make-up'], note: '今天没化妆' });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ passed: true, requiredFlagged: 0, queued: false, person: { employeeNo: '1101' } });
    // Once only.
    const again = await submit({ ticket: res.body.selfCheckTicket.ticket });
    expect(again.status).toBe(410);
    expect(again.body.error).toMatchObject({ code: 'self_check_ticket_invalid', message: 'This self-check has timed out. Please enter your employee number and PIN to submit it.' });
  });

  it('back after lunch with the check done: no new shift, nothing due, no ticket', async () => {
    t.clock.advance(3 * 60 * 60_000);
    await t.call('presence.signOut', { badge: 'BADGE-1101' });
    t.clock.advance(60 * 60_000);
    const res = await t.call('presence.signIn', { badge: 'BADGE-1101' });
    expect(res.body).toMatchObject({ shiftStart: false, selfCheckDue: false, selfCheckTicket: null });
  });

  it('skipped in the morning: due again at the next sign-in of the day', async () => {
    const first = await t.call('presence.signIn', { badge: 'BADGE-1102' });
    expect(first.body.selfCheckDue).toBe(true);
    await t.call('presence.signOut', { badge: 'BADGE-1102' });
    const second = await t.call('presence.signIn', { badge: 'BADGE-1102' });
    expect(second.body).toMatchObject({ shiftStart: false, selfCheckDue: true, selfCheckTicket: { ticket: expect.any(String) } });
  });

  it('a ticket is worthless on another device or after ten minutes; the PIN still works', async () => {
    const res = await t.call('presence.signIn', { badge: 'BADGE-1103' });
    const ticket = res.body.selfCheckTicket.ticket;
    expect((await submit({ ticket }, 'warden')).body.error.code).toBe('self_check_ticket_invalid');
    t.clock.advance(10 * 60_000);
    expect((await submit({ ticket })).body.error.code).toBe('self_check_ticket_invalid');
    const byPin = await submit({ employeeNo: '1103', pin: '1234', flagged: ['badge-worn'] });
    expect(byPin.body).toMatchObject({ passed: false, requiredFlagged: 1, queued: true });
    const wrong = await submit({ employeeNo: '1103', pin: '0000' });
    expect(wrong.body.error.code).toBe('wrong_pin');
    expect((await submit({ ticket, employeeNo: '1103', pin: '1234' })).status).toBe(400);
  });

  it('the next site day begins at the daily close: due again', async () => {
    t.clock.ms = Date.parse('2026-11-26T18:59:00Z'); // 02:58 on the 27th: still the 26th's site day
    await t.call('presence.signOut', { badge: 'BADGE-1101' });
    expect((await t.call('presence.signIn', { badge: 'BADGE-1101' })).body).toMatchObject({ shiftStart: false, selfCheckDue: false });
    await t.call('presence.signOut', { badge: 'BADGE-1101' });
    t.clock.ms = Date.parse('2026-11-27T01:00:00Z'); // 09:00 on the 27th
    expect((await t.call('presence.signIn', { badge: 'BADGE-1101' })).body).toMatchObject({ shiftStart: true, selfCheckDue: true });
  });
});

describe('the checklist is versioned', () => {
  it('an edit makes a new version; a check records the version it used; unknown items and versions are refused', async () => {
    const items = defaultAppearanceChecklist.map((i) => (i.id === 'nails-short' ? { ...i, label: { 'zh-CN': '指甲短、无美甲', en: 'Nails short, no nail art' } } : i));
    items.push({ id: 'no-food', group: 'other', label: { 'zh-CN': '不带食物进入工作区', en: 'No food at the desk' }, required: true });
    expect((await t.call('checklist.update', { auth: { employeeNo: '1020', pin: '1234' }, items }, 'admin')).body.error.code).toBe('supervisor_pin_required');
    const saved = await t.call('checklist.update', { auth: supervisor, items }, 'admin');
    expect(saved.body).toMatchObject({ created: true, checklist: { version: 2 } });
    expect((await t.call('checklist.update', { auth: supervisor, items }, 'admin')).body).toMatchObject({ created: false, checklist: { version: 2 } });
    const twice = await t.call('checklist.update', { auth: supervisor, items: [...items, items[0]] }, 'admin', en);
    expect(twice.body.error).toMatchObject({ code: 'duplicate_checklist_item', message: 'Each checklist item needs its own id; used more than once: uniform-clean.' });
    expect((await t.call('checklist.current', {}, 'kiosk')).body.items.at(-1).id).toBe('no-food');

    // A kiosk that still shows version 1 may submit against it; the new item is not on version 1.
    expect((await submit({ employeeNo: '1104', pin: '1234', flagged: ['no-food'] })).body.error).toMatchObject({ code: 'unknown_checklist_item', message: 'Not on this checklist: no-food.' });
    expect((await submit({ employeeNo: '1104', pin: '1234', checklistVersion: 3 })).body.error.code).toBe('unknown_checklist_version');
    const v2 = await submit({ employeeNo: '1104', pin: '1234', checklistVersion: 2, flagged: ['no-food', 'nails-short'], note: '带了早餐' });
    expect(v2.body).toMatchObject({ passed: false, requiredFlagged: 2 });
    const stored = await t.hub.db.get<{ version: number }>('SELECT l.version FROM appearance_checks c JOIN checklists l ON l.id = c.checklist_id WHERE c.id = ?', [v2.body.checkId]);
    expect(stored?.version).toBe(2);
  });
});

describe('the supervisor’s review queue', () => {
  it('lists failed checks with the flagged items as their version worded them; resolving records what was done, once', async () => {
    const queue = await t.call('appearance.reviewQueue', {}, 'admin');
    expect(queue.body.open).toBe(2);
    expect(queue.body.items.map((i: any) => [i.person.employeeNo, i.checklistVersion, i.flagged.map((f: any) => f.id)])).toEqual([
      ['1104', 2, ['no-food', 'nails-short']],
      ['1103', 1, ['badge-worn']],
    ]);
    const newest = queue.body.items[0];
    expect(newest.flagged[1].label.en).toBe('Nails short, no nail art');
    expect(newest).toMatchObject({ note: '带了早餐', passed: false, resolution: null });

    const resolved = await t.call('appearance.resolve', { auth: supervisor, checkId: newest.checkId, action: 'corrected_on_site', note: '已放回储物柜' }, 'admin');
    expect(resolved.body.resolution).toEqual({ action: 'corrected_on_site', note: '已放回储物柜', at: new Date(t.clock.now()).toISOString(), by: { employeeNo: '1002', name: expect.any(String) } });
    const twice = await t.call('appearance.resolve', { auth: supervisor, checkId: newest.checkId, action: 'reminded' }, 'admin', en);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('This self-check has already been dealt with.');
    expect((await t.call('appearance.resolve', { auth: supervisor, checkId: 99999, action: 'reminded' }, 'admin')).body.error.code).toBe('unknown_check');
    expect((await t.call('appearance.resolve', { auth: supervisor, checkId: newest.checkId, action: 'ignored' }, 'admin')).status).toBe(400);

    const after = await t.call('appearance.reviewQueue', { status: 'open' }, 'admin');
    expect([after.body.open, after.body.items.map((i: any) => i.person.employeeNo)]).toEqual([1, ['1103']]);
    expect((await t.call('appearance.reviewQueue', { status: 'resolved' }, 'admin')).body.items.map((i: any) => i.checkId)).toEqual([newest.checkId]);
    const audit = await t.hub.db.all<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'appearance.%' ORDER BY seq");
    expect(audit.map((a) => a.action)).toEqual(['appearance.check', 'appearance.check', 'appearance.check', 'appearance.resolved']);
    expect((await t.call('appearance.reviewQueue', {}, 'kiosk')).status).toBe(403);
  });
});

describe('screens that show self-checks hear of each one', () => {
  it('a check submitted and one resolved are announced once each, without who or what; a refused one is not', async () => {
    const heard: unknown[] = [];
    const off = t.hub.events.subscribe((event) => event.name === 'appearance.changed' && heard.push(event.payload));
    try {
      const refused = await submit({ employeeNo: '1105', pin: '0000', flagged: ['badge-worn'] });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'wrong_pin']);
      expect(heard).toEqual([]);

      const check = await submit({ employeeNo: '1105', pin: '1234', flagged: ['badge-worn'] });
      expect(check.status).toBe(200);
      const at = new Date(t.clock.now()).toISOString();
      expect(heard).toEqual([{ checkId: check.body.checkId, change: 'checked', at }]);

      t.clock.advance(60_000);
      const resolved = await t.call('appearance.resolve', { auth: supervisor, checkId: check.body.checkId, action: 'reminded', note: '' }, 'admin');
      expect(resolved.status).toBe(200);
      // Already dealt with: refused, and nothing to announce.
      expect((await t.call('appearance.resolve', { auth: supervisor, checkId: check.body.checkId, action: 'reminded' }, 'admin')).status).toBe(409);
      expect(heard).toEqual([
        { checkId: check.body.checkId, change: 'checked', at },
        { checkId: check.body.checkId, change: 'resolved', at: new Date(t.clock.now()).toISOString() },
      ]);
    } finally {
      off();
    }
  });
});
