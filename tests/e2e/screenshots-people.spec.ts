/**
 * A tour of people admin and roster import for people to look at: PNGs in screenshots/ (git-ignored),
 * each screen in zh-CN and en, at a desk's landscape sizes and a portrait display. Runs only with
 * SCREENSHOTS=1 (see playwright.config.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { gbk } from '../support/gbk.js';
import { expect, test, unlockAdmin } from './fixtures.js';
import { repoRoot } from './support/paths.js';

const outDir = join(repoRoot, 'screenshots');
const sizes = [
  { name: 'wide', width: 1920, height: 1080 },
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;
const languages = [
  { code: 'zh-CN', button: '中文', people: '人员', roster: '名册导入' },
  { code: 'en', button: 'English', people: 'People', roster: 'Roster import' },
] as const;

async function shootAllSizes(page: Page, screen: string, language: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(outDir, `${screen}-${language}-${size.name}.png`), fullPage: true });
  }
  await page.setViewportSize(sizes[1]);
}

const header = 'name,pin,工号,班组,training_passed_on\n';
/** A GBK file as Excel saves it: Chinese names and headers, columns in an unusual order, bad lines. */
const smallRoster = (base: number) =>
  gbk(
    header +
      `张三,1234,${base + 1},话务一组,2026-01-05\n` +
      `"Wang, Wei",5678,${base + 2},投诉处理组,\n` +
      `李四,12,${base + 3},话务一组,\n` +
      `,1234,${base + 4},话务一组,\n` +
      `陈静,,${base + 1},话务一组,\n` +
      '王伟,,1010,话务一组,2026-02-30\n',
  );

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));
// Full-page shots of long screens at three sizes take a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

for (const language of languages) {
  test(`people admin in ${language.code}`, async ({ page, pairAs }) => {
    await pairAs('admin');
    await page.getByRole('button', { name: language.button }).click();
    await unlockAdmin(page);
    await page.getByRole('navigation').getByRole('button', { name: language.people, exact: true }).click();
    await expect(page.locator('.people-table tbody tr').first()).toBeVisible();
    await shootAllSizes(page, 'people-list', language.code);

    const rows = page.locator('.people-table tbody tr');
    for (const i of [1, 2, 3]) await rows.nth(i).locator('input[type="checkbox"]').check();
    await shootAllSizes(page, 'people-ticked', language.code);
    await page.locator('.people-selection .button-primary').click();
    await shootAllSizes(page, 'people-bulk-training', language.code);
    await page.locator('form .button-primary').click();
    await expect(page.locator('.notice-ok')).toBeVisible();

    await rows.nth(1).locator('.people-open').click();
    await expect(page.locator('.people-history')).toBeVisible();
    await page.locator('.panel-danger .button-danger').click();
    await shootAllSizes(page, 'people-person', language.code);

    await page.locator('.toolbar .button-secondary').first().click();
    await page.locator('.toolbar .button-primary').click();
    const form = page.locator('form');
    await form.locator('input').nth(0).fill('1001');
    await form.locator('input').nth(1).fill('重复的人');
    await form.locator('input[type="password"]').nth(0).fill('12');
    await form.locator('.button-primary').click();
    await shootAllSizes(page, 'people-add-problems', language.code);
    await form.locator('input[type="password"]').nth(0).fill('2468');
    await form.locator('input[type="password"]').nth(1).fill('2468');
    await form.locator('.button-primary').click();
    await expect(page.locator('.notice-error')).toBeVisible();
    await shootAllSizes(page, 'people-add-refused', language.code);
  });

  test(`roster import in ${language.code}`, async ({ page, pairAs }) => {
    await pairAs('admin');
    await page.getByRole('button', { name: language.button }).click();
    await unlockAdmin(page);
    await page.getByRole('navigation').getByRole('button', { name: language.roster, exact: true }).click();
    await shootAllSizes(page, 'roster-pick', language.code);

    await page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: smallRoster(language.code === 'en' ? 5200 : 5100) });
    await page.locator('.toolbar .button-primary').click();
    await expect(page.locator('.roster-preview')).toBeVisible();
    await shootAllSizes(page, 'roster-preview', language.code);

    const big = Array.from({ length: 400 }, (_, i) => `${(language.code === 'en' ? 7000 : 6000) + i},Person ${i},${String(1000 + i)}`).join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`employee_no,name,pin\n${big}\n`) });
    await page.locator('.toolbar .button-primary').click();
    await page.locator('.roster-import-bar .button-primary').click();
    await expect(page.locator('.roster-count')).toBeVisible();
    await page.screenshot({ path: join(outDir, `roster-progress-${language.code}-landscape.png`), fullPage: true });
    await page.locator('.roster-progress .button-danger').click();
    await expect(page.locator('.roster-outcome .notice-warn')).toBeVisible();
    await shootAllSizes(page, 'roster-cancelled', language.code);

    await page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: smallRoster(language.code === 'en' ? 5200 : 5100) });
    await page.locator('.toolbar .button-primary').click();
    await page.locator('.roster-import-bar .button-primary').click();
    await expect(page.locator('.roster-done')).toBeVisible({ timeout: 20_000 });
    await shootAllSizes(page, 'roster-done', language.code);
  });
}
