/**
 * The supervisor's day at the door: sign-ins and a failed self-check made at the kiosk (through the
 * hub's API) reach the dashboard by themselves, the open flag leads to the review, a past day can
 * be picked, and the compliance chart draws the figures of a known set of weeks, with the same
 * figures in the table under it. No serious accessibility problem, in zh-CN and en.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { unlockAdmin } from './fixtures.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';
import { addDays, expect, teamOf, test } from './support/supervisor.js';

const tile = (page: Page, key: string) => page.locator(`[data-tile="${key}"] .tile-value`);
const tileNumber = async (page: Page, key: string) => Number(await tile(page, key).textContent());

async function openToday(page: Page, pairAs: (role: 'admin') => Promise<void>) {
  await pairAs('admin');
  await unlockAdmin(page, '1002');
  await expect(page.getByRole('heading', { level: 1, name: '今日门禁' })).toBeVisible();
  await expect(tile(page, 'signedIn')).toBeVisible();
}

test('a sign-in and a failed self-check at the door show on the open dashboard, and the flag opens the review', async ({ page, pairAs, site }) => {
  await openToday(page, pairAs);
  const signedIn = await tileNumber(page, 'signedIn');
  const openFlags = await tileNumber(page, 'openFlags');
  const failed = await tileNumber(page, 'selfChecksFailed');
  const person = (await site.hub.db.get<{ name: string }>('SELECT name FROM people WHERE employee_no = ?', ['1037']))!;

  await site.signInAndCheck(1037, 'failed', '工牌落在家里');

  // The sign-in and the check are both announced to the open screen: no wait for the 30 s refresh.
  await expect(tile(page, 'signedIn')).toHaveText(String(signedIn + 1));
  await expect(tile(page, 'openFlags')).toHaveText(String(openFlags + 1));
  await expect(tile(page, 'selfChecksFailed')).toHaveText(String(failed + 1));
  const row = page.locator('.people-table tbody tr', { hasText: person.name });
  await expect(row).toContainText(teamOf(1037));
  await expect(row).toContainText('未通过');
  await expect(row).toContainText('在场');
  await expect(row).toContainText('无培训记录');

  // "Failed" narrows the list to the people to go and see.
  await page.locator('[data-tile="selfChecksFailed"]').click();
  await expect(page.getByRole('button', { name: /自检未通过/, pressed: true })).toBeVisible();
  await expect(page.locator('.people-table tbody tr', { hasText: person.name })).toBeVisible();
  await expect(page.locator('.people-table tbody tr', { hasText: '通过' }).filter({ hasNotText: '未通过' })).toHaveCount(0);

  await page.locator('[data-tile="openFlags"]').click();
  await expect(page.getByRole('heading', { level: 1, name: '自检复核' })).toBeVisible();
  await expect(page.locator('.review-card', { hasText: person.name })).toContainText('工牌落在家里');
});

test('the compliance chart and its table show a known set of weeks, and a past day can be picked', async ({ page, pairAs, site }) => {
  const { weekStart } = site.today();
  const twoAgo = addDays(weekStart, -14);
  const lastWeek = addDays(weekStart, -7);
  const [lastTue, lastWed, lastThu] = [addDays(lastWeek, 1), addDays(lastWeek, 2), addDays(lastWeek, 3)];
  // 话务一组 (1007, 1013): two weeks ago both checked and passed; last week one failed, one never checked.
  // 话务二组 (1008, 1014, 1020, 1026): last week three of four checked; 1026 forgot to sign out.
  expect([1007, 1013].map(teamOf)).toEqual(['话务一组', '话务一组']);
  expect([1008, 1014, 1020, 1026].map(teamOf)).toEqual(['话务二组', '话务二组', '话务二组', '话务二组']);
  const day = async (date: string, plan: [number, 'passed' | 'failed' | 'none', boolean][]) => {
    await site.at(site.instant(date, '08:30'), async () => {
      for (const [no, outcome] of plan) await site.signInAndCheck(no, outcome);
    });
    await site.at(site.instant(date, '17:30'), async () => {
      for (const [no, , leaves] of plan) if (leaves) await site.signOut(no);
    });
  };
  await day(twoAgo, [
    [1007, 'passed', true],
    [1013, 'passed', true],
  ]);
  await day(lastTue, [
    [1007, 'failed', true],
    [1013, 'none', true],
  ]);
  await day(lastWed, [
    [1008, 'passed', true],
    [1014, 'passed', true],
    [1020, 'failed', true],
    [1026, 'none', false],
  ]);
  // The daily close the next morning records 1026's forgotten sign-out.
  await site.hub.autoSignOut.run(site.instant(lastThu, '03:05'));

  await openToday(page, pairAs);
  const chart = page.locator('.compliance canvas');
  await expect(page.locator('.compliance .chart-box')).toHaveAttribute('data-state', 'drawn');
  const box = await chart.boundingBox();
  expect(box?.width).toBeGreaterThan(200);
  expect(box?.height).toBeGreaterThan(150);
  await expect(chart).toHaveAttribute('aria-label', /折线图/);

  const table = page.locator('.compliance-table');
  const headers = await table.locator('thead th').allTextContents();
  const column = (team: string) => headers.findIndex((h) => h.includes(team));
  const cell = (weekLabel: RegExp, team: string) => table.locator('tbody tr', { has: page.locator('th', { hasText: weekLabel }) }).locator('th, td').nth(column(team));
  const weekLabel = (monday: string) => new RegExp(`^${Number(monday.slice(5, 7))}/${Number(monday.slice(8, 10))}`);
  await expect(cell(weekLabel(twoAgo), '话务一组')).toHaveText('100%2/2');
  await expect(cell(weekLabel(lastWeek), '话务一组')).toHaveText('50%1/2');
  await expect(cell(weekLabel(lastWeek), '话务二组')).toHaveText('75%3/4');
  await expect(cell(weekLabel(lastWeek), '全部班组')).toHaveText('67%4/6');
  await expect(cell(weekLabel(twoAgo), '话务二组')).toHaveText('—');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.compliance-table caption')).toHaveText('Self-checks done of those owed, per team and week');
  await expect(cell(weekLabel(lastWeek), '话务二组')).toHaveText('75%3 of 4');
  await expect(chart).toHaveAttribute('aria-label', /Line chart/);
  await page.getByRole('button', { name: '中文' }).click();

  // Last Wednesday: four people, one check failed, one missing, and the forgotten sign-out closed the next morning.
  await page.getByLabel('日期').fill(lastWed);
  await expect(page.locator('.screen-sub').first()).toContainText(`${Number(lastWed.slice(5, 7))}月${Number(lastWed.slice(8, 10))}日`);
  await expect(tile(page, 'signedIn')).toHaveText('4');
  await expect(tile(page, 'selfChecksFailed')).toHaveText('1');
  await expect(tile(page, 'selfChecksMissing')).toHaveText('1');
  await page.getByRole('button', { name: '后一天' }).click();
  await expect(tile(page, 'autoClosed')).toHaveText('1');
  const name1026 = (await site.hub.db.get<{ name: string }>('SELECT name FROM people WHERE employee_no = ?', ['1026']))!.name;
  await expect(page.locator('#today-auto tbody tr', { hasText: name1026 })).toContainText('03:00');
  await page.getByRole('button', { name: '今天', exact: true }).click();
  await expect(page.getByRole('button', { name: '后一天' })).toBeDisabled();
});

test('the day screen has no serious accessibility violation in zh-CN and en, and fits every size', async ({ page, pairAs, site }) => {
  // axe over a full day's tables, and six screen sizes, take a while on a busy test machine.
  test.setTimeout(120_000);
  await site.signInAndCheck(1043, 'passed');
  await openToday(page, pairAs);
  await expect(page.locator('.compliance .chart-box')).toHaveAttribute('data-state', 'drawn');
  for (const language of ['English', '中文']) {
    const results = await analyzeAccessibility(page);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: language }).click();
  }
  await expectTouchFriendlyEverywhere(page);
});
