/** The wall display follows the door as it happens, without being reloaded. */
import { expect, test } from './fixtures.js';
import { siteTime } from './support/time.js';

test('the on-site list and count update live when someone signs in and out elsewhere', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1201');
  const backDoorKiosk = await hub.token('kiosk');
  await pairAs('display');
  await expect(page.getByRole('status').filter({ hasText: '实时' })).toBeVisible();
  const count = page.getByTestId('on-site-count');
  await expect(count).toHaveText(/^\d+$/);
  const before = Number(await count.textContent());
  // Set on this document only: it is gone if anything reloads the page.
  await page.evaluate(() => Object.assign(window, { e2eSameDocument: true }));

  const signIn = await hub.call('presence.toggle', { badge: 'BADGE-1201' }, backDoorKiosk);
  expect(signIn.body.event?.kind).toBe('in');

  const row = page.getByRole('list', { name: '在场人员名单' }).getByRole('listitem').filter({ hasText: person.name });
  await expect(row).toContainText(person.team);
  await expect(row).toContainText(`${siteTime(Date.parse(signIn.body.event.at))} 签到`);
  await expect(count).toHaveText(String(before + 1));

  const signOut = await hub.call('presence.toggle', { badge: 'BADGE-1201' }, backDoorKiosk);
  expect(signOut.body.event?.kind).toBe('out');
  await expect(row).toHaveCount(0);
  await expect(count).toHaveText(String(before));
  expect(await page.evaluate(() => (window as { e2eSameDocument?: boolean }).e2eSameDocument)).toBe(true);
});

test('a display that lost the event stream says so, reconnects by itself and catches up', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1202');
  const backDoorKiosk = await hub.token('kiosk');
  await page.route('**/api/v1/events', (route) => route.abort('connectionrefused'));
  await pairAs('display');
  await expect(page.getByRole('status').filter({ hasText: '正在重新连接…' })).toBeVisible();
  await expect(page.getByTestId('on-site-count')).toHaveText(/^\d+$/);

  // Signed in while the display hears nothing: only a fetch after reconnecting can show it.
  expect((await hub.call('presence.toggle', { badge: 'BADGE-1202' }, backDoorKiosk)).status).toBe(200);
  await expect(page.getByRole('listitem').filter({ hasText: person.name })).toHaveCount(0);
  await page.unroute('**/api/v1/events');

  await expect(page.getByRole('status').filter({ hasText: '实时' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('listitem').filter({ hasText: person.name })).toBeVisible();
});
