/**
 * The overview and the monthly record: the period's figures from the hub, the department head's
 * co-signature (PIN and signature on screen), and the month's PDF saved from the tablet.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { watchCsp } from './support/csp.js';
import { addUnit, checkUnit, nav, sign, siteDay, tapDigits, yearsAgo } from './support/warden.js';

test('the overview counts the period; the department head co-signs; the month’s record downloads as a PDF', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const checked = await addUnit(hub, token, { location: '5F 会议室' });
  await addUnit(hub, token, { type: 'water', manufacturedOn: yearsAgo(7), location: '5F 仓库' });
  await checkUnit(hub, token, checked.tag);
  const figures = (await hub.call('extinguisher.dashboard', {}, token)).body;
  const csp = await watchCsp(page);
  await pairAs('warden');

  // Each figure as the hub counts it (other tests on this hub add units too).
  const tile = (label: string) => page.locator('.tile', { has: page.getByText(label, { exact: true }) });
  await expect(tile('本期已检查').locator('.tile-value')).toHaveText(`${figures.checked} / ${figures.total}`);
  await expect(tile('需报废').locator('.tile-value')).toHaveText(String(figures.scrapDue));
  await expect(tile('需报废')).toHaveClass(/tile-alert/);
  await expect(tile('未关闭隐患').locator('.tile-value')).toHaveText(String(figures.hazardsOpen));
  await tile('需报废').tap();
  await expect(page.getByRole('heading', { name: '灭火器台账' })).toBeVisible();
  await expect(page.getByRole('button', { name: /需报废/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.unit-card').first()).toContainText('5F 仓库');
  await nav(page).getByRole('button', { name: '概览' }).tap();

  const month = siteDay().slice(0, 7);
  const record = page.getByRole('region', { name: '月度检查记录' });
  await expect(record.getByLabel('月份')).toHaveValue(month);

  // A staff member's PIN may not co-sign; the department head's may.
  await record.getByRole('button', { name: '部门负责人签认' }).tap();
  await tapDigits(page, '1020');
  await record.getByLabel('密码').tap();
  await tapDigits(page, '1234');
  await sign(page, record.getByRole('img', { name: /部门负责人签名区/ }));
  await record.getByRole('button', { name: '确认签认' }).tap();
  await expect(record.locator('.notice-error')).toHaveText('此操作需要消防安全员、主管或管理员的密码。');
  await record.getByLabel('工号').tap();
  await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: '清除' }).tap();
  await tapDigits(page, '1004');
  await record.getByLabel('密码').tap();
  await tapDigits(page, '1234');
  await record.getByRole('button', { name: '确认签认' }).tap();
  await expect(record.locator('.notice-ok')).toContainText('已签认');

  await record.getByRole('button', { name: '生成 PDF' }).tap();
  const link = record.getByRole('link', { name: '下载 PDF' });
  await expect(link).toHaveAttribute('href', /^blob:/);
  await expect(record.getByRole('link', { name: '打开 PDF' })).toHaveAttribute('target', '_blank');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(`extinguishers-${month}.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(1000);
  await csp.expectNone();
});
