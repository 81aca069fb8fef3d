import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHub } from '../../electron/hub/hub.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { gbk } from '../support/gbk.js';
import { tempDir } from '../support/hub.js';

const dataDir = tempDir('safefloor-cli-roster-');
const files = tempDir('safefloor-cli-files-');
const write = (name: string, bytes: string | Buffer) => {
  const path = join(files, name);
  writeFileSync(path, bytes);
  return path;
};

async function state() {
  const hub = await openHub({ dataDir, autoSignOut: false });
  try {
    return await hub.db.get<{ people: number; audit: number; names: string | null }>(
      'SELECT (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM audit_log) AS audit, (SELECT group_concat(employee_no || name, \',\') FROM (SELECT * FROM people ORDER BY employee_no)) AS names',
    );
  } finally {
    await hub.close();
  }
}

const mixed = write(
  'roster.csv',
  '\uFEFFteam,name,employee_no,pin,role\r\n"话务一组, 早班",王伟,2001,1234,staff\r\n投诉处理组,李四,2002,,supervisor\r\n话务一组,陈静,2003,,manager\r\n话务一组,赵六,2001,,staff\r\n',
);

beforeAll(async () => {
  ensureBuilt();
  await state(); // a data folder as a hub leaves it
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

describe('safefloor roster import', () => {
  it('--dry-run shows what would change and every rejected line, exits 1 for the rejections, changes nothing', async () => {
    const before = await state();
    const run = runCli(['roster', 'import', '--data', dataDir, mixed, '--dry-run', '--lang', 'en']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('line 2: add 2001 王伟');
    expect(run.stdout).toContain('line 3: add 2002 李四');
    expect(run.stderr).toContain('line 4: The role "manager" is not one of staff, supervisor, warden or admin.');
    expect(run.stderr).toContain('line 5: This employee number already appears on line 2 of this file; this line was not imported.');
    expect(run.lastLine).toBe('Dry run, nothing was changed: 4 rows, 2 would be added, 0 updated, 0 unchanged, 0 deactivated, 2 rejected.');
    expect(await state()).toEqual(before);
  });

  it('imports the valid rows, in the site’s language by default (Chinese), and exits 1 while any row is rejected', async () => {
    const run = runCli(['roster', 'import', '--data', dataDir, mixed]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('第 4 行：角色“manager”无效');
    expect(run.lastLine).toBe('已导入：共 4 行，新增 2 人，更新 0 人，0 人无变化，停用 0 人，拒绝 2 行。');
    expect((await state())!.names).toBe('2001王伟,2002李四');
  });

  it('exits 0 when every row is imported: a GBK file, updating one person and deactivating the one not listed', async () => {
    const file = write('gbk.csv', gbk('工号,姓名,班组\r\n2001,王伟,投诉处理组\r\n2003,陈静,话务一组\r\n'));
    const run = runCli(['roster', 'import', '--data', dataDir, file, '--deactivate-missing', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('as gb18030');
    expect(run.stdout).toContain('line 2: update 2001 王伟 (team)');
    expect(run.stdout).toContain('line 3: add 2003 陈静');
    expect(run.stdout).toContain('deactivate 2002 李四 (not in the file)');
    expect(run.lastLine).toBe('Imported: 2 rows, 1 added, 1 updated, 0 unchanged, 1 deactivated, 0 rejected.');
    expect((await state())!.names).toBe('2001王伟,2002李四,2003陈静');
  });

  it('says what is wrong with a file it cannot use, or with the command', () => {
    const noColumns = runCli(['roster', 'import', '--data', dataDir, write('bad.csv', 'name\nx\n'), '--lang', 'en']);
    expect(noColumns.status).toBe(1);
    expect(noColumns.stderr).toContain('The file lacks required columns: employee_no.');
    const missing = runCli(['roster', 'import', '--data', dataDir, join(files, 'nope.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.csv/);
    expect(runCli(['roster', 'import', mixed]).status).toBe(2);
    expect(runCli(['roster', 'import', '--data', dataDir]).status).toBe(2);
    expect(runCli(['roster', 'export', '--data', dataDir]).status).toBe(2);
  });
});
