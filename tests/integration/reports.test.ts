import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectorItems } from '../../shared/domain/extinguisher-checklist.js';
import { startTestHub, tempDir, type TestHub } from '../support/hub.js';

let t: TestHub;
const signature = 'M10 10 L60 40 L90 20 L140 60';
const dir = tempDir('safefloor-reports-');

beforeAll(async () => {
  t = await startTestHub();
  t.clock.ms = Date.parse('2026-11-26T02:00:00Z');
});
afterAll(async () => t.stop());

/** The text a reader sees in a PDF, through poppler's pdftotext (`.ci/run` installs it). */
function pdfText(base64: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('printable reports', () => {
  it('the monthly extinguisher record lists each check with its findings and both signatures, in Chinese', async () => {
    await t.call('extinguisher.save', { tag: 'FE-301', location: '3F 话务区 东侧', zone: '3F', type: 'powder', sizeKg: 4, manufacturedOn: '2022-03-01' }, 'warden');
    const results = { ...Object.fromEntries(inspectorItems.map((n) => [String(n), 'pass'])), '9': 'fail' };
    await t.call('extinguisher.check', { tag: 'FE-301', results, gauge: 'green', inspectorEmployeeNo: '1003', signature }, 'warden');
    await t.call('extinguisher.cosign', { month: '2026-11', employeeNo: '1004', pin: '1234', signature }, 'warden');
    const res = await t.call('report.extinguisherMonth', { month: '2026-11' }, 'warden', { 'Accept-Language': 'zh-CN' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ filename: 'extinguishers-2026-11.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(res.body.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body.base64, 'month.pdf');
    expect(text).toContain('灭火器月度检查记录');
    expect(text).toContain('FE-301');
    expect(text).toContain('周围无障碍物');
    expect(text).toMatch(/部门负责人：.+签认/);
  });

  it('the drill report and the roll-call list, in English', async () => {
    for (const no of ['1101', '1102', '1103']) await t.call('presence.signIn', { badge: `BADGE-${no}` });
    const started = await t.call('emergency.start', { kind: 'fire', drill: true }, 'warden');
    const id = started.body.emergency.id;
    t.clock.advance(95_000);
    await t.call('emergency.markSafe', { emergencyId: id, employeeNo: '1101' }, 'warden');
    const roll = await t.call('report.rollCall', {}, 'warden', { 'Accept-Language': 'en' });
    const rollText = pdfText(roll.body.base64, 'roll.pdf');
    expect(rollText).toContain('Roll-call list');
    expect(rollText).toMatch(/Not yet accounted for[\s\S]*1102[\s\S]*Accounted for[\s\S]*1101/);
    await t.call('emergency.end', { emergencyId: id, employeeNo: '1003', pin: '1234' }, 'warden');
    const report = await t.call('report.emergency', { emergencyId: id }, 'warden', { 'Accept-Language': 'en' });
    expect(report.body.filename).toBe(`drill-${id}.pdf`);
    const text = pdfText(report.body.base64, 'drill.pdf');
    expect(text).toContain('Evacuation drill report');
    expect(text).toMatch(/1 min 35 s/);
  });

  it('a display may not print reports; a roll call needs an emergency under way', async () => {
    expect((await t.call('report.extinguisherMonth', { month: '2026-11' }, 'display')).status).toBe(403);
    expect((await t.call('report.rollCall', {}, 'warden')).status).toBe(409);
  });
});
