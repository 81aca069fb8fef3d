/**
 * A tour of the screens for people to look at: PNGs in screenshots/ (git-ignored), every screen in
 * both languages at the floor's sizes. Runs only with SCREENSHOTS=1 (see playwright.config.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, freezePageClock, scanBadge, test } from './fixtures.js';
import { repoRoot } from './support/paths.js';

const outDir = join(repoRoot, 'screenshots');
const sizes = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
  { name: 'small', width: 1024, height: 600 },
] as const;
const languages = [
  { code: 'zh-CN', button: '中文' },
  { code: 'en', button: 'English' },
] as const;

async function shootAllSizes(page: Page, screen: string, language: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(outDir, `${screen}-${language}-${size.name}.png`), fullPage: true });
  }
}

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));

for (const language of languages) {
  test(`kiosk screens in ${language.code}`, async ({ page, hub, pairAs }) => {
    // 1021's self-check for the day is done, so the sign-in below shows the plain confirmation
    // (the self-check has its own tour in screenshots-door.spec.ts).
    const checklist = (await hub.call('checklist.current', {}, await hub.token('kiosk'))).body;
    await hub.call('appearance.submit', { employeeNo: '1021', pin: '1234', checklistVersion: checklist.version, flagged: [] }, await hub.token('kiosk'));
    await page.clock.install();
    await pairAs('kiosk');
    await page.getByRole('button', { name: language.button }).tap();
    await shootAllSizes(page, 'kiosk-home', language.code);

    await scanBadge(page, 'BADGE-NOBODY');
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await shootAllSizes(page, 'kiosk-home-error', language.code);
    await page.clock.runFor(10_000);

    await page.locator('.kiosk-enter').tap();
    for (const digit of '1021') await page.getByRole('button', { name: digit, exact: true }).tap();
    await shootAllSizes(page, 'keypad-number', language.code);
    await page.locator('.entry-actions .button-primary').tap();
    for (const digit of '9999') await page.getByRole('button', { name: digit, exact: true }).tap();
    await page.locator('.entry-actions .button-primary').tap();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await page.getByRole('button', { name: '9', exact: true }).tap();
    await shootAllSizes(page, 'keypad-pin-wrong', language.code);

    await page.getByRole('button', { name: '9', exact: true }).tap();
    await page.locator('.entry-actions .button-secondary').first().tap();
    await page.locator('.kiosk-enter').tap();
    for (const digit of '1021') await page.getByRole('button', { name: digit, exact: true }).tap();
    await page.locator('.entry-actions .button-primary').tap();
    for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).tap();
    await page.locator('.entry-actions .button-primary').tap();
    await expect(page.locator('.confirmation')).toBeVisible();
    await freezePageClock(page);
    await shootAllSizes(page, 'confirmation', language.code);
  });

  test(`display in ${language.code}`, async ({ page, hub, pairAs }) => {
    const kiosk = await hub.token('kiosk');
    for (let no = 1030; no < 1048; no++) await hub.call('presence.signIn', { badge: `BADGE-${no}` }, kiosk);
    await pairAs('display');
    await page.getByRole('button', { name: language.button }).tap();
    await expect(page.getByRole('listitem').first()).toBeVisible();
    await shootAllSizes(page, 'display', language.code);
  });
}

test('unpaired page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading')).toBeVisible();
  await shootAllSizes(page, 'unpaired', 'zh-CN');
});
