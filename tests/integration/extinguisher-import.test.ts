import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExtinguishers } from '../../electron/hub/import/extinguishers.js';
import { ensureBuilt, runCli } from '../support/cli.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  t.clock.ms = Date.parse('2026-11-26T02:00:00Z');
});
afterAll(async () => t.stop());

const run = (csv: string | Uint8Array, dryRun = false) =>
  importExtinguishers({ db: t.hub.db, clock: t.clock, t: t.hub.t, language: 'en', timeZone: 'Asia/Shanghai' }, typeof csv === 'string' ? Buffer.from(csv) : csv, { dryRun, actor: 'test' });

// GBK bytes of the Chinese below (Node decodes GBK but cannot encode it).
const gbk = { '3F 话务区': [51, 70, 32, 187, 176, 206, 241, 199, 248], '机房': [187, 250, 183, 191] };

describe('extinguisher import', () => {
  it('imports exactly the valid rows (columns shuffled, quoted commas) and names every bad line with its reason', async () => {
    const csv = [
      'Type,Tag,Location,size_kg,Manufactured_On,last_repair_on,half_monthly,zone',
      'powder,FE-101,"3F 话务区, 东侧",4,2022-03-01,,no,3F',
      'co2,FE-102,3F 机房,3,2016-02-29,2024-12-01,yes,3F',
      'halon,FE-103,1F,4,2022-01-01,,no,1F', // unknown type
      'powder,FE-104,1F,4,2027-01-01,,no,1F', // made in the future
      'powder,FE-105,1F,4,2022-01-01,2021-06-01,no,1F', // repaired before it was made
      'powder,FE-106,1F,4,2022-02-30,,no,1F', // no such day
      'powder,FE-101,1F,4,2022-01-01,,no,1F', // same tag again in this file
      'water,FE-107,1F,-2,2022-01-01,,no,1F', // size
      'water,FE-108,1F,6,2022-01-01,,maybe,1F', // half_monthly
      'water,FE-109,,6,2022-01-01,,no,1F', // no location
    ].join('\r\n');
    const report = await run(csv);
    expect(report).toMatchObject({ rows: 10, added: 2, updated: 0 });
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([
      [4, 'unknown_type'],
      [5, 'manufactured_in_future'],
      [6, 'repair_before_manufacture'],
      [7, 'bad_date'],
      [8, 'duplicate_in_file'],
      [9, 'bad_size'],
      [10, 'bad_half_monthly'],
      [11, 'missing_location'],
    ]);
    expect(report.rejected[4]!.message).toBe('"FE-101" already appears on line 2 of this file; this line was not imported.');
    const units = (await t.call('extinguisher.list', {}, 'warden')).body.units;
    expect(units.map((u: { tag: string }) => u.tag).sort()).toEqual(['FE-101', 'FE-102']);
    expect(units.find((u: { tag: string }) => u.tag === 'FE-101')).toMatchObject({ location: '3F 话务区, 东侧', nextRepairOn: '2027-03-01', scrapOn: '2032-03-01' });
    expect(units.find((u: { tag: string }) => u.tag === 'FE-102')).toMatchObject({ halfMonthly: true, nextRepairOn: '2026-12-01', scrapOn: '2028-02-29' });
  });

  it('reads a GBK file; a known tag updates that unit; unchanged rows are left alone', async () => {
    const bytes = Buffer.concat([
      Buffer.from('tag,location,type,size_kg,manufactured_on,last_repair_on\r\nFE-101,'),
      Buffer.from(gbk['3F 话务区']),
      Buffer.from(',powder,4,2022-03-01,2026-03-01\r\nFE-102,3F '),
      Buffer.from(gbk['机房']),
      Buffer.from(',co2,3,2016-02-29,2024-12-01\r\n'),
    ]);
    const report = await run(bytes);
    expect(report).toMatchObject({ encoding: 'gb18030', added: 0, updated: 2, rejected: [] });
    const unit = (await t.call('extinguisher.get', { tag: 'FE-101' }, 'warden')).body.unit;
    expect(unit).toMatchObject({ location: '3F 话务区', lastRepairOn: '2026-03-01', nextRepairOn: '2028-03-01' });
    const again = await run(bytes);
    expect(again).toMatchObject({ updated: 0, unchanged: 2 });
  });

  it('a dry run reports the same and changes nothing', async () => {
    const before = await t.hub.db.get<{ n: number }>('SELECT (SELECT count(*) FROM extinguishers) + (SELECT count(*) FROM audit_log) AS n');
    const report = await run('tag,location,type,size_kg,manufactured_on\nFE-200,2F,foam,6,2024-05-05\nFE-201,2F,foam,6,2024-13-05\n', true);
    expect(report).toMatchObject({ dryRun: true, added: 1, rejected: [{ line: 3, code: 'bad_date' }] });
    expect(await t.hub.db.get('SELECT (SELECT count(*) FROM extinguishers) + (SELECT count(*) FROM audit_log) AS n')).toEqual(before);
  });

  it('names missing columns instead of guessing', async () => {
    await expect(run('tag,location\nFE-1,x\n')).rejects.toThrow(/missing columns: type, size_kg, manufactured_on/);
  });
});

describe('safefloor extinguishers import', () => {
  it('exits non-zero when any row was rejected, and lists them by line', () => {
    ensureBuilt();
    const dir = tempDir();
    const file = join(dir, 'units.csv');
    writeFileSync(file, 'tag,location,type,size_kg,manufactured_on\nFE-1,1F,powder,4,2023-01-01\nFE-2,1F,sand,4,2023-01-01\n');
    const result = runCli(['extinguishers', 'import', '--data', join(dir, 'data'), file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/1 added, 0 updated, 0 unchanged, 1 rejected/);
    expect(result.stdout).toMatch(/line 3: /);
    const clean = join(dir, 'clean.csv');
    writeFileSync(clean, 'tag,location,type,size_kg,manufactured_on\nFE-3,1F,powder,4,2023-01-01\n');
    expect(runCli(['extinguishers', 'import', '--data', join(dir, 'data'), clean, '--dry-run']).status).toBe(0);
  });
});
