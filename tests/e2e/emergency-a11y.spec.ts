/**
 * The evacuation display and the roll call for everyone: axe-core finds no serious or critical
 * violation in zh-CN or en, and they fit every screen size the floor has (no sideways scroll,
 * touch targets of 48 px, 56 on the roll call, no text under 18 px). Employee numbers 557x.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { EmergencyKit, evacuation, warden, type RosterPerson } from './support/emergency.js';
import { expectNoSeriousViolations, expectTargetsAtLeast } from './support/emergency-checks.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';

const people: RosterPerson[] = [
  { employeeNo: '5571', name: '司徒嘉言', team: '话务一组' },
  { employeeNo: '5572', name: '夏侯云舒', team: '话务二组' },
  { employeeNo: '5573', name: '钟离子墨', team: '投诉处理组' },
];
let kit: EmergencyKit;
test.beforeEach(async ({ hub }) => {
  kit = new EmergencyKit(hub);
  await kit.signIn(people);
});
test.afterEach(async () => {
  await kit.endAny();
  await kit.signOut(people);
});

const languages = [
  { code: 'zh-CN', button: '中文' },
  { code: 'en', button: 'English' },
] as const;

async function chooseLanguage(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).tap();
}

for (const language of languages) {
  test(`the evacuation display, real and drill, in ${language.code}`, async ({ page, pairAs }) => {
    test.setTimeout(120_000);
    await pairAs('display');
    await chooseLanguage(page, language.button);
    await kit.start('fire', false);
    await expect(evacuation(page)).toBeVisible();
    await expect(page.getByTestId('missing-list').getByText(people[0]!.name)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    await expectNoSeriousViolations(page, `evacuation display (${language.code})`);
    await expectTouchFriendlyEverywhere(page);
    await kit.endAny();

    await page.setViewportSize({ width: 1280, height: 800 });
    await kit.start('gas', true);
    await expect(page.getByTestId('drill-label')).toBeVisible();
    await expectNoSeriousViolations(page, `evacuation display, drill (${language.code})`);
    await expectTouchFriendlyEverywhere(page);
  });

  test(`the roll call, its end dialog and the report on the warden’s tablet, in ${language.code}`, async ({ page, pairAs }) => {
    test.setTimeout(120_000);
    await pairAs('warden');
    await chooseLanguage(page, language.button);
    await kit.start('power', true);
    await expect(evacuation(page)).toBeVisible();
    const firstPerson = page.locator('.roll-person').filter({ hasText: people[0]!.name });
    await expect(firstPerson).toBeVisible();
    await expectNoSeriousViolations(page, `roll call (${language.code})`);
    await expectTouchFriendlyEverywhere(page);
    for (const size of [
      { width: 1024, height: 768 },
      { width: 768, height: 1024 },
    ]) {
      await page.setViewportSize(size);
      await expectTargetsAtLeast(page, '.roll-person, .roll-person-action, .evac-tab, .roll-actions .button, .roll-search-input', 56, `roll call ${size.width}×${size.height}`);
    }

    await page.locator('.evac-tab').nth(1).tap();
    await expect(page.locator('.evac-plan')).toBeVisible();
    await expectNoSeriousViolations(page, `evacuation info on the warden’s tablet (${language.code})`);
    await page.locator('.evac-tab').nth(0).tap();

    await page.locator('.roll-actions .emg-button-danger').tap();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoSeriousViolations(page, `end dialog (${language.code})`);
    for (const digit of warden.employeeNo) await dialog.getByRole('button', { name: digit, exact: true }).tap();
    await dialog.locator('.entry-actions .button').last().tap();
    for (const digit of '1234') await dialog.getByRole('button', { name: digit, exact: true }).tap();
    await dialog.locator('.entry-actions .button').last().tap();

    await expect(page.getByTestId('emergency-report')).toBeVisible();
    await expect(page.getByTestId('emergency-report').getByRole('row').filter({ hasText: people[1]!.name })).toBeVisible();
    await expectNoSeriousViolations(page, `report (${language.code})`);
    await expectTouchFriendlyEverywhere(page);
  });
}

test('the kiosk’s start dialogs and its takeover with the end button', async ({ page, pairAs }) => {
  test.setTimeout(120_000);
  await pairAs('kiosk');
  await expectTouchFriendlyEverywhere(page, ['紧急']);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '紧急', exact: true }).tap();
  const choose = page.getByRole('dialog');
  await expect(choose).toBeVisible();
  await expectNoSeriousViolations(page, 'start dialog');
  await expectTouchFriendlyEverywhere(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await choose.getByRole('button', { name: '停电' }).tap();
  await choose.getByRole('button', { name: '真实紧急情况' }).tap();
  await choose.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('dialog', { name: '确认发起' })).toBeVisible();
  await expectNoSeriousViolations(page, 'start PIN dialog');
  await expectTouchFriendlyEverywhere(page);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 800 });
  await kit.start('other', false);
  await expect(evacuation(page)).toBeVisible();
  await expectNoSeriousViolations(page, 'kiosk takeover');
  await expectTouchFriendlyEverywhere(page);
  // In landscape (and on a tall portrait screen) nothing needs scrolling, the end button included.
  for (const size of [
    { width: 1024, height: 600 },
    { width: 1280, height: 800 },
    { width: 1080, height: 1920 },
  ]) {
    await page.setViewportSize(size);
    await expect(page.getByRole('button', { name: '结束紧急状态' }), `end button at ${size.width}×${size.height}`).toBeInViewport();
  }
});

test('the drill history on the admin', async ({ page, hub }) => {
  await page.goto(await hub.pairingLink('admin'));
  await page.getByRole('banner').getByRole('button', { name: '演练记录' }).tap();
  await expect(page.getByRole('dialog', { name: '疏散演练与紧急情况记录' })).toBeVisible();
  await expectNoSeriousViolations(page, 'drill history');
  await expectTouchFriendlyEverywhere(page);
});
