/**
 * The roster import's rules, free of files and storage: which columns a roster has, what makes a
 * row valid, and what importing a file would change. Pure: runs anywhere.
 *
 * - Columns are found by header name in any order; Chinese headers as HR systems write them work too.
 *   `employee_no` and `name` are required; every other column is optional.
 * - An empty cell, or a column the file does not have, leaves the stored value as it is (a new person
 *   gets none): a file never erases anything. Erasing is done one person at a time in people admin.
 * - Leaving: an `active` column (1/0, yes/no, 在职/离职 …) deactivates or reactivates a person; with
 *   `deactivateMissing` the file is the whole roster, so everyone it lists is active and every active
 *   person it does not list is deactivated. Nobody is ever deleted.
 * - A row never overwrites another row of the same file: a later row with an employee number or
 *   badge seen on an earlier line is rejected, naming that line. A badge held by another person in
 *   the database is rejected too, naming its holder.
 * - Training passed without an expiry date expires the site's validity period later.
 */
import { limits } from '../contract/common.js';
import { personRoles, type PersonRole } from '../contract/roles.js';
import { isIsoDay } from './time.js';
import { expiryFor } from './training.js';

export const rosterColumns = ['employee_no', 'name', 'team', 'role', 'badge', 'pin', 'training_passed_on', 'training_expires_on', 'active'] as const;
export type RosterColumn = (typeof rosterColumns)[number];
export const requiredRosterColumns: readonly RosterColumn[] = ['employee_no', 'name'];

// Headers arrive normalised (lower case, spaces and dashes as `_`).
const headerAliases: Record<string, RosterColumn> = {
  employeeno: 'employee_no',
  employee_number: 'employee_no',
  工号: 'employee_no',
  员工编号: 'employee_no',
  员工工号: 'employee_no',
  姓名: 'name',
  班组: 'team',
  组别: 'team',
  小组: 'team',
  团队: 'team',
  角色: 'role',
  工牌: 'badge',
  工牌号: 'badge',
  卡号: 'badge',
  密码: 'pin',
  培训日期: 'training_passed_on',
  培训通过日期: 'training_passed_on',
  安全培训日期: 'training_passed_on',
  培训有效期: 'training_expires_on',
  培训有效期至: 'training_expires_on',
  培训到期日: 'training_expires_on',
  在职: 'active',
  是否在职: 'active',
  状态: 'active',
};

export function rosterColumnOf(header: string): RosterColumn | undefined {
  return (rosterColumns as readonly string[]).includes(header) ? (header as RosterColumn) : headerAliases[header];
}

const roleAliases: Record<string, PersonRole> = {
  员工: 'staff',
  坐席: 'staff',
  主管: 'supervisor',
  班组长: 'supervisor',
  消防安全员: 'warden',
  安全员: 'warden',
  管理员: 'admin',
  部门负责人: 'admin',
};

const yes = new Set(['1', 'y', 'yes', 'true', 'active', '是', '在职']);
const no = new Set(['0', 'n', 'no', 'false', 'inactive', 'left', '否', '离职']);

export const rosterReasonCodes = [
  'missing_employee_no',
  'invalid_employee_no',
  'missing_name',
  'invalid_name',
  'invalid_team',
  'invalid_role',
  'invalid_badge',
  'invalid_pin',
  'invalid_date',
  'training_in_future',
  'expiry_before_pass',
  'invalid_active',
  'duplicate_employee_no',
  'duplicate_badge',
  'badge_taken',
  'changed_meanwhile',
] as const;
export type RosterReasonCode = (typeof rosterReasonCodes)[number];

export interface RosterReason {
  code: RosterReasonCode;
  params: Record<string, string | number>;
}

/** A row's cells by column; a column the file does not have is absent. */
export type RosterCells = Partial<Record<RosterColumn, string>>;

export interface RosterRowInput {
  /** The row's line in the file (1 = the header). */
  line: number;
  cells: RosterCells;
}

/** A valid row's values; `undefined` means "not given: keep what is stored". */
export interface RosterRecord {
  employeeNo: string;
  name: string;
  team?: string;
  role?: PersonRole;
  badge?: string;
  pin?: string;
  trainingPassedOn?: string;
  trainingExpiresOn?: string;
  active?: boolean;
}

const employeeNoPattern = /^[A-Za-z0-9_-]+$/;
const controlChars = /\p{Cc}/u;
const fits = (value: string, max: number) => value.length <= max && !controlChars.test(value);

/** Reads one row: its values, or why it cannot be imported (every reason, not just the first). */
export function readRosterRow(
  row: RosterRowInput,
  today: string,
): { record: RosterRecord | null; employeeNo: string | null; badge: string | null; reasons: RosterReason[] } {
  const reasons: RosterReason[] = [];
  const reject = (code: RosterReasonCode, params: Record<string, string | number> = {}) => reasons.push({ code, params });
  const cell = (column: RosterColumn) => row.cells[column]?.trim() ?? '';
  const given = (column: RosterColumn) => (cell(column) === '' ? undefined : cell(column));

  const employeeNoCell = cell('employee_no');
  let employeeNo: string | null = null;
  if (employeeNoCell === '') reject('missing_employee_no');
  else if (employeeNoCell.length > limits.employeeNo || !employeeNoPattern.test(employeeNoCell)) reject('invalid_employee_no', { value: employeeNoCell.slice(0, 40) });
  else employeeNo = employeeNoCell;

  const name = cell('name');
  if (name === '') reject('missing_name');
  else if (!fits(name, limits.shortText)) reject('invalid_name');

  const team = given('team');
  if (team !== undefined && !fits(team, limits.shortText)) reject('invalid_team');

  let role: PersonRole | undefined;
  const roleCell = given('role');
  if (roleCell !== undefined) {
    const lower = roleCell.toLowerCase();
    role = (personRoles as readonly string[]).includes(lower) ? (lower as PersonRole) : roleAliases[roleCell];
    if (!role) reject('invalid_role', { value: roleCell.slice(0, 40) });
  }

  let badge: string | null = null;
  const badgeCell = given('badge');
  if (badgeCell !== undefined) {
    if (fits(badgeCell, limits.badge)) badge = badgeCell;
    else reject('invalid_badge');
  }

  const pin = given('pin');
  if (pin !== undefined && !/^\d{4,8}$/.test(pin)) reject('invalid_pin');

  const date = (column: 'training_passed_on' | 'training_expires_on') => {
    const value = given(column);
    if (value !== undefined && !isIsoDay(value)) {
      reject('invalid_date', { column, value: value.slice(0, 40) });
      return undefined;
    }
    return value;
  };
  const trainingPassedOn = date('training_passed_on');
  const trainingExpiresOn = date('training_expires_on');
  if (trainingPassedOn && trainingPassedOn > today) reject('training_in_future', { value: trainingPassedOn });
  if (trainingPassedOn && trainingExpiresOn && trainingExpiresOn < trainingPassedOn) reject('expiry_before_pass');

  let active: boolean | undefined;
  const activeCell = given('active');
  if (activeCell !== undefined) {
    const lower = activeCell.toLowerCase();
    if (yes.has(lower)) active = true;
    else if (no.has(lower)) active = false;
    else reject('invalid_active', { value: activeCell.slice(0, 40) });
  }

  const record =
    reasons.length === 0 && employeeNo
      ? { employeeNo, name, team, role, badge: badge ?? undefined, pin, trainingPassedOn, trainingExpiresOn, active }
      : null;
  return { record, employeeNo, badge, reasons };
}

/** A person as stored, as far as the roster is concerned. */
export interface StoredPerson {
  employeeNo: string;
  name: string;
  team: string;
  role: PersonRole;
  badge: string | null;
  hasPin: boolean;
  active: boolean;
  trainingPassedOn: string | null;
  trainingExpiresOn: string | null;
}

export interface PersonState {
  name: string;
  team: string;
  role: PersonRole;
  badge: string | null;
  active: boolean;
  trainingPassedOn: string | null;
  trainingExpiresOn: string | null;
}

export const rosterFields = ['name', 'team', 'role', 'badge', 'pin', 'training', 'active'] as const;
export type RosterField = (typeof rosterFields)[number];

export interface PlannedRow {
  line: number;
  employeeNo: string;
  action: 'add' | 'update' | 'unchanged';
  changes: RosterField[];
  next: PersonState;
  /** The PIN to set (hashed before storing); null when the PIN stays as it is. Never leaves the hub. */
  pin: string | null;
}

export interface RejectedRow {
  line: number;
  employeeNo: string | null;
  reasons: RosterReason[];
}

export interface RosterPlan {
  rows: PlannedRow[];
  rejected: RejectedRow[];
  /** Active people the file does not list, deactivated when the file is the whole roster. */
  deactivate: Array<{ employeeNo: string; name: string }>;
}

export interface RosterOptions {
  deactivateMissing: boolean;
  /** The site's calendar day (training passed after it is refused). */
  today: string;
  trainingValidMonths: number;
  /** Whether the PIN in a row is the one the person already has (checked against the stored hash). */
  samePin(employeeNo: string): boolean;
}

/** What importing these rows would do to the stored roster. */
export function planRoster(rows: readonly RosterRowInput[], stored: ReadonlyMap<string, StoredPerson>, options: RosterOptions): RosterPlan {
  const lineOfEmployeeNo = new Map<string, number>();
  const lineOfBadge = new Map<string, number>();
  const holderOfBadge = new Map<string, string>();
  for (const person of stored.values()) if (person.badge) holderOfBadge.set(person.badge, person.employeeNo);

  const plan: RosterPlan = { rows: [], rejected: [], deactivate: [] };
  for (const row of rows) {
    const read = readRosterRow(row, options.today);
    const reasons = [...read.reasons];
    if (read.employeeNo) {
      const earlier = lineOfEmployeeNo.get(read.employeeNo);
      if (earlier !== undefined) reasons.push({ code: 'duplicate_employee_no', params: { line: earlier } });
      else lineOfEmployeeNo.set(read.employeeNo, row.line);
    }
    if (read.badge) {
      const earlier = lineOfBadge.get(read.badge);
      if (earlier !== undefined) reasons.push({ code: 'duplicate_badge', params: { line: earlier } });
      else lineOfBadge.set(read.badge, row.line);
      const holder = holderOfBadge.get(read.badge);
      if (holder !== undefined && holder !== read.employeeNo) reasons.push({ code: 'badge_taken', params: { employeeNo: holder } });
    }
    const planned = reasons.length === 0 && read.record ? planRow(row.line, read.record, stored.get(read.record.employeeNo), options) : null;
    if (planned && 'action' in planned) plan.rows.push(planned);
    else plan.rejected.push({ line: row.line, employeeNo: read.employeeNo, reasons: planned ? [planned] : reasons });
  }

  if (options.deactivateMissing) {
    // Anyone named on any line, valid or not, is protected: a typo must not deactivate a person.
    for (const person of stored.values()) {
      if (person.active && !lineOfEmployeeNo.has(person.employeeNo)) plan.deactivate.push({ employeeNo: person.employeeNo, name: person.name });
    }
    plan.deactivate.sort((a, b) => (a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0));
  }
  return plan;
}

function planRow(line: number, record: RosterRecord, current: StoredPerson | undefined, options: RosterOptions): PlannedRow | RosterReason {
  let passed = current?.trainingPassedOn ?? null;
  let expires = current?.trainingExpiresOn ?? null;
  if (record.trainingPassedOn) {
    passed = record.trainingPassedOn;
    expires = expiryFor(record.trainingPassedOn, record.trainingExpiresOn, options.trainingValidMonths);
  } else if (record.trainingExpiresOn) {
    expires = record.trainingExpiresOn;
  }
  // Only an expiry in the file, against the pass date already stored.
  if (passed && expires && expires < passed) return { code: 'expiry_before_pass', params: {} };

  const next: PersonState = {
    name: record.name,
    team: record.team ?? current?.team ?? '',
    role: record.role ?? current?.role ?? 'staff',
    badge: record.badge ?? current?.badge ?? null,
    active: record.active ?? (options.deactivateMissing ? true : (current?.active ?? true)),
    trainingPassedOn: passed,
    trainingExpiresOn: expires,
  };
  const pinChanges = record.pin !== undefined && !(current?.hasPin && options.samePin(record.employeeNo));
  const pin = pinChanges ? record.pin! : null;
  if (!current) {
    const changes = rosterFields.filter((field) => field === 'name' || (field === 'pin' ? pin !== null : field === 'active' ? !next.active : hasValue(next, field)));
    return { line, employeeNo: record.employeeNo, action: 'add', changes, next, pin };
  }
  const changes: RosterField[] = [];
  if (next.name !== current.name) changes.push('name');
  if (next.team !== current.team) changes.push('team');
  if (next.role !== current.role) changes.push('role');
  if (next.badge !== current.badge) changes.push('badge');
  if (pin !== null) changes.push('pin');
  if (next.trainingPassedOn !== current.trainingPassedOn || next.trainingExpiresOn !== current.trainingExpiresOn) changes.push('training');
  if (next.active !== current.active) changes.push('active');
  return { line, employeeNo: record.employeeNo, action: changes.length ? 'update' : 'unchanged', changes, next, pin };
}

function hasValue(state: PersonState, field: RosterField): boolean {
  switch (field) {
    case 'team':
      return state.team !== '';
    case 'role':
      return true;
    case 'badge':
      return state.badge !== null;
    case 'training':
      return state.trainingPassedOn !== null || state.trainingExpiresOn !== null;
    default:
      return false;
  }
}

export interface RosterCounts {
  rows: number;
  add: number;
  update: number;
  unchanged: number;
  deactivate: number;
  rejected: number;
}

export function countPlan(plan: RosterPlan): RosterCounts {
  const by = (action: PlannedRow['action']) => plan.rows.filter((r) => r.action === action).length;
  const deactivatedByRow = plan.rows.filter((r) => r.changes.includes('active') && !r.next.active && r.action === 'update').length;
  return {
    rows: plan.rows.length + plan.rejected.length,
    add: by('add'),
    update: by('update'),
    unchanged: by('unchanged'),
    deactivate: plan.deactivate.length + deactivatedByRow,
    rejected: plan.rejected.length,
  };
}
