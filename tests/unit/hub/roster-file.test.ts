import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/index.js';
import { readRosterFile } from '../../../electron/hub/services/roster.js';
import { gbk } from '../../support/gbk.js';

const refusal = (bytes: Uint8Array) => {
  try {
    readRosterFile(bytes);
  } catch (err) {
    if (err instanceof ApiError) return { code: err.code, params: err.params };
    throw err;
  }
  throw new Error('the file was accepted');
};

describe('reading a roster file', () => {
  it('finds columns by name in any order and case, with a BOM, CRLF and quoted commas; counts true lines', () => {
    const text = '\uFEFFTeam,PIN,Name,Employee_No,badge\r\n"话务一组, 早班",1234,王伟,2001,B-1\r\n,,,,\r\n投诉处理组,,"陈""静""",2002,\r\n';
    const file = readRosterFile(Buffer.from(text));
    expect(file.encoding).toBe('utf-8');
    expect(file.columns).toEqual(['team', 'pin', 'name', 'employee_no', 'badge']);
    // The row of empty cells (as Excel leaves them) is no person and is skipped.
    expect(file.rows).toEqual([
      { line: 2, cells: { team: '话务一组, 早班', pin: '1234', name: '王伟', employee_no: '2001', badge: 'B-1' } },
      { line: 4, cells: { team: '投诉处理组', pin: '', name: '陈"静"', employee_no: '2002', badge: '' } },
    ]);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads GBK as Excel on Chinese Windows saves it, Chinese headers included', () => {
    const file = readRosterFile(gbk('工号,姓名,班组,密码,phone\r\n2001,张三,话务一组,1234,138\r\n2002,"李四",投诉处理组,,\r\n'));
    expect(file.encoding).toBe('gb18030');
    expect(file.columns).toEqual(['employee_no', 'name', 'team', 'pin']);
    expect(file.ignoredColumns).toEqual(['phone']);
    expect(file.rows.map((r) => [r.line, r.cells.name, r.cells.team])).toEqual([
      [2, '张三', '话务一组'],
      [3, '李四', '投诉处理组'],
    ]);
  });

  it('refuses a file without the required columns, with a column twice, empty, or not CSV', () => {
    expect(refusal(Buffer.from('name,team\n王伟,A\n'))).toEqual({ code: 'roster_missing_columns', params: { columns: 'employee_no' } });
    expect(refusal(Buffer.from('employee_no,name,工号\n1,a,2\n'))).toEqual({ code: 'roster_duplicate_column', params: { column: 'employee_no' } });
    expect(refusal(Buffer.from(' \n'))).toMatchObject({ code: 'roster_file_empty' });
    expect(refusal(Buffer.from('employee_no,name\n1,"a"b\n'))).toMatchObject({ code: 'roster_file_malformed', params: { line: 2 } });
  });
});
