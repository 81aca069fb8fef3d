import { describe, expect, it } from 'vitest';
import { countPlan, planRoster, readRosterRow, rosterColumnOf, type RosterCells, type StoredPerson } from '../../../shared/domain/roster.js';

const today = '2026-11-26';
const row = (line: number, cells: RosterCells) => ({ line, cells });
const good: RosterCells = { employee_no: '2001', name: '王伟', team: '话务一组', role: 'staff', badge: 'B-2001', pin: '4321', training_passed_on: '2026-03-01', training_expires_on: '' };
const codes = (cells: RosterCells) => readRosterRow(row(2, cells), today).reasons.map((r) => r.code);

const stored = (p: Partial<StoredPerson> & { employeeNo: string }): StoredPerson => ({
  name: '张三',
  team: '话务一组',
  role: 'staff',
  badge: null,
  hasPin: false,
  active: true,
  trainingPassedOn: null,
  trainingExpiresOn: null,
  ...p,
});
const options = { deactivateMissing: false, today, trainingValidMonths: 12, samePin: () => false };

describe('reading a roster row', () => {
  it('takes a good row as it is, with empty cells as "not given"', () => {
    const read = readRosterRow(row(2, good), today);
    expect(read.reasons).toEqual([]);
    expect(read.record).toEqual({
      employeeNo: '2001',
      name: '王伟',
      team: '话务一组',
      role: 'staff',
      badge: 'B-2001',
      pin: '4321',
      trainingPassedOn: '2026-03-01',
      trainingExpiresOn: undefined,
      active: undefined,
    });
  });

  it('names every problem of a row, each with its own code', () => {
    expect(codes({ ...good, employee_no: '' })).toEqual(['missing_employee_no']);
    expect(codes({ ...good, employee_no: '20 01' })).toEqual(['invalid_employee_no']);
    expect(codes({ ...good, employee_no: 'x'.repeat(33) })).toEqual(['invalid_employee_no']);
    expect(codes({ ...good, name: '' })).toEqual(['missing_name']);
    expect(codes({ ...good, name: '王\n伟' })).toEqual(['invalid_name']);
    expect(codes({ ...good, name: '王'.repeat(121) })).toEqual(['invalid_name']);
    expect(codes({ ...good, team: 'a\tb' })).toEqual(['invalid_team']);
    expect(codes({ ...good, role: 'manager' })).toEqual(['invalid_role']);
    expect(codes({ ...good, badge: 'b'.repeat(129) })).toEqual(['invalid_badge']);
    expect(codes({ ...good, pin: '123' })).toEqual(['invalid_pin']);
    expect(codes({ ...good, pin: '123456789' })).toEqual(['invalid_pin']);
    expect(codes({ ...good, pin: '12a4' })).toEqual(['invalid_pin']);
    expect(codes({ ...good, training_passed_on: '2026/03/01' })).toEqual(['invalid_date']);
    expect(codes({ ...good, training_expires_on: '2026-02-30' })).toEqual(['invalid_date']);
    expect(codes({ ...good, training_passed_on: '2026-11-27' })).toEqual(['training_in_future']);
    expect(codes({ ...good, training_expires_on: '2026-02-01' })).toEqual(['expiry_before_pass']);
    expect(codes({ ...good, active: 'maybe' })).toEqual(['invalid_active']);
    expect(codes({ employee_no: '', name: '', pin: '1' })).toEqual(['missing_employee_no', 'missing_name', 'invalid_pin']);
  });

  it('reads roles and yes/no as HR files write them', () => {
    expect(readRosterRow(row(2, { ...good, role: 'Supervisor' }), today).record?.role).toBe('supervisor');
    expect(readRosterRow(row(2, { ...good, role: '消防安全员' }), today).record?.role).toBe('warden');
    for (const [cell, active] of [['1', true], ['是', true], ['在职', true], ['no', false], ['离职', false], ['0', false]] as const) {
      expect(readRosterRow(row(2, { ...good, active: cell }), today).record?.active, cell).toBe(active);
    }
    expect(rosterColumnOf('工号')).toBe('employee_no');
    expect(rosterColumnOf('training_expires_on')).toBe('training_expires_on');
    expect(rosterColumnOf('phone')).toBeUndefined();
  });
});

describe('planning an import against the stored roster', () => {
  it('adds new people, updates known ones by employee number, leaves the unchanged alone', () => {
    const roster = new Map([
      ['2001', stored({ employeeNo: '2001', name: '王伟', badge: 'B-2001', hasPin: true, trainingPassedOn: '2026-03-01', trainingExpiresOn: '2027-03-01' })],
      ['2002', stored({ employeeNo: '2002', name: '李四', team: '话务二组' })],
    ]);
    const plan = planRoster(
      [row(2, good), row(3, { employee_no: '2002', name: '李四', team: '投诉处理组' }), row(4, { employee_no: '2003', name: '陈静' })],
      roster,
      { ...options, samePin: (no) => no === '2001' },
    );
    expect(plan.rows.map((r) => [r.line, r.action, r.changes])).toEqual([
      [2, 'unchanged', []],
      [3, 'update', ['team']],
      [4, 'add', ['name', 'role']],
    ]);
    expect(plan.rows[2]!.next).toMatchObject({ team: '', role: 'staff', badge: null, active: true });
    // The same PIN as stored is no change; a different one (or a first one) is.
    const other = planRoster([row(2, good)], roster, options);
    expect(other.rows[0]).toMatchObject({ action: 'update', changes: ['pin'], pin: '4321' });
    expect(countPlan(plan)).toEqual({ rows: 3, add: 1, update: 1, unchanged: 1, deactivate: 0, rejected: 0 });
  });

  it('never erases: an empty cell or a missing column keeps what is stored', () => {
    const roster = new Map([['2001', stored({ employeeNo: '2001', name: '王伟', team: '话务一组', role: 'supervisor', badge: 'B-1', trainingPassedOn: '2026-01-01', trainingExpiresOn: '2027-01-01' })]]);
    const plan = planRoster([row(2, { employee_no: '2001', name: '王伟', team: '', badge: '', role: '' })], roster, options);
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', next: { team: '话务一组', role: 'supervisor', badge: 'B-1', trainingExpiresOn: '2027-01-01' } });
  });

  it('gives training passed without an expiry the site’s validity period; an expiry alone keeps the pass date', () => {
    const roster = new Map([['2001', stored({ employeeNo: '2001', trainingPassedOn: '2026-01-01', trainingExpiresOn: '2027-01-01' })]]);
    const passed = planRoster([row(2, { employee_no: '2001', name: '张三', training_passed_on: '2026-06-15' })], roster, options);
    expect(passed.rows[0]).toMatchObject({ changes: ['training'], next: { trainingPassedOn: '2026-06-15', trainingExpiresOn: '2027-06-15' } });
    const expiry = planRoster([row(2, { employee_no: '2001', name: '张三', training_expires_on: '2027-06-30' })], roster, options);
    expect(expiry.rows[0]!.next).toMatchObject({ trainingPassedOn: '2026-01-01', trainingExpiresOn: '2027-06-30' });
    const before = planRoster([row(2, { employee_no: '2001', name: '张三', training_expires_on: '2025-12-31' })], roster, options);
    expect(before.rejected[0]?.reasons.map((r) => r.code)).toEqual(['expiry_before_pass']);
  });

  it('rejects a later row with an employee number or badge of an earlier line, naming that line', () => {
    const plan = planRoster(
      [
        row(2, { employee_no: '2001', name: '王伟', badge: 'B-1' }),
        row(3, { employee_no: '2002', name: '李四', badge: 'B-1' }),
        row(5, { employee_no: '2001', name: '王伟（重复）' }),
        row(6, { employee_no: '2003', name: '陈静', pin: '1' }),
        row(7, { employee_no: '2003', name: '陈静' }),
      ],
      new Map(),
      options,
    );
    expect(plan.rows.map((r) => r.line)).toEqual([2]);
    expect(plan.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [3, [{ code: 'duplicate_badge', params: { line: 2 } }]],
      [5, [{ code: 'duplicate_employee_no', params: { line: 2 } }]],
      [6, [{ code: 'invalid_pin', params: {} }]],
      // The earlier row was itself rejected: the later one is still not taken for it.
      [7, [{ code: 'duplicate_employee_no', params: { line: 6 } }]],
    ]);
  });

  it('rejects a badge another person holds in the database, naming the holder; keeping one’s own badge is fine', () => {
    const roster = new Map([
      ['1001', stored({ employeeNo: '1001', badge: 'BADGE-1001' })],
      ['1002', stored({ employeeNo: '1002', badge: 'BADGE-1002' })],
    ]);
    const plan = planRoster(
      [row(2, { employee_no: '1001', name: '张三', badge: 'BADGE-1001' }), row(3, { employee_no: '2001', name: '王伟', badge: 'BADGE-1002' })],
      roster,
      options,
    );
    expect(plan.rows.map((r) => [r.line, r.action])).toEqual([[2, 'unchanged']]);
    expect(plan.rejected).toEqual([{ line: 3, employeeNo: '2001', reasons: [{ code: 'badge_taken', params: { employeeNo: '1002' } }] }]);
  });

  it('deactivates by the active column, and with deactivateMissing everyone the file does not name', () => {
    const roster = new Map([
      ['1', stored({ employeeNo: '1' })],
      ['2', stored({ employeeNo: '2' })],
      ['3', stored({ employeeNo: '3', active: false })],
      ['4', stored({ employeeNo: '4' })],
      ['5', stored({ employeeNo: '5' })],
    ]);
    const rows = [row(2, { employee_no: '1', name: '张三', active: '离职' }), row(3, { employee_no: '3', name: '张三' }), row(4, { employee_no: '5', name: '张三', pin: 'bad' })];
    const byColumn = planRoster(rows, roster, options);
    expect(byColumn.rows.map((r) => [r.employeeNo, r.action, r.next.active])).toEqual([
      ['1', 'update', false],
      ['3', 'unchanged', false],
    ]);
    expect(byColumn.deactivate).toEqual([]);
    const whole = planRoster(rows, roster, { ...options, deactivateMissing: true });
    // Listed means active (3 comes back); 2 and 4 are not listed; 5 is on a rejected line, so it is kept.
    expect(whole.rows.map((r) => [r.employeeNo, r.action, r.next.active])).toEqual([
      ['1', 'update', false],
      ['3', 'update', true],
    ]);
    expect(whole.deactivate.map((d) => d.employeeNo)).toEqual(['2', '4']);
    expect(countPlan(whole)).toMatchObject({ deactivate: 3, rejected: 1 });
  });
});
