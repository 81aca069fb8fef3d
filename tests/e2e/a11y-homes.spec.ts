/**
 * Every role's home screen, opened as an administrator would — through a real pairing link — has
 * no serious or critical accessibility violation (axe-core), in zh-CN and in en; the kiosk's keypad
 * and confirmation too.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { expect, scanBadge, test } from './fixtures.js';

async function seriousViolations(page: Page) {
  const results = await analyzeAccessibility(page);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function inBothLanguages(page: Page, check: () => Promise<void>) {
  await check();
  await page.getByRole('button', { name: 'English' }).click();
  await check();
}

for (const role of ['kiosk', 'display', 'warden', 'admin'] as const) {
  test(`the ${role} home has no serious or critical accessibility violation, in zh-CN and en`, async ({ page, hub }) => {
    await page.goto(await hub.pairingLink(role));
    await expect(page.getByRole('main').first()).toBeVisible();
    await inBothLanguages(page, async () => expect(await seriousViolations(page)).toEqual([]));
  });
}

test('the kiosk keypad and confirmation have no serious or critical violation', async ({ page, pairAs }) => {
  await pairAs('kiosk');
  await page.getByRole('button', { name: /输入工号/ }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.goto('/');
  await scanBadge(page, 'BADGE-1219');
  await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
