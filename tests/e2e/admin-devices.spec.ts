/**
 * Devices on the admin desk, in Chromium against a real hub: a pairing link made on the screen pairs
 * another browser, which then shows in the list; revoking it there sends that browser back to the
 * pairing page; the desk cannot revoke itself; no serious accessibility violation in either language.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { expect, homeLandmark, test, unlockAdmin } from './fixtures.js';

async function openDevices(page: Page) {
  await unlockAdmin(page);
  await page.getByRole('button', { name: '设备', exact: true }).click();
  await expect(page.getByRole('heading', { name: '设备', level: 1 })).toBeVisible();
}

async function makeLink(page: Page, role: string, name: string): Promise<string> {
  const pair = page.getByRole('region', { name: '配对新设备' });
  await pair.getByLabel('用途').selectOption({ label: role });
  await pair.getByLabel('名称').fill(name);
  await pair.getByRole('button', { name: '生成配对链接' }).click();
  const link = pair.getByTestId('pairing-link');
  await expect(link).toHaveValue(/\/pair#[A-Za-z0-9_-]{20,}$/);
  await expect(pair.getByRole('img', { name: '配对链接二维码' })).toBeVisible();
  return link.inputValue();
}

test('a link made on the screen pairs another browser; revoking that device sends it back to the pairing page', async ({ page, browser, pairAs }) => {
  await pairAs('admin');
  await openDevices(page);
  const link = await makeLink(page, '入口签到机', '后门签到机');

  const other = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const kiosk = await other.newPage();
    await kiosk.goto(link);
    await expect(homeLandmark(kiosk, 'kiosk')).toBeVisible();
    // The link works once.
    const third = await other.newPage();
    await third.goto(link);
    await expect(third.getByRole('heading', { name: '配对失败' })).toBeVisible();
    await third.close();

    const row = page.getByTestId('device-row').filter({ hasText: '后门签到机' });
    await expect(row).toHaveCount(1, { timeout: 10_000 });
    await expect(row).toContainText('使用中');
    await row.getByRole('button', { name: '停用 后门签到机' }).click();
    const dialog = page.getByRole('dialog', { name: '停用“后门签到机”？' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '停用', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(row).toContainText('已于');
    await expect(row.getByRole('button')).toHaveCount(0);

    // The kiosk's event stream is closed and its token refused: it is unpaired, and says why.
    await expect(kiosk.getByRole('heading', { name: '此屏幕尚未配对' })).toBeVisible({ timeout: 15_000 });
    await expect(kiosk.getByRole('alert')).toContainText('不再接受本设备的令牌');
  } finally {
    await other.close();
  }
});

test('a revocation can be called off; this desk cannot revoke itself', async ({ page, hub, pairAs }) => {
  await hub.token('kiosk');
  await pairAs('admin');
  await openDevices(page);
  const self = page.getByTestId('device-row').filter({ hasText: '（本设备）' });
  await expect(self).toHaveCount(1);
  await expect(self).toContainText('本设备不能停用自己。');
  await expect(self.getByRole('button')).toHaveCount(0);

  await makeLink(page, '疏散显示屏', '二楼大屏');
  // Not paired yet: nothing to revoke until its browser opens the link.
  await expect(page.getByTestId('device-row').filter({ hasText: '二楼大屏' })).toHaveCount(0);
  const other = page.getByTestId('device-row').filter({ has: page.getByRole('button', { name: /^停用 / }) }).first();
  await other.getByRole('button', { name: /^停用 / }).click();
  await page.getByRole('dialog').getByRole('button', { name: '暂不停用' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(other).toContainText('使用中');
});

test('the devices screen has no serious or critical accessibility violation, in zh-CN and en', async ({ page, pairAs }) => {
  // Two full axe passes over a long screen on a busy two-core machine.
  test.slow();
  await pairAs('admin');
  await openDevices(page);
  await makeLink(page, '消防安全员平板', 'Warden tablet 2');
  await expect(page.getByTestId('device-list')).toBeVisible();
  const serious = async () =>
    (await analyzeAccessibility(page)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Devices', level: 1 })).toBeVisible();
  expect(await serious()).toEqual([]);
});
