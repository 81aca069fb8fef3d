/** A browser becomes a device by opening a one-time link, and stops being one when the hub says so. */
import { expect, homeLandmark, test } from './fixtures.js';
import { storageKeys } from '../../renderer/app/device-storage.js';

test('an unpaired browser is told how an administrator pairs it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '此屏幕尚未配对' })).toBeVisible();
  await expect(page.getByText('safefloor device pair --data DIR --role kiosk')).toBeVisible();
  await expect(page.getByRole('button', { name: '输入工号' })).toHaveCount(0);
});

test('the link printed by `safefloor device pair` pairs this browser as a kiosk, once', async ({ page, browser, hub }) => {
  const link = await hub.pairingLinkFromCli('kiosk');

  await page.goto(link);

  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  await expect(page.getByText('入口签到机')).toBeVisible();
  // The one-time code leaves the address bar (and the history) at once.
  expect(new URL(page.url()).pathname).toBe('/');
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();

  const otherBrowser = await browser.newContext();
  const other = await otherBrowser.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: '配对失败' })).toBeVisible();
  await expect(other.getByRole('alert')).toHaveText('配对链接无效或已使用，请向管理员索取新链接。');
  await otherBrowser.close();
});

test('a warden link shows the warden’s home, named for the role, and forgets the code', async ({ page, pairAs }) => {
  await pairAs('warden');
  // The warden's home is the tablet's main region, labelled with the role's name.
  await expect(homeLandmark(page, 'warden')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
});

test('a token the hub refuses sends the screen back to the unpaired page and is forgotten', async ({ page }) => {
  await page.addInitScript(
    ([key, token]) => {
      // Only on the first load: the screen itself must forget the token, not this script.
      if (!sessionStorage.getItem('e2e-seeded')) {
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.setItem(key, token);
      }
    },
    [storageKeys.token, 'not-a-token-the-hub-ever-made'],
  );

  await page.goto('/');

  await expect(page.getByRole('heading', { name: '此屏幕尚未配对' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('需要重新配对');
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKeys.token)).toBeNull();
});
