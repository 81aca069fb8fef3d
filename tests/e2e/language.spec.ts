/** 中文 by default; English on request, on every screen, remembered by the device. */
import { expect, homeLandmark, scanBadge, test } from './fixtures.js';
import { siteTime } from './support/time.js';

test('the language switch changes the texts, including the hub’s messages, and is remembered', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1130');
  await pairAs('kiosk');
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: 'English' }).tap();

  await expect(page.getByRole('heading', { name: 'Sign in / Sign out' })).toBeVisible();
  await expect(page.getByText('Scan your badge')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enter employee number' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('签到 / 签退')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in / Sign out' })).toBeVisible();

  await scanBadge(page, 'BADGE-UNKNOWN');
  await expect(page.getByRole('alert')).toHaveText('This badge is not recognised. Please use your employee number and PIN.');
  await scanBadge(page, 'BADGE-1130');
  const confirmation = page.getByRole('main', { name: 'Signed in' });
  await expect(confirmation).toContainText(person.name);
  const recorded = await hub.lastPresence('1130');
  await expect(confirmation).toContainText(`Signed in at ${siteTime(recorded!.at, 'en')}`);

  // The day's first sign-in goes on to the appearance self-check; all OK, then its result.
  await page.getByRole('button', { name: 'Submit self-check' }).tap();
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByRole('button', { name: '中文' }).tap();
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  await expect(page.getByRole('button', { name: '输入工号' })).toBeVisible();
});
