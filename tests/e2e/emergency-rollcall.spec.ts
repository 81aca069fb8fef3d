/**
 * Roll call on the warden's tablet: search and tap, or scan a badge; the wall display's counts and
 * list follow; the end with the warden's PIN brings the report and its PDF. Employee numbers 551x.
 */
import type { Page } from '@playwright/test';
import { expect, homeLandmark, scanBadge, test } from './fixtures.js';
import { badgeOf, EmergencyKit, evacuation, openScreen, warden, type RosterPerson } from './support/emergency.js';

const keypad = (page: Page) => page.getByRole('group', { name: '数字键盘' });
async function tapDigits(page: Page, digits: string) {
  for (const digit of digits) await keypad(page).getByRole('button', { name: digit, exact: true }).tap();
}
const count = async (page: Page, which: 'on-site' | 'accounted' | 'missing') => Number(await page.getByTestId(`count-${which}`).textContent());

let kit: EmergencyKit;
const people: RosterPerson[] = [
  { employeeNo: '5511', name: '慕容清风', team: '话务一组' },
  { employeeNo: '5512', name: '东方明月', team: '话务三组' },
  { employeeNo: '5513', name: '皇甫星河', team: '质检培训组' },
  { employeeNo: '5514', name: '令狐春晓', team: '在线客服组' },
];
test.beforeEach(({ hub }) => {
  kit = new EmergencyKit(hub);
});
test.afterEach(async () => {
  await kit.endAny();
  await kit.signOut(people);
});

test('the warden marks people safe by search and by badge; the display’s counts and list follow; the end brings the report', async ({
  page,
  browser,
  hub,
  pairAs,
}) => {
  await kit.signIn(people);
  const display = await openScreen(browser, hub, 'display');
  await pairAs('warden');
  await page.setViewportSize({ width: 1024, height: 768 });
  const { id } = await kit.start('fire', true);

  await expect(evacuation(page)).toBeVisible();
  await expect(evacuation(display.page)).toBeVisible();
  const rollList = page.getByRole('list', { name: '尚未确认安全的人员' });
  const displayList = display.page.getByTestId('missing-list');
  for (const person of people) {
    await expect(rollList.getByRole('button', { name: new RegExp(person.name) })).toBeVisible();
    await expect(displayList.getByText(person.name)).toBeVisible();
  }
  const onSite = await count(display.page, 'on-site');
  const missingBefore = await count(display.page, 'missing');
  expect(missingBefore).toBeGreaterThanOrEqual(people.length);
  await expect(display.page.getByTestId('count-accounted')).toHaveText('0');

  // Search by name, tap to mark safe.
  const search = page.getByRole('searchbox', { name: '按姓名或工号查找' });
  await search.fill('慕容');
  await expect(rollList.getByRole('button')).toHaveCount(1);
  await rollList.getByRole('button', { name: /慕容清风/ }).tap();
  await expect(page.getByRole('status').filter({ hasText: '已确认安全：慕容清风' })).toBeVisible();
  await expect(display.page.getByTestId('count-accounted')).toHaveText('1');
  await expect(display.page.getByTestId('count-missing')).toHaveText(String(missingBefore - 1));
  await expect(displayList.getByText('慕容清风')).toHaveCount(0);
  await expect(page.getByTestId('count-accounted')).toHaveText('1');

  // Search by employee number, Enter takes the one match.
  await search.fill('5512');
  await search.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '已确认安全：东方明月' })).toBeVisible();
  await expect(search).toHaveValue('');
  await expect(display.page.getByTestId('count-accounted')).toHaveText('2');

  // A badge scanned anywhere on the tablet (keyboard-wedge reader).
  await page.getByRole('heading', { level: 1 }).click();
  await scanBadge(page, badgeOf('5513'));
  await expect(page.getByRole('status').filter({ hasText: '已确认安全：皇甫星河' })).toBeVisible();
  await expect(display.page.getByTestId('count-accounted')).toHaveText('3');
  await expect(display.page.getByTestId('count-missing')).toHaveText(String(missingBefore - 3));
  await expect(display.page.getByTestId('count-on-site')).toHaveText(String(onSite));
  await expect(displayList.getByText('皇甫星河')).toHaveCount(0);
  await expect(displayList.getByText('令狐春晓')).toBeVisible();
  // A badge nobody on the list has is said so, and marks nobody.
  await scanBadge(page, 'EVB-NOBODY');
  await expect(page.getByRole('status').filter({ hasText: '未识别此工牌，没有标记任何人' })).toBeVisible();
  await expect(display.page.getByTestId('count-accounted')).toHaveText('3');

  // Another warden marks 令狐春晓 just before this tablet's tap reaches the hub: counted once, and said so.
  await page.route('**/api/v1/emergency.markSafe', async (route) => {
    await kit.call('warden', 'emergency.markSafe', { emergencyId: id, employeeNo: '5514' });
    await route.continue();
  });
  await rollList.getByRole('button', { name: /令狐春晓/ }).tap();
  await expect(page.getByRole('status').filter({ hasText: '令狐春晓 已由他人确认安全。' })).toBeVisible();
  await expect(display.page.getByTestId('count-accounted')).toHaveText('4');
  await expect(page.getByTestId('count-accounted')).toHaveText('4');
  await page.unroute('**/api/v1/emergency.markSafe');

  // The roll-call list as a PDF, during the emergency.
  const listPdf = page.waitForEvent('download');
  await page.getByRole('button', { name: '点名表（PDF）' }).tap();
  expect((await listPdf).suggestedFilename()).toMatch(/\.pdf$/);

  // The end: the warden's number and PIN on the keypad.
  await page.getByRole('button', { name: '结束演练' }).tap();
  const dialog = page.getByRole('dialog', { name: '结束演练' });
  await tapDigits(page, warden.employeeNo);
  await dialog.getByRole('button', { name: '下一步' }).tap();
  await tapDigits(page, '1234');
  await dialog.getByRole('button', { name: '结束', exact: true }).tap();

  const report = page.getByRole('main', { name: '疏散演练已结束' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('火灾 · 演练');
  await expect(report).toContainText(warden.name);
  const rows = report.getByRole('row');
  await expect(rows.filter({ hasText: '令狐春晓' })).toContainText('在集合点确认');
  await expect(rows.filter({ hasText: '慕容清风' })).toContainText('在集合点确认');
  // Anyone else on site (other specs' people) was never marked: then not everyone was accounted for.
  if (missingBefore > people.length) await expect(report.getByTestId('time-to-all')).toHaveText('未能全部确认');
  else await expect(report.getByTestId('time-to-all')).toHaveText(/^\d+ (秒|分 \d+ 秒)$/);
  const reportPdf = page.waitForEvent('download');
  await report.getByRole('button', { name: '打印报告（PDF）' }).tap();
  expect((await reportPdf).suggestedFilename()).toMatch(/\.pdf$/);
  await expect(homeLandmark(display.page, 'display')).toBeVisible();

  await report.getByRole('button', { name: '完成' }).tap();
  await expect(evacuation(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '演练记录' })).toBeVisible();
  await display.context.close();
});

test('the drill history lists the drill with its report; no overdue warning right after one', async ({ page, pairAs }) => {
  await kit.signIn(people.slice(0, 1));
  await pairAs('warden');
  const { id } = await kit.start('gas', true);
  await kit.endAny();
  await expect(page.getByRole('main', { name: '疏散演练已结束' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).tap();
  await expect(page.getByTestId('drill-overdue')).toHaveCount(0);

  await page.getByRole('button', { name: '演练记录' }).tap();
  const dialog = page.getByRole('dialog', { name: '疏散演练与紧急情况记录' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('上次演练：');
  const item = dialog.getByTestId('history-item').first();
  await expect(item).toContainText('燃气泄漏');
  await expect(item).toContainText('演练');
  const pdf = page.waitForEvent('download');
  await item.getByRole('button', { name: /^PDF：.*的报告$/ }).tap();
  expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
  expect((await kit.call('warden', 'emergency.report', { emergencyId: id })).body.drill).toBe(true);
  await dialog.getByRole('button', { name: '关闭' }).tap();
  await expect(dialog).toHaveCount(0);
});
