/**
 * Every warden screen, in zh-CN and en: axe-core finds nothing serious or critical; no sideways
 * scroll from 1024×600 to 1280×800, landscape and portrait; targets of 48 px (56 px where gloves
 * check units); no text under 18 px. With WARDEN_SCREENSHOTS=1, screenshots of each go to
 * screenshots/warden-*.png (1024×768 landscape and 768×1024 portrait).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { E2eHub } from './support/hub.js';
import { addUnit, checkUnit, nav, siteDay, startsWithTag, yearsAgo } from './support/warden.js';
import { expectPageAccessible, lookAt } from './support/warden-screens.js';

test.describe.configure({ timeout: 90_000 });

/** Units in every state the real clock allows, a failed check, an overdue hazard and a fixed one. */
async function seed(hub: E2eHub) {
  const token = await hub.token('warden');
  const ok = await addUnit(hub, token, { location: '3F 话务区 东侧 靠窗第二排', zone: '3F' });
  await addUnit(hub, token, { type: 'water', sizeKg: 6, manufacturedOn: yearsAgo(7), location: '1F 大堂', zone: '1F', halfMonthly: true });
  await addUnit(hub, token, { type: 'powder', manufacturedOn: yearsAgo(6), location: '3F 机房', zone: '3F' });
  const failing = await addUnit(hub, token, { type: 'co2', sizeKg: 3, hasGauge: false, location: '2F 配电间', zone: '2F' });
  await checkUnit(hub, token, ok.tag);
  const { hazardsOpened } = await checkUnit(hub, token, failing.tag, [9, 14]);
  await hub.call(
    'hazard.plan',
    { hazardId: hazardsOpened[0], responsible: '张伟', measures: '移开杂物', funding: '', deadline: siteDay(-1), interimSafeguard: '专人值守' },
    token,
  );
  const fixed = (await hub.call('hazard.report', { description: '安全出口门闭门器损坏', location: '4F 东侧安全出口' }, token)).body;
  await hub.call('hazard.fix', { hazardId: fixed.id, employeeNo: '1003', pin: '1234' }, token);
  return { failing };
}

async function open(page: Page, tab: string) {
  await nav(page).getByRole('button', { name: tab }).tap();
}

test('overview, co-signature and the registry screens', async ({ page, hub, pairAs }) => {
  const { failing } = await seed(hub);
  await pairAs('warden');
  await expect(page.locator('.tile').first()).toBeVisible();
  // Once the whole page, banner included, as axe-core sees it, in both languages.
  await expectPageAccessible(page, 'overview (zh-CN)');
  await page.getByRole('button', { name: 'English' }).tap();
  await expectPageAccessible(page, 'overview (en)');
  await page.getByRole('button', { name: '中文' }).tap();
  await lookAt(page, 'dashboard');

  await page.getByRole('button', { name: '部门负责人签认' }).tap();
  await lookAt(page, 'cosign');

  await open(page, '灭火器');
  await expect(page.locator('.unit-card').first()).toBeVisible();
  await lookAt(page, 'registry');

  await page.getByRole('button', { name: '添加灭火器' }).tap();
  await page.getByRole('button', { name: '保存' }).tap();
  await lookAt(page, 'unit-add');

  await open(page, '灭火器');
  await page.getByRole('button', { name: `编辑 ${failing.tag}` }).tap();
  await lookAt(page, 'unit-edit');

  await open(page, '灭火器');
  await page.getByRole('button', { name: /打印二维码标签/ }).tap();
  await expect(page.locator('.qr-label').first()).toBeVisible();
  await lookAt(page, 'labels');
});

test('the check screens', async ({ page, hub, pairAs }) => {
  const { failing } = await seed(hub);
  await pairAs('warden');
  await open(page, '检查');
  await expect(page.locator('.pick').first()).toBeVisible();
  await lookAt(page, 'finder');

  await page.getByRole('button', { name: /也显示已检的/ }).tap();
  await page.getByRole('button', { name: startsWithTag(failing.tag) }).tap();
  await expect(page.getByRole('heading', { name: `检查 ${failing.tag}` })).toBeVisible();
  await page.getByRole('button', { name: '提交检查' }).tap();
  await lookAt(page, 'check');

  await page.getByRole('group', { name: /铭牌完整、清晰/ }).getByRole('radio', { name: '不合格' }).check();
  await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: '1', exact: true }).tap();
  for (const digit of '003') await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: digit, exact: true }).tap();
  const pad = page.getByRole('img', { name: /检查人签名区/ });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 40);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 80, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: '提交检查' }).tap();
  await expect(page.getByRole('heading', { name: `${failing.tag} 的检查已记录` })).toBeVisible();
  await lookAt(page, 'check-done');
});

test('the hazard screens', async ({ page, hub, pairAs }) => {
  await seed(hub);
  await pairAs('warden');
  await open(page, '隐患');
  await expect(page.locator('.hazard-card.is-overdue').first()).toBeVisible();
  await lookAt(page, 'hazards');

  await page.locator('.hazard-card.is-overdue').first().tap();
  await page.getByRole('button', { name: '标记为已整改' }).tap();
  await lookAt(page, 'hazard-overdue');

  await open(page, '隐患');
  await page.locator('.hazard-card', { hasText: '铭牌' }).or(page.locator('.hazard-card.status-open')).first().tap();
  await expect(page.getByRole('button', { name: '保存整改计划' })).toBeVisible();
  await lookAt(page, 'hazard-plan');

  await open(page, '隐患');
  await page.locator('.hazard-card', { hasText: '安全出口门闭门器损坏' }).first().tap();
  await page.getByRole('button', { name: '验收' }).tap();
  await lookAt(page, 'hazard-verify');

  await open(page, '隐患');
  await page.getByRole('button', { name: '上报隐患' }).tap();
  await lookAt(page, 'hazard-report');
});
