/**
 * The door's settings on the admin desk: the training gate (and what it does at the kiosk), the
 * self-check list (edited, reordered and saved as a new version that checklist.current returns) and
 * the visitors' briefing (a saved edit bumps its version). Bad input is refused in words, unsaved.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { unlockAdmin } from './fixtures.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';
import { expect, test } from './support/supervisor.js';

async function openDoorSettings(page: Page, pairAs: (role: 'admin') => Promise<void>) {
  await pairAs('admin');
  await unlockAdmin(page, '1002');
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '门禁设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '门禁设置' })).toBeVisible();
}

test('the training gate is changed at the desk and the door then refuses untrained staff', async ({ page, pairAs, site }) => {
  await openDoorSettings(page, pairAs);
  const rules = page.locator('.panel', { has: page.getByRole('heading', { name: '培训门槛与每日结算' }) });
  const closeAt = rules.getByLabel('每日自动签退时间（HH:MM）');
  await expect(closeAt).toHaveValue('03:00');

  // A time that is not a time: said in words, and nothing changes on the hub.
  await closeAt.fill('25:00');
  await rules.getByRole('button', { name: '保存设置' }).click();
  await expect(rules.getByText('请按 HH:MM 格式输入时间，例如 04:00。')).toBeVisible();
  await expect(closeAt).toHaveAttribute('aria-invalid', 'true');
  expect((await site.call('doorSettings.current', {})).body.dailyCloseAt).toBe('03:00');

  await closeAt.fill('03:00');
  await rules.getByRole('radio', { name: '拒绝签到' }).check();
  await rules.getByLabel('培训到期前多少天开始提醒').fill('45');
  await rules.getByRole('button', { name: '保存设置' }).click();
  await expect(rules.getByRole('status')).toHaveText('门禁设置已保存。');
  expect((await site.call('doorSettings.current', {})).body).toMatchObject({ trainingGate: 'block', trainingExpiringDays: 45, dailyCloseAt: '03:00' });

  // The demo's staff have no training on record: the door now turns them away.
  const kiosk = (await site.hub.devices.createToken('kiosk', 'e2e gate kiosk')).token;
  const refused = await site.call('presence.signIn', { badge: 'BADGE-1067' }, kiosk);
  expect(refused.status).toBe(422);
  expect(refused.body.error.code).toBe('training_missing');

  // Back to warning, so the rest of this worker's site signs people in.
  await rules.getByRole('radio', { name: '提醒后允许签到' }).check();
  await rules.getByLabel('培训到期前多少天开始提醒').fill('30');
  await rules.getByRole('button', { name: '保存设置' }).click();
  await expect(rules.getByRole('status')).toHaveText('门禁设置已保存。');
  expect((await site.call('doorSettings.current', {})).body).toMatchObject({ trainingGate: 'warn', trainingExpiringDays: 30 });
});

test('an edited, reordered self-check list is saved as a new version that checklist.current returns', async ({ page, pairAs, site }) => {
  const before = (await site.call('checklist.current', {})).body as { version: number; items: { id: string }[] };
  await openDoorSettings(page, pairAs);
  const panel = page.locator('.panel', { has: page.getByRole('heading', { name: '仪容仪表自检清单' }) });
  await expect(panel.getByTestId('checklist-version')).toHaveText(`第 ${before.version} 版`);
  const item = (no: number) => panel.getByRole('listitem', { name: `第 ${no} 项`, exact: true });

  await item(1).getByLabel('英文名称').fill('Uniform clean, neat and ironed');
  await panel.getByRole('button', { name: '添加一项' }).click();
  const added = item(before.items.length + 1);
  // An id another item has is refused before anything is sent.
  await added.getByLabel('编号（各版本保持不变）').fill('badge-worn');
  await panel.getByRole('button', { name: '保存为新版本' }).click();
  await expect(added.getByText('此编号已被其他项使用。')).toBeVisible();
  await expect(added.getByText('请填写名称（最多 80 个字）。')).toHaveCount(2);
  await expect(panel.getByRole('alert').filter({ hasText: '请先改正标出的内容。' })).toBeVisible();
  expect((await site.call('checklist.current', {})).body.version).toBe(before.version);

  await added.getByLabel('编号（各版本保持不变）').fill('apron');
  await added.getByLabel('中文名称').fill('围裙系好');
  await added.getByLabel('英文名称').fill('Apron tied');
  await added.getByLabel('类别').selectOption({ label: '着装' });
  await added.getByRole('checkbox').uncheck();
  await panel.getByRole('button', { name: `第 ${before.items.length + 1} 项上移` }).click();
  await expect(item(before.items.length).getByLabel('编号（各版本保持不变）')).toHaveValue('apron');
  await panel.getByRole('button', { name: '删除第 7 项' }).click();
  await panel.getByRole('button', { name: '保存为新版本' }).click();

  await expect(panel.getByRole('status')).toHaveText(`已保存为第 ${before.version + 1} 版。`);
  await expect(panel.getByTestId('checklist-version')).toHaveText(`第 ${before.version + 1} 版`);
  const after = (await site.call('checklist.current', {})).body;
  expect(after.version).toBe(before.version + 1);
  const ids = before.items.map((i) => i.id);
  expect(after.items.map((i: { id: string }) => i.id)).toEqual([...ids.slice(0, 6), 'apron', ...ids.slice(7)]);
  expect(after.items[0].label.en).toBe('Uniform clean, neat and ironed');
  expect(after.items[6]).toEqual({ id: 'apron', group: 'uniform', label: { 'zh-CN': '围裙系好', en: 'Apron tied' }, required: false });
});

test('an edit of the visitors’ briefing is saved as its next version', async ({ page, pairAs, site }) => {
  const before = (await site.call('briefing.current', {})).body as { version: number; content: { 'zh-CN': { title: string } } };
  await openDoorSettings(page, pairAs);
  const panel = page.locator('.panel', { has: page.getByRole('heading', { name: '访客安全须知' }) });
  await expect(panel.getByTestId('briefing-version')).toHaveText(`第 ${before.version} 版`);

  await panel.getByRole('radio', { name: 'English' }).check();
  await panel.getByLabel('标题').fill('Safety briefing for visitors to floor 12');
  await expect(panel.getByRole('region', { name: '访客看到的样子（English）' }).getByRole('heading', { level: 3 })).toHaveText('Safety briefing for visitors to floor 12');

  // The Chinese title left empty: nothing is saved, and the editor opens the language to fix.
  await panel.getByRole('radio', { name: '中文' }).check();
  await panel.getByLabel('标题').fill('');
  await panel.getByRole('radio', { name: 'English' }).check();
  await panel.getByRole('button', { name: '保存为新版本' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: '请先改正标出的内容（两种语言都要检查）。' })).toContainText('中文');
  await expect(panel.getByRole('radio', { name: '中文' })).toBeChecked();
  await expect(panel.getByText('请填写（最多 80 个字）。')).toBeVisible();
  expect((await site.call('briefing.current', {})).body.version).toBe(before.version);

  await panel.getByLabel('标题').fill(before.content['zh-CN'].title);
  await panel.getByRole('button', { name: '保存为新版本' }).click();
  await expect(panel.getByRole('status')).toHaveText(`已保存为第 ${before.version + 1} 版。`);
  await expect(panel.getByTestId('briefing-version')).toHaveText(`第 ${before.version + 1} 版`);
  const after = (await site.call('briefing.current', {})).body;
  expect(after.version).toBe(before.version + 1);
  expect(after.content.en.title).toBe('Safety briefing for visitors to floor 12');
  expect(after.content['zh-CN'].title).toBe(before.content['zh-CN'].title);
});

test('the door settings have no serious accessibility violation in zh-CN and en, and fit every size', async ({ page, pairAs }) => {
  test.setTimeout(120_000);
  await openDoorSettings(page, pairAs);
  await expect(page.getByTestId('briefing-version')).toBeVisible();
  for (const language of ['English', '中文']) {
    const results = await analyzeAccessibility(page);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: language }).click();
  }
  await expectTouchFriendlyEverywhere(page);
});
