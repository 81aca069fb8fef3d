import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuditChain } from '../../electron/hub/db/stores/audit.js';
import { gbk } from '../support/gbk.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(async () => t.stop());

const supervisor = { employeeNo: '1002', pin: '1234' };
const file = (text: string) => ({ base64: Buffer.from(text).toString('base64') });
const en = { 'Accept-Language': 'en' };
const zh = { 'Accept-Language': 'zh-CN' };
const counts = () =>
  t.hub.db.get<{ people: number; audit: number; active: number }>(
    'SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM people WHERE active = 1) AS active',
  );
const person = (employeeNo: string) =>
  t.hub.db.get<{ name: string; team: string; role: string; badge: string | null; pin_hash: string | null; active: number; training_passed_on: string | null; training_expires_on: string | null }>(
    'SELECT * FROM people WHERE employee_no = ?',
    [employeeNo],
  );

// Shuffled columns, a column the roster does not know, Chinese names, quoted commas, and bad rows of every kind.
const mixed = [
  'name,employee_no,team,role,badge,pin,training_passed_on,training_expires_on,phone',
  '王伟,2001,"话务一组, 早班",staff,B-2001,4321,2026-03-01,,13800000000',
  '李四,2002,投诉处理组,supervisor,B-2002,,2026-01-10,2027-01-10,',
  '陈静,2003,,manager,,,,,',
  ',2004,话务一组,staff,,,,,',
  '赵六,2005,话务一组,staff,,12,,,',
  '孙七,2006,话务一组,staff,,,2026-13-01,,',
  '周八,2001,话务一组,staff,,,,,',
  '吴九,2007,话务一组,staff,B-2001,,,,',
  '郑十,2008,话务一组,staff,BADGE-1005,,,,',
  '"钱, 十一",1001,话务一组,staff,BADGE-1001,,,,',
  '冯十二,20 09,,,,,,,',
].join('\r\n');

const rejectedLines = [4, 5, 6, 7, 8, 9, 10, 12];

describe('roster import from the admin screen', () => {
  it('previews what would change and every rejected line with its reason, changing nothing', async () => {
    const before = await counts();
    const res = await t.call('roster.preview', { csv: file(mixed) }, 'admin', en);
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report).toMatchObject({ applied: false, encoding: 'utf-8', ignoredColumns: ['phone'] });
    expect(report.counts).toEqual({ rows: 11, add: 2, update: 1, unchanged: 0, deactivate: 0, rejected: 8 });
    expect(report.rows.map((r: any) => [r.line, r.employeeNo, r.action])).toEqual([
      [2, '2001', 'add'],
      [3, '2002', 'add'],
      [11, '1001', 'update'],
    ]);
    expect(report.rows[2].changes).toEqual(['name']);
    expect(report.rejected.map((r: any) => [r.line, r.reasons.map((x: any) => x.code)])).toEqual([
      [4, ['invalid_role']],
      [5, ['missing_name']],
      [6, ['invalid_pin']],
      [7, ['invalid_date']],
      [8, ['duplicate_employee_no']],
      [9, ['duplicate_badge']],
      [10, ['badge_taken']],
      [12, ['invalid_employee_no']],
    ]);
    const line = (n: number) => report.rejected.find((r: any) => r.line === n);
    expect(line(8).message).toBe('This employee number already appears on line 2 of this file; this line was not imported.');
    expect(line(10).message).toBe('This badge already belongs to employee 1005.');
    expect(line(4).message).toMatch(/"manager" is not one of staff, supervisor, warden or admin/);
    expect(await counts()).toEqual(before);
  });

  it('says the same in Chinese for a Chinese screen', async () => {
    const res = await t.call('roster.preview', { csv: file(mixed) }, 'admin', zh);
    const line = (n: number) => res.body.rejected.find((r: any) => r.line === n);
    expect(line(8).message).toBe('该工号已出现在本文件第 2 行，此行未导入。');
    expect(line(6).message).toBe('密码必须是 4 到 8 位数字。');
    expect(line(7).message).toBe('training_passed_on 中的日期“2026-13-01”无效，应为 YYYY-MM-DD 格式。');
  });

  it('needs the PIN of a supervisor or admin to import: a staff PIN or a wrong one changes nothing', async () => {
    const before = await counts();
    const staff = await t.call('roster.import', { csv: file(mixed), auth: { employeeNo: '1020', pin: '1234' } }, 'admin', en);
    expect(staff.status).toBe(403);
    expect(staff.body.error).toMatchObject({ code: 'supervisor_pin_required', message: 'This needs the PIN of a supervisor or the department head.' });
    const wrong = await t.call('roster.import', { csv: file(mixed), auth: { employeeNo: '1002', pin: '9999' } }, 'admin');
    expect(wrong.body.error.code).toBe('wrong_pin');
    expect((await t.call('roster.import', { csv: file(mixed), auth: supervisor }, 'kiosk')).status).toBe(403);
    expect((await counts())!.people).toBe(before!.people);
  });

  it('imports exactly the valid rows, hashes their PINs, audits each person, and names every bad line', async () => {
    const before = (await counts())!;
    const res = await t.call('roster.import', { csv: file(mixed), auth: supervisor }, 'admin', en);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
    expect(res.body.counts).toMatchObject({ add: 2, update: 1, rejected: 8 });
    expect(res.body.rejected.map((r: any) => r.line)).toEqual(rejectedLines);

    const after = (await counts())!;
    expect(after.people).toBe(before.people + 2);
    // One entry per person written, and one for the import itself.
    const audited = await t.hub.db.all<{ action: string; n: number }>(
      "SELECT action, count(*) AS n FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - ? AND action IN ('people.import_add', 'people.import_update', 'roster.import') GROUP BY action ORDER BY action",
      [after.audit - before.audit],
    );
    expect(audited).toEqual([
      { action: 'people.import_add', n: 2 },
      { action: 'people.import_update', n: 1 },
      { action: 'roster.import', n: 1 },
    ]);
    expect(await checkAuditChain(t.hub.db)).toMatchObject({ ok: true });

    expect(await person('2001')).toMatchObject({ name: '王伟', team: '话务一组, 早班', role: 'staff', badge: 'B-2001', training_passed_on: '2026-03-01', training_expires_on: '2027-03-01' });
    expect((await person('2001'))!.pin_hash).toMatch(/^scrypt\$/);
    expect(await person('2002')).toMatchObject({ role: 'supervisor', pin_hash: null, training_expires_on: '2027-01-10' });
    expect((await person('1001'))!.name).toBe('钱, 十一');
    for (const no of ['2003', '2004', '2005', '2006', '2007', '2008', '20 09']) expect(await person(no), no).toBeUndefined();
    const training = await t.hub.db.get<{ n: number }>("SELECT count(*) AS n FROM training_records WHERE source = 'import'");
    expect(training?.n).toBe(2);

    const signIn = await t.call('presence.signIn', { employeeNo: '2001', pin: '4321' });
    expect(signIn.status).toBe(200);
    await t.call('presence.signOut', { badge: 'B-2001' });
  });

  it('importing the same file again changes nothing; a changed row updates that person, PIN included', async () => {
    const again = await t.call('roster.import', { csv: file(mixed), auth: supervisor }, 'admin');
    expect(again.body.counts).toMatchObject({ add: 0, update: 0, unchanged: 3, rejected: 8 });

    const changed = await t.call(
      'roster.import',
      { csv: file('employee_no,name,team,pin\n2001,王伟,话务二组,9876\n2002,李四,投诉处理组,\n'), auth: supervisor },
      'admin',
    );
    expect(changed.body.rows.map((r: any) => [r.employeeNo, r.action, r.changes])).toEqual([
      ['2001', 'update', ['team', 'pin']],
      ['2002', 'unchanged', []],
    ]);
    expect(await person('2001')).toMatchObject({ team: '话务二组', badge: 'B-2001', training_passed_on: '2026-03-01' });
    expect((await t.call('presence.signIn', { employeeNo: '2001', pin: '4321' })).body.error.code).toBe('wrong_pin');
    expect((await t.call('presence.signIn', { employeeNo: '2001', pin: '9876' })).status).toBe(200);
    await t.call('presence.signOut', { badge: 'B-2001' });
  });

  it('an active column deactivates people who left (never deleting them) and brings them back', async () => {
    const left = await t.call('roster.import', { csv: file('employee_no,name,active\n2002,李四,离职\n'), auth: supervisor }, 'admin');
    expect(left.body.rows[0]).toMatchObject({ action: 'update', changes: ['active'], active: false });
    expect(left.body.counts.deactivate).toBe(1);
    expect(await person('2002')).toMatchObject({ active: 0, name: '李四' });
    expect((await t.call('presence.signIn', { badge: 'B-2002' })).body.error.code).toBe('person_inactive');
    const back = await t.call('roster.import', { csv: file('employee_no,name,active\n2002,李四,在职\n'), auth: supervisor }, 'admin');
    expect(back.body.rows[0]).toMatchObject({ changes: ['active'], active: true });
    expect((await person('2002'))!.active).toBe(1);
  });

  it('reads a GBK file (Excel on Chinese Windows) with Chinese headers, and plain text too', async () => {
    const bytes = gbk('工号,姓名,班组\r\n2101,张三,话务一组\r\n2102,"李四",投诉处理组\r\n');
    const res = await t.call('roster.import', { csv: { base64: bytes.toString('base64') }, auth: supervisor }, 'admin');
    expect(res.body).toMatchObject({ encoding: 'gb18030', columns: ['employee_no', 'name', 'team'] });
    expect(await person('2101')).toMatchObject({ name: '张三', team: '话务一组' });
    expect(await person('2102')).toMatchObject({ name: '李四', team: '投诉处理组' });
    const text = await t.call('roster.preview', { csv: { text: 'employee_no,name\n2101,张三\n' } }, 'admin');
    expect(text.body.rows[0]).toMatchObject({ action: 'unchanged' });
  });

  it('refuses a file it cannot use as a whole, in words, changing nothing', async () => {
    const missing = await t.call('roster.preview', { csv: file('name,team\n王伟,A\n') }, 'admin', en);
    expect(missing.status).toBe(422);
    expect(missing.body.error).toMatchObject({ code: 'roster_missing_columns', message: 'The file lacks required columns: employee_no.' });
    const empty = await t.call('roster.preview', { csv: file('\r\n') }, 'admin', zh);
    expect(empty.body.error.message).toBe('文件为空或没有表头行。');
  });

  it('takes a roster larger than the 64 KiB default from an admin token, and only from one', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${5000 + i},测试人员${i},话务一组,staff,CARD-${5000 + i}`);
    const csv = file(['employee_no,name,team,role,badge', ...rows].join('\n'));
    expect(JSON.stringify({ csv }).length).toBeGreaterThan(64 * 1024);
    const admin = await t.call('roster.preview', { csv }, 'admin');
    expect(admin.status).toBe(200);
    expect(admin.body.counts).toMatchObject({ rows: 1500, add: 1500, rejected: 0 });
    expect((await t.call('roster.preview', { csv }, 'kiosk')).status).toBe(413);
    expect((await t.call('roster.preview', { csv }, { token: null })).status).toBe(413);
    // Other methods keep the default.
    expect((await t.call('people.search', { query: 'x'.repeat(70 * 1024) }, 'admin')).status).toBe(413);
  });

  it('shows progress while PINs are checked, and a cancelled import changes nothing', async () => {
    // Enough PINs (tens of ms of scrypt each) that the import is still checking them when cancelled,
    // however slow the machine; cancelling skips the rest, so the size costs nothing.
    const rows = Array.from({ length: 400 }, (_, i) => `${6000 + i},测试${i},${String(1000 + i).padStart(4, '0')}`);
    const csv = file(['employee_no,name,pin', ...rows].join('\n'));
    const before = await counts();
    const jobId = 'job-cancel-0001';
    const running = t.call('roster.import', { csv, auth: supervisor, jobId }, 'admin', en);
    let progress: any;
    for (let i = 0; i < 500; i++) {
      progress = (await t.call('roster.progress', { jobId }, 'admin')).body;
      if (progress.phase === 'checking_pins' && progress.done > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(progress).toMatchObject({ jobId, phase: 'checking_pins', total: 400 });
    expect((await t.call('roster.preview', { csv }, 'admin')).body.error.code).toBe('roster_busy');
    expect((await t.call('roster.cancel', { jobId }, 'admin')).body).toEqual({ cancelled: true });
    const result = await running;
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({ code: 'roster_cancelled', message: 'The roster import was cancelled; nothing was changed.' });
    expect((await t.call('roster.progress', { jobId }, 'admin')).body.phase).toBe('cancelled');
    expect(await counts()).toEqual(before);
    expect((await t.call('roster.progress', { jobId: 'job-unknown-1' }, 'admin')).status).toBe(404);
  });
});

describe('a file that is the whole roster (deactivateMissing)', () => {
  let whole: TestHub;
  beforeAll(async () => {
    whole = await startTestHub();
  });
  afterAll(async () => whole.stop());

  it('deactivates every active person the file does not list, keeps those on rejected lines, deletes nobody', async () => {
    const csv = file('employee_no,name,role,pin\n1002,主管甲,supervisor,\n1003,消防员乙,warden,\n3001,新人丙,staff,\n1004,部门负责人,admin,12\n');
    const preview = await whole.call('roster.preview', { csv, deactivateMissing: true }, 'admin');
    // 240 demo people: 1002 and 1003 are listed, 1004 is on a rejected line; 237 others go.
    expect(preview.body.counts).toMatchObject({ add: 1, update: 2, deactivate: 237, rejected: 1 });
    expect(preview.body.deactivate).toHaveLength(237);
    expect(preview.body.deactivate.map((d: any) => d.employeeNo)).not.toContain('1004');
    const imported = await whole.call('roster.import', { csv, deactivateMissing: true, auth: supervisor }, 'admin');
    expect(imported.status).toBe(200);
    const people = await whole.hub.db.get<{ all: number; active: number }>('SELECT count(*) AS "all", sum(active) AS active FROM people');
    expect(people).toEqual({ all: 241, active: 4 });
    const list = await whole.call('people.list', { status: 'active' }, 'admin');
    expect(list.body.people.map((p: any) => p.employeeNo).sort()).toEqual(['1002', '1003', '1004', '3001']);
  });
});
