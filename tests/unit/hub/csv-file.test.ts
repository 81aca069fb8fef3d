import { describe, expect, it } from 'vitest';
import { CsvFileError, readCsv } from '../../../electron/hub/import/csv-file.js';

// GB18030 encoder for tests: Node decodes GBK but cannot encode it; these bytes are 张三 and 李四.
const gbk = { 张三: [0xd5, 0xc5, 0xc8, 0xfd], 李四: [0xc0, 0xee, 0xcb, 0xc4] };

describe('reading CSV files from HR systems and Excel', () => {
  it('reads UTF-8 with a BOM, headers in any order and case, quoted commas and line breaks', () => {
    const text = '\uFEFFName, Employee_No ,team\r\n"王, 伟",1001,话务一组\r\n"多行\n姓名",1002,"A ""B"""\r\n';
    const file = readCsv(Buffer.from(text), ['employee_no', 'name']);
    expect(file.encoding).toBe('utf-8');
    expect(file.rows).toEqual([
      { line: 2, values: { name: '王, 伟', employee_no: '1001', team: '话务一组' } },
      { line: 3, values: { name: '多行\n姓名', employee_no: '1002', team: 'A "B"' } },
    ]);
  });

  it('reads GBK as Excel on Chinese Windows saves it, and counts lines after a multi-line row', () => {
    const bytes = Buffer.concat([
      Buffer.from('employee_no,name\r\n1001,'),
      Buffer.from(gbk.张三),
      Buffer.from('\r\n1002,"'),
      Buffer.from(gbk.李四),
      Buffer.from('\r\nx"\r\n1003,'),
      Buffer.from(gbk.张三),
      Buffer.from('\r\n'),
    ]);
    const file = readCsv(bytes, ['employee_no']);
    expect(file.encoding).toBe('gb18030');
    expect(file.rows.map((r) => [r.line, r.values.name])).toEqual([
      [2, '张三'],
      [3, '李四\r\nx'],
      [5, '张三'],
    ]);
  });

  it('names missing columns, and refuses an empty file', () => {
    expect(() => readCsv(Buffer.from('name\nx\n'), ['employee_no', 'name'])).toThrow(/missing columns: employee_no/);
    expect(() => readCsv(Buffer.from('  \n'), ['x'])).toThrow(CsvFileError);
  });
});
