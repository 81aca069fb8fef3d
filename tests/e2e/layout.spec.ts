/**
 * Every kiosk and display screen at the sizes the floor has (1024×600 up to 1920×1080, both ways
 * round): no sideways scroll, touch targets of at least 48×48, no text under 18px, and the buttons
 * a person needs on screen without scrolling.
 */
import { expect, freezePageClock, scanBadge, test } from './fixtures.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';

test('the kiosk home, keypad and confirmation fit every screen size', async ({ page, pairAs }) => {
  // Frozen time keeps the confirmation up while it is measured.
  await page.clock.install();
  await pairAs('kiosk');
  await expectTouchFriendlyEverywhere(page, ['输入工号', 'English']);

  await page.getByRole('button', { name: '输入工号' }).tap();
  await expectTouchFriendlyEverywhere(page, ['0', '9', '下一步', '取消']);

  await scanBadge(page, 'BADGE-1151');
  await expect(page.getByRole('main', { name: '签到成功' })).toBeVisible();
  // The day's first sign-in goes on to the appearance self-check, whose submit stays in reach.
  await expectTouchFriendlyEverywhere(page, ['提交自检']);
  await page.getByRole('button', { name: '提交自检' }).tap();
  await expect(page.getByRole('main', { name: '自检通过' })).toBeVisible();
  await freezePageClock(page);
  await expectTouchFriendlyEverywhere(page, ['完成']);
});

test('the display and the unpaired page fit every screen size', async ({ page, hub, pairAs }) => {
  const kiosk = await hub.token('kiosk');
  for (const no of ['1152', '1153', '1154', '1155']) await hub.call('presence.toggle', { badge: `BADGE-${no}` }, kiosk);
  await pairAs('display');
  await expect(page.getByRole('listitem').filter({ hasText: (await hub.person('1155')).name })).toBeVisible();
  await expectTouchFriendlyEverywhere(page);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { name: '此屏幕尚未配对' })).toBeVisible();
  await expectTouchFriendlyEverywhere(page);
});
