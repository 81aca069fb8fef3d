import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectorItems } from '../../shared/domain/extinguisher-checklist.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
const signature = 'M10 10 L20 20 L30 15';
const allPass = () => Object.fromEntries(inspectorItems.map((no) => [String(no), 'pass']));

beforeAll(async () => {
  t = await startTestHub();
  t.clock.ms = Date.parse('2026-11-26T02:00:00Z'); // 10:00 in Shanghai
  const units = [
    { tag: 'FE-001', location: '3F 话务区 东侧', zone: '3F', type: 'powder', sizeKg: 4, manufacturedOn: '2022-03-01' },
    { tag: 'FE-002', location: '3F 机房', zone: '3F', type: 'co2', sizeKg: 3, manufacturedOn: '2016-02-29', lastRepairOn: '2024-12-01' },
    { tag: 'FE-003', location: '1F 大堂', zone: '1F', type: 'water', sizeKg: 6, manufacturedOn: '2020-01-10', halfMonthly: true },
  ];
  for (const unit of units) expect((await t.call('extinguisher.save', unit, 'warden')).status).toBe(200);
});
afterAll(async () => t.stop());

const unit = async (tag: string) => (await t.call('extinguisher.get', { tag }, 'warden')).body;

describe('the registry', () => {
  it('lists units with dates derived from the rule table, and the rule source', async () => {
    const { body } = await t.call('extinguisher.list', {}, 'warden');
    expect(body.today).toBe('2026-11-26');
    const byTag = Object.fromEntries(body.units.map((u: { tag: string }) => [u.tag, u]));
    expect(byTag['FE-001']).toMatchObject({ nextRepairOn: '2027-03-01', scrapOn: '2032-03-01', lifeStatus: 'ok', checkStatus: 'due', ruleSource: expect.stringMatching(/GB 50444/) });
    expect(byTag['FE-002']).toMatchObject({ nextRepairOn: '2026-12-01', scrapOn: '2028-02-29', lifeStatus: 'ok' });
    expect(byTag['FE-003']).toMatchObject({ nextRepairOn: '2023-01-10', scrapOn: '2026-01-10', lifeStatus: 'scrap_due' });
  });

  it('refuses impossible units and leaves the registry unchanged', async () => {
    const future = await t.call('extinguisher.save', { tag: 'FE-900', location: 'x', type: 'powder', sizeKg: 4, manufacturedOn: '2027-01-01' }, 'warden');
    expect(future.status).toBe(400);
    const before = await t.call('extinguisher.save', { tag: 'FE-901', location: 'x', type: 'powder', sizeKg: 4, manufacturedOn: '2022-01-01', lastRepairOn: '2021-01-01' }, 'warden');
    expect(before.status).toBe(400);
    const badType = await t.call('extinguisher.save', { tag: 'FE-902', location: 'x', type: 'halon', sizeKg: 4, manufacturedOn: '2022-01-01' }, 'warden');
    expect(badType.status).toBe(400);
    expect((await t.call('extinguisher.list', {}, 'warden')).body.units).toHaveLength(3);
  });

  it('a display or a kiosk cannot see or change the registry', async () => {
    expect((await t.call('extinguisher.list', {}, 'display')).status).toBe(403);
    expect((await t.call('extinguisher.save', { tag: 'FE-1', location: 'x', type: 'powder', sizeKg: 4, manufacturedOn: '2022-01-01' }, 'kiosk')).status).toBe(403);
  });
});

describe('the monthly check', () => {
  it('all OK marks the period done and records the rule set', async () => {
    const res = await t.call('extinguisher.check', { tag: 'FE-001', results: allPass(), gauge: 'green', inspectorEmployeeNo: '1003', signature }, 'warden');
    expect(res.status).toBe(200);
    expect(res.body.hazardsOpened).toEqual([]);
    expect(res.body.unit.checkStatus).toBe('done');
    const got = await unit('FE-001');
    expect(got.lastCheck).toMatchObject({ checkedOn: '2026-11-26', inspector: { employeeNo: '1003' }, ruleSet: expect.stringMatching(/GB 50444-2008 App\. C/) });
    expect(got.lastCheck.results['6']).toBe('pass');
  });

  it('refuses an incomplete check, naming the missing items', async () => {
    const results = allPass();
    delete results['9'];
    delete results['12'];
    const res = await t.call('extinguisher.check', { tag: 'FE-001', results, gauge: 'green', inspectorEmployeeNo: '1003', signature }, 'warden', { 'Accept-Language': 'en' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/items 9, 12/);
  });

  it('a failed item opens a hazard once; the engine fails items 6 and 7 for a unit past its scrap date', async () => {
    const results = { ...allPass(), '9': 'fail' };
    const first = await t.call('extinguisher.check', { tag: 'FE-003', results, gauge: 'green', inspectorEmployeeNo: '1003', signature }, 'warden');
    expect(first.body.hazardsOpened).toHaveLength(3); // item 9, and items 6 and 7 from the engine
    const again = await t.call('extinguisher.check', { tag: 'FE-003', results, gauge: 'green', inspectorEmployeeNo: '1003', signature }, 'warden');
    expect(again.body.hazardsOpened).toEqual([]);
    const got = await unit('FE-003');
    expect(got.openHazards.map((h: { itemNo: number }) => h.itemNo).sort()).toEqual([6, 7, 9]);
    expect(got.unit.openHazards).toBe(3);
  });

  it('a red gauge fails item 17', async () => {
    const res = await t.call('extinguisher.check', { tag: 'FE-002', results: allPass(), gauge: 'red', inspectorEmployeeNo: '1003', signature }, 'warden');
    expect(res.body.hazardsOpened).toHaveLength(1);
    expect((await unit('FE-002')).openHazards[0]).toMatchObject({ itemNo: 17, location: '3F 机房', extinguisherTag: 'FE-002' });
  });

  it('the department head co-signs the round with a PIN; a staff PIN may not', async () => {
    const staff = await t.call('extinguisher.cosign', { month: '2026-11', employeeNo: '1020', pin: '1234', signature }, 'warden');
    expect(staff.status).toBe(403);
    const head = await t.call('extinguisher.cosign', { month: '2026-11', employeeNo: '1004', pin: '1234', signature }, 'warden');
    expect(head.status).toBe(200);
    expect(head.body.checks).toBe(4); // FE-001 once, FE-003 twice, FE-002 once; the refused one is not a check
  });
});

describe('hazard rectification', () => {
  let id: number;
  it('from the kiosk, anyone reports; a plan with a deadline; overdue after the deadline', async () => {
    const reported = await t.call('hazard.report', { description: '安全出口被纸箱堵住', location: '3F 东侧安全出口' }, 'kiosk');
    expect(reported.status).toBe(200);
    id = reported.body.id;
    expect(reported.body).toMatchObject({ source: 'kiosk', status: 'open', overdue: false });
    const planned = await t.call('hazard.plan', { hazardId: id, responsible: '张伟', measures: '清理纸箱，划定禁放区', funding: '无', deadline: '2026-11-28', interimSafeguard: '专人值守' }, 'warden');
    expect(planned.body).toMatchObject({ status: 'in_progress', plan: { deadline: '2026-11-28' }, overdue: false });
    t.clock.advance(3 * 24 * 60 * 60_000);
    const list = (await t.call('hazard.list', {}, 'warden')).body.hazards;
    expect(list[0]).toMatchObject({ id, overdue: true });
  });

  it('fixed by one person, verified by another; the same person cannot verify their own fix', async () => {
    const fixed = await t.call('hazard.fix', { hazardId: id, employeeNo: '1003', pin: '1234', note: '已清理' }, 'warden');
    expect(fixed.body).toMatchObject({ status: 'fixed', overdue: false });
    const self = await t.call('hazard.verify', { hazardId: id, employeeNo: '1003', pin: '1234' }, 'warden');
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('verifier_must_differ');
    const verified = await t.call('hazard.verify', { hazardId: id, employeeNo: '1002', pin: '1234' }, 'warden');
    expect(verified.body).toMatchObject({ status: 'verified', verifiedBy: expect.any(String) });
    const again = await t.call('hazard.fix', { hazardId: id, employeeNo: '1003', pin: '1234' }, 'warden');
    expect(again.status).toBe(409);
  });

  it('the dashboard counts units and hazards for this period', async () => {
    const body = (await t.call('extinguisher.dashboard', {}, 'warden')).body;
    expect(body).toMatchObject({ total: 3, checked: 3, scrapDue: 1, hazardsOpen: 4 });
  });
});
