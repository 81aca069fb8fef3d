/**
 * The entrance kiosk, as staff use it: badge scans and the keypad. Each test has its own person so
 * that tests sharing a worker's hub cannot change each other's outcome.
 */
import { expect, scanBadge, test, homeLandmark } from './fixtures.js';
import { siteTime } from './support/time.js';
import type { Page } from '@playwright/test';

const keypad = (page: Page) => page.getByRole('group', { name: '数字键盘' });

async function tapDigits(page: Page, digits: string) {
  for (const digit of digits) await keypad(page).getByRole('button', { name: digit, exact: true }).tap();
}

test('a badge scan signs the person in and names them', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1101');
  await pairAs('kiosk');

  await scanBadge(page, 'BADGE-1101');

  const confirmation = page.getByRole('main', { name: '签到成功' });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText(person.name);
  await expect(confirmation).toContainText(person.team);
  const recorded = await hub.lastPresence('1101');
  expect(recorded?.kind).toBe('in');
  await expect(confirmation).toContainText(`签到时间 ${siteTime(recorded!.at)}`);
});

test('a second scan signs the person out, and home shows nothing of them afterwards', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1102');
  await pairAs('kiosk');
  await scanBadge(page, 'BADGE-1102');
  await expect(page.getByRole('main', { name: '签到成功' })).toContainText(person.name);
  // The day's first sign-in goes on to the appearance self-check; all OK, then its result.
  await page.getByRole('button', { name: '提交自检' }).tap();
  await page.getByRole('button', { name: '完成' }).tap();
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();

  await scanBadge(page, 'BADGE-1102');

  const confirmation = page.getByRole('main', { name: '签退成功' });
  await expect(confirmation).toContainText(person.name);
  const recorded = await hub.lastPresence('1102');
  expect(recorded?.kind).toBe('out');
  await expect(confirmation).toContainText(`签退时间 ${siteTime(recorded!.at)}`);
  // Nobody taps "done" this time: the kiosk goes home by itself and forgets the person.
  await expect(homeLandmark(page, 'kiosk')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(person.name)).toHaveCount(0);
});

test('employee number and PIN tapped on the on-screen keypad sign the person in', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1103');
  await pairAs('kiosk');

  await page.getByRole('button', { name: '输入工号' }).tap();
  await expect(page.getByRole('heading', { name: '请输入工号' })).toBeVisible();
  await tapDigits(page, '1103');
  await expect(page.getByRole('status', { name: '工号' })).toHaveText('1103');
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  await expect(page.getByText('工号 1103')).toBeVisible();
  await tapDigits(page, '1234');
  // The PIN itself never appears on screen, only how many digits were typed.
  await expect(page.getByRole('status', { name: '已输入 4 位密码' })).toHaveText('');
  await page.getByRole('button', { name: '确定' }).tap();

  const confirmation = page.getByRole('main', { name: '签到成功' });
  await expect(confirmation).toContainText(person.name);
  expect((await hub.lastPresence('1103'))?.kind).toBe('in');
});

test('a wrong PIN says how many tries are left and lets the person try again', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1104');
  await pairAs('kiosk');
  await page.getByRole('button', { name: '输入工号' }).tap();
  await tapDigits(page, '1104');
  await page.getByRole('button', { name: '下一步' }).tap();
  await tapDigits(page, '9999');
  await page.getByRole('button', { name: '确定' }).tap();

  await expect(page.getByRole('alert')).toHaveText('密码错误，还可尝试 4 次。');
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  expect(await hub.lastPresence('1104')).toBeNull();

  await tapDigits(page, '1234');
  await page.getByRole('button', { name: '确定' }).tap();
  await expect(page.getByRole('main', { name: '签到成功' })).toContainText(person.name);
});

test('an unknown badge is explained, and the message does not stay for the next person', async ({ page, pairAs }) => {
  await page.clock.install();
  await pairAs('kiosk');

  await scanBadge(page, 'BADGE-NOBODY');

  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('无法识别此工牌，请使用工号和密码。');
  await page.clock.runFor(10_000);
  await expect(alert).toBeEmpty();
});

test('typing at human speed is not taken for a badge', async ({ page, hub, pairAs }) => {
  await pairAs('kiosk');

  await page.keyboard.type('BADGE-1105', { delay: 120 });
  await page.keyboard.press('Enter');

  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  await expect(page.getByRole('alert')).toBeEmpty();
  expect(await hub.lastPresence('1105')).toBeNull();
});

test('keypad entry left alone returns home and forgets the number', async ({ page, pairAs }) => {
  await page.clock.install();
  await pairAs('kiosk');
  await page.getByRole('button', { name: '输入工号' }).tap();
  await tapDigits(page, '1106');

  await page.clock.runFor(31_000);

  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  await page.getByRole('button', { name: '输入工号' }).tap();
  await expect(page.getByRole('status', { name: '工号' })).toHaveText('');
});
