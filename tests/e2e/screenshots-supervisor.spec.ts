/**
 * A tour of the supervisor's sections of the admin desk for people to look at: PNGs in screenshots/
 * (git-ignored), the day at the door, the self-check review and the door settings, in zh-CN and en,
 * at a desk's landscape sizes and a portrait display. Runs only with SCREENSHOTS=1 (see
 * playwright.config.ts). The site is given six weeks of sign-ins and self-checks through the API,
 * with the hub's clock set back, so the chart has something to show.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { unlockAdmin } from './fixtures.js';
import { repoRoot } from './support/paths.js';
import { addDays, expect, test, type CheckOutcome, type SupervisorSite } from './support/supervisor.js';

const outDir = join(repoRoot, 'screenshots');
const sizes = [
  { name: 'wide', width: 1920, height: 1080 },
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
const languages = [
  { code: 'zh-CN', button: '中文', review: '自检复核', door: '门禁设置' },
  { code: 'en', button: 'English', review: 'Self-check review', door: 'Door settings' },
] as const;

async function shootAllSizes(page: Page, screen: string, language: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    // Chart.js redraws a frame after its box changes size.
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, `${screen}-${language}-${size.name}.png`), fullPage: true });
  }
  await page.setViewportSize(sizes[1]);
}

/** Each team its own habits, so the chart's lines part: a share of checks done, drifting by week. */
const teamHabit = [0.97, 0.88, 0.72, 0.92, 0.6, 0.8];
/** A repeatable "random" number in [0, 1) for a person-day. */
const chance = (n: number) => {
  const x = Math.sin(n * 12.9898) * 43758.5453;
  return x - Math.floor(x);
};

async function seedSite(site: SupervisorSite) {
  const { day: today, weekStart } = site.today();
  const admin = { employeeNo: '1004', pin: '1234' };
  // Training: most valid, some expired, some expiring, the newest starters none yet.
  const nos = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  await site.call('people.recordTraining', { auth: admin, employeeNos: nos(1001, 1200), passedOn: addDays(today, -120) });
  await site.call('people.recordTraining', { auth: admin, employeeNos: nos(1201, 1215), passedOn: addDays(today, -400), expiresOn: addDays(today, -35) });
  await site.call('people.recordTraining', { auth: admin, employeeNos: nos(1216, 1225), passedOn: addDays(today, -350), expiresOn: addDays(today, 12) });

  // Six weeks back: 36 people (six a team) on Monday, Wednesday and Friday.
  const crew = Array.from({ length: 36 }, (_, i) => 1001 + i);
  for (let week = 6; week >= 1; week--) {
    for (const offset of [0, 2, 4]) {
      const date = addDays(weekStart, -7 * week + offset);
      const outcomes = crew.map((no): CheckOutcome => {
        const habit = teamHabit[(no - 1001) % 6]! + (6 - week) * 0.02 * ((no - 1001) % 2 ? 1 : -0.5);
        const roll = chance(no * 31 + week * 7 + offset);
        return roll > habit ? 'none' : roll > habit - 0.05 ? 'failed' : 'passed';
      });
      await site.at(site.instant(date, '08:30'), async () => {
        for (const [i, no] of crew.entries()) await site.signInAndCheck(no, outcomes[i]!);
      });
      await site.at(site.instant(date, '17:45'), async () => {
        for (const no of crew) await site.signOut(no);
      });
    }
  }

  // The supervisor dealt with the weeks gone by; what failed this week still waits.
  const actions = ['corrected_on_site', 'spare_provided', 'reminded', 'changed_before_shift'];
  const open = (await site.call('appearance.reviewQueue', { status: 'open', limit: 200 })).body.items as { checkId: number; at: string }[];
  for (const [i, item] of open.entries()) {
    if (Date.parse(item.at) >= site.instant(weekStart, '03:00')) continue;
    const note = i % 3 === 0 ? '已当面提醒，次日复查合格' : '';
    await site.call('appearance.resolve', { auth: { employeeNo: '1002', pin: '1234' }, checkId: item.checkId, action: actions[i % actions.length], note });
  }

  // Yesterday three people forgot to sign out: this morning's daily close recorded it.
  const yesterday = addDays(today, -1);
  await site.at(site.instant(yesterday, '13:00'), async () => {
    for (const no of [1101, 1102, 1103]) await site.signInAndCheck(no, 'passed');
  });
  await site.hub.autoSignOut.run(site.instant(today, '03:01'));

  // Today: a morning's sign-ins, two failed checks, some missing; the desk then looks at 11:30.
  const start = site.instant(today, '08:00');
  const todays = [...Array.from({ length: 24 }, (_, i) => 1040 + i), 1203, 1207, 1218, 1235];
  for (const [i, no] of todays.entries()) {
    const outcome: CheckOutcome = i === 3 || i === 11 ? 'failed' : i % 7 === 5 ? 'none' : 'passed';
    await site.at(start + i * 3 * 60_000, () => site.signInAndCheck(no, outcome, i === 3 ? '工牌忘在家里，已找前台借临时牌' : ''));
  }
  await site.at(start + 90 * 60_000, async () => {
    for (const no of [1041, 1044]) await site.signOut(no);
    const briefing = (await site.call('briefing.current', {}, site.kiosk)).body;
    for (const [name, company, host] of [
      ['赵六', '某某快递', '1045'],
      ['Anna Schmidt', 'Nordlicht Telecom GmbH', '1002'],
    ]) {
      await site.call('visitor.signIn', { name, company, hostEmployeeNo: host, briefingVersion: briefing.version, language: 'zh-CN', accepted: true }, site.kiosk);
    }
  });
  site.travelTo(site.instant(today, '11:30'));
}

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));
test.describe.configure({ timeout: 300_000 });

test('the supervisor’s screens', async ({ page, pairAs, site }) => {
  await seedSite(site);
  await pairAs('admin');
  await unlockAdmin(page, '1002');
  for (const language of languages) {
    await page.getByRole('button', { name: language.button }).click();
    await page.getByRole('navigation').getByRole('button').first().click();
    await expect(page.locator('.compliance .chart-box')).toHaveAttribute('data-state', 'drawn');
    await shootAllSizes(page, 'admin-today', language.code);

    await page.getByRole('navigation').getByRole('button', { name: language.review }).click();
    await expect(page.locator('.review-card').first()).toBeVisible();
    await shootAllSizes(page, 'admin-review', language.code);

    await page.getByRole('navigation').getByRole('button', { name: language.door }).click();
    await expect(page.getByTestId('briefing-version')).toBeVisible();
    await shootAllSizes(page, 'admin-door', language.code);
  }
});
