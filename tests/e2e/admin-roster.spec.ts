/**
 * Roster import on the desk, with files as HR sends them: a GBK file saved by Excel on Chinese
 * Windows, columns in their own order, a quoted comma, lines that cannot be imported. The preview
 * names every rejected line by its number, the import reports what it did and the people are on
 * the roster; a large import shows its progress and, cancelled, changes nothing. Employee numbers
 * 81xx and 82xx belong to this file.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { gbk } from '../support/gbk.js';
import { expect, test, unlockAdmin } from './fixtures.js';
import type { E2eHub } from './support/hub.js';

const headAuth = { employeeNo: '1004', pin: '1234' };

async function person(hub: E2eHub, employeeNo: string) {
  return hub.call('people.get', { employeeNo }, await hub.token('admin'));
}

async function openRoster(page: Page) {
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '名册导入', exact: true }).click();
  await expect(page.getByRole('heading', { name: '名册导入', level: 1 })).toBeVisible();
}

async function pick(page: Page, name: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect(page.getByText(new RegExp(`^${name.replace('.', '\\.')}（`))).toBeVisible();
}

test.beforeEach(async ({ page, pairAs }) => {
  await pairAs('admin');
  await unlockAdmin(page);
  await openRoster(page);
});

test('a GBK file with its own column order: preview names every rejected line, import adds and updates the rest', async ({ page, hub }) => {
  const add = await hub.call('people.add', { auth: headAuth, person: { employeeNo: '8105', name: '王伟', team: '话务一组' } }, await hub.token('admin'));
  expect(add.status).toBe(200);
  // Line 1 is the header; lines 4 to 7 cannot be imported, each for its own reason.
  const file = gbk(
    '姓名,密码,工号,班组,training_passed_on,note\r\n' +
      '张三,2580,8101,话务一组,2026-01-05,x\r\n' +
      '"Wang, Wei",,8102,投诉处理组,,\r\n' +
      '李四,12,8103,话务一组,,\r\n' +
      ',1234,8104,话务一组,,\r\n' +
      '陈静,,8101,话务一组,,\r\n' +
      '陈静,,8106,话务一组,2026-02-30,\r\n' +
      '王伟,,8105,投诉处理组,,\r\n',
  );
  await pick(page, 'roster-gbk.csv', file);
  await expect(page.getByRole('button', { name: '导入', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: '预览变更' }).click();

  const preview = page.getByRole('region', { name: '预览：尚未做任何变更' });
  await expect(preview).toBeVisible();
  await expect(preview.getByText(/文件编码：GBK（中文 Windows 版 Excel）；共 7 行/)).toBeVisible();
  await expect(preview.getByText('以下列不是名册列，未读取：note。')).toBeVisible();
  const tile = (label: string) => preview.locator('.tile').filter({ hasText: label }).locator('.tile-value');
  await expect(tile('将新增')).toHaveText('2');
  await expect(tile('将更新')).toHaveText('1');
  await expect(tile('将停用')).toHaveText('0');
  await expect(tile('被拒绝的行')).toHaveText('4');

  const rejected = preview.getByRole('region', { name: '4 行将被拒绝' }).getByRole('listitem');
  await expect(rejected).toHaveCount(4);
  await expect(rejected.nth(0)).toContainText('第 4 行');
  await expect(rejected.nth(0)).toContainText('密码必须是 4 到 8 位数字。');
  await expect(rejected.nth(1)).toContainText('第 5 行');
  await expect(rejected.nth(1)).toContainText('缺少姓名。');
  await expect(rejected.nth(2)).toContainText('第 6 行');
  await expect(rejected.nth(2)).toContainText('该工号已出现在本文件第 2 行，此行未导入。');
  await expect(rejected.nth(3)).toContainText('第 7 行');
  await expect(rejected.nth(3)).toContainText('2026-02-30');

  const changes = preview.getByRole('table', { name: '将新增或更新 3 人' }).locator('tbody tr');
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(0)).toContainText('张三');
  await expect(changes.nth(1)).toContainText('Wang, Wei');
  await expect(changes.nth(2)).toContainText('更新');
  await expect(changes.nth(2)).toContainText('班组');
  // Nothing has changed yet.
  expect((await person(hub, '8101')).body.error.code).toBe('unknown_person');

  // The other language puts the reasons in its own words.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('The PIN must be 4 to 8 digits.')).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();

  await expect(preview.getByText('导入将新增 2 人，更新 1 人，停用 0 人。 4 行被拒绝的内容不会导入。')).toBeVisible();
  await preview.getByRole('button', { name: '导入', exact: true }).click();
  const done = page.getByRole('region', { name: '导入完成' });
  await expect(done).toBeVisible();
  await expect(done.getByRole('status')).toHaveText('新增 2 人，更新 1 人，停用 0 人；4 行被拒绝。');
  await expect(done.getByRole('region', { name: '4 行被拒绝' }).getByRole('listitem')).toHaveCount(4);

  expect((await person(hub, '8101')).body).toMatchObject({ name: '张三', team: '话务一组', hasPin: true, training: { passedOn: '2026-01-05' } });
  expect((await person(hub, '8102')).body).toMatchObject({ name: 'Wang, Wei', team: '投诉处理组', hasPin: false });
  expect((await person(hub, '8105')).body).toMatchObject({ name: '王伟', team: '投诉处理组' });
  for (const no of ['8103', '8104', '8106']) expect((await person(hub, no)).body.error.code).toBe('unknown_person');
  const signIn = await hub.call('presence.signIn', { employeeNo: '8101', pin: '2580' }, await hub.token('kiosk'));
  expect(signIn.status).toBe(200);

  // The people section has them too.
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '人员', exact: true }).click();
  await page.getByLabel('按姓名、工号或工牌搜索').fill('810');
  await expect(page.locator('.people-table tbody tr')).toHaveCount(3);
  await expect(page.getByRole('button', { name: '打开 Wang, Wei（8102）' })).toBeVisible();
});

test('a large import shows its progress on the PIN checks and, cancelled, changes nothing', async ({ page, hub }) => {
  test.setTimeout(90_000);
  const lines = Array.from({ length: 600 }, (_, i) => `${8200 + i},Person ${i},${String(100_000 + i)}`);
  await pick(page, 'big.csv', Buffer.from(`employee_no,name,pin\n${lines.join('\n')}\n`));
  await page.getByRole('button', { name: '预览变更' }).click();
  const preview = page.getByRole('region', { name: '预览：尚未做任何变更' });
  await expect(preview.locator('.tile').filter({ hasText: '将新增' }).locator('.tile-value')).toHaveText('600');
  // Long lists show their first hundred; the rest is a press away.
  await expect(preview.locator('.roster-changes tbody tr')).toHaveCount(100);
  await preview.getByRole('button', { name: '显示全部 600 项' }).click();
  await expect(preview.locator('.roster-changes tbody tr')).toHaveCount(600);

  await preview.getByRole('button', { name: '导入', exact: true }).click();
  const running = page.getByRole('region', { name: '正在导入' });
  await expect(running.getByRole('status')).toHaveText('正在检查密码…');
  await expect(running.getByText(/^\d+ \/ 600$/)).toBeVisible();
  await expect(running.getByRole('progressbar')).toHaveAttribute('max', '600');
  // The file picker waits while the import runs.
  await expect(page.locator('input[type="file"]')).toBeDisabled();
  await running.getByRole('button', { name: '取消' }).click();

  await expect(page.getByText('导入已取消，未做任何变更。')).toBeVisible({ timeout: 20_000 });
  await expect(running).toHaveCount(0);
  for (const no of ['8200', '8500', '8799']) expect((await person(hub, no)).body.error.code).toBe('unknown_person');
  // The preview stays, so the import can be started again.
  await expect(preview.getByRole('button', { name: '导入', exact: true })).toBeEnabled();
});

test('a preview of a roster whose PINs are on file shows its progress while each PIN is checked', async ({ page, hub }) => {
  test.setTimeout(90_000);
  const list = await hub.call('people.list', { status: 'active', limit: 500 }, await hub.token('admin'));
  const demo = (list.body.people as { employeeNo: string; name: string; team: string }[]).filter((p) => /^1\d{3}$/.test(p.employeeNo));
  expect(demo.length).toBeGreaterThan(200);
  const lines = demo.map((p) => `${p.employeeNo},"${p.name}","${p.team}",1234`);
  await pick(page, 'everyone.csv', Buffer.from(`employee_no,name,team,pin\n${lines.join('\n')}\n`));
  await page.getByRole('button', { name: '预览变更' }).click();
  const running = page.getByRole('region', { name: '正在生成预览' });
  await expect(running.getByText(new RegExp(`^\\d+ / ${demo.length}$`))).toBeVisible();
  const preview = page.getByRole('region', { name: '预览：尚未做任何变更' });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(running).toHaveCount(0);
  await expect(preview.locator('.tile').filter({ hasText: '将新增' }).locator('.tile-value')).toHaveText('0');
});

test('"the whole roster" previews who would be deactivated; changing the option asks for a new preview', async ({ page, hub }) => {
  await pick(page, 'one.csv', Buffer.from('\ufeffemployee_no,name\n8301,只有一人\n'));
  await page.getByLabel(/此文件为完整名册/).check();
  await page.getByRole('button', { name: '预览变更' }).click();
  const preview = page.getByRole('region', { name: '预览：尚未做任何变更' });
  const active = (await hub.call('people.list', { status: 'active', limit: 1 }, await hub.token('admin'))).body.total as number;
  expect(active).toBeGreaterThan(200);
  await expect(preview.locator('.tile').filter({ hasText: '将停用' }).locator('.tile-value')).toHaveText(String(active));
  await expect(preview.getByRole('region', { name: `将停用 ${active} 人（不在文件中）` })).toBeVisible();

  await page.getByLabel(/此文件为完整名册/).uncheck();
  await expect(preview).toHaveCount(0);
  await page.getByRole('button', { name: '预览变更' }).click();
  await expect(preview.locator('.tile').filter({ hasText: '将停用' }).locator('.tile-value')).toHaveText('0');
  expect((await hub.call('people.list', { status: 'active', limit: 1 }, await hub.token('admin'))).body.total).toBe(active);
});

test('a file without the required columns is refused in words, and another file can be picked', async ({ page }) => {
  await pick(page, 'wrong.csv', Buffer.from('工号,部门\n8401,客服\n'));
  await page.getByRole('button', { name: '预览变更' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '文件缺少必需的列：name。' })).toBeVisible();
  await pick(page, 'right.csv', Buffer.from('工号,姓名\n8401,补上姓名\n'));
  await page.getByRole('button', { name: '预览变更' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '文件缺少必需的列' })).toHaveCount(0);
  await expect(page.locator('.tile').filter({ hasText: '将新增' }).locator('.tile-value')).toHaveText('1');
});

async function seriousViolations(page: Page) {
  const results = await analyzeAccessibility(page);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function smallTargets(page: Page) {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('button, .roster-pick, .toggle')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.width < 48 || box.height < 48);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
  );
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`the import screen and its preview in ${language}: no serious accessibility violation, no target under 48 px`, async ({ page }) => {
    test.setTimeout(90_000);
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
    const check = async (where: string) => {
      expect(await seriousViolations(page), where).toEqual([]);
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1920, height: 1080 },
        { width: 1080, height: 1920 },
      ]) {
        await page.setViewportSize(size);
        expect(await smallTargets(page), `${where} at ${size.width}×${size.height}`).toEqual([]);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    };
    await check(`${language} picker`);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'a11y.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('employee_no,name,team,pin\n8501,Check One,A,12\n8502,Check Two,B,1234\n'),
    });
    await page.locator('.toolbar .button-primary').click();
    await expect(page.locator('.roster-preview')).toBeVisible();
    await check(`${language} preview`);
  });
}
