/**
 * The evacuation display as the floor sees it, at the wall display's sizes (1920×1080 and portrait
 * 1080×1920), real and drill, in zh-CN and en, and the warden's roll call at 1024×768: what a person
 * must see without scrolling is on screen, and the screens are saved as screenshots/evac-*.png
 * (git-ignored) for people to look at. Employee numbers 5542–5555.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { EmergencyKit, evacuation, openScreen, type RosterPerson } from './support/emergency.js';
import { repoRoot } from './support/paths.js';

const shotDir = join(repoRoot, 'screenshots');
const surnames = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕'];
const given = ['子涵', '思远', '雨桐', '浩然', '欣怡', '俊杰', '梓萱', '嘉怡', '宇轩', '佳琪', '明哲', '若曦', '天佑', '静怡'];
const teams = ['话务一组', '话务二组', '话务三组', '在线客服组', '投诉处理组', '质检培训组'];
const people: RosterPerson[] = surnames.map((surname, i) => ({ employeeNo: String(5542 + i), name: surname + given[i]!, team: teams[i % teams.length]! }));

const wallSizes = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const;

let kit: EmergencyKit;
test.beforeEach(async ({ hub }) => {
  kit = new EmergencyKit(hub);
  await kit.signIn(people);
});
test.afterEach(async () => {
  await kit.endAny();
  await kit.signOut(people);
});

/**
 * Every step of what to do, whole: not cut off by the screen, nor hidden in a box that shows it
 * only when someone scrolls (toBeInViewport asks an IntersectionObserver, which counts that clipping).
 */
async function expectEveryStepOnScreen(page: Page, label: string) {
  const steps = page.locator('.evac-step');
  const count = await steps.count();
  expect(count, label).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) await expect(steps.nth(i), `${label}: step ${i + 1}`).toBeInViewport({ ratio: 0.99 });
}

/** What a stranger needs, without scrolling: what is happening, where to go, what to do, the plan, the counts. */
async function expectEssentialsOnScreen(page: Page, drill: boolean, label: string) {
  const essentials = [
    page.getByRole('heading', { level: 1 }),
    page.getByTestId('assembly-point'),
    page.locator('.evac-plan'),
    page.getByTestId('count-missing'),
    page.locator('.evac-number').first(),
    page.locator('.evac-number').last(),
    page.getByTestId('link-status'),
  ];
  if (drill) essentials.push(page.getByTestId('drill-label'));
  for (const element of essentials) await expect(element, label).toBeInViewport({ ratio: 0.95 });
  await expectEveryStepOnScreen(page, label);
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight), `${label}: vertical scroll`).toBeLessThanOrEqual(0);
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`the wall display, real and drill, in ${language}`, async ({ browser, hub }) => {
    test.setTimeout(90_000);
    mkdirSync(shotDir, { recursive: true });
    const link = (await hub.pairingLink('display')).replace('/pair#', '/pair?here=74,38#');
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByRole('main', { name: '在场人员' })).toBeVisible({ timeout: 15_000 });
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
    for (const drill of [false, true]) {
      const { id } = await kit.start('fire', drill);
      await expect(evacuation(page)).toBeVisible();
      await expect(page.getByTestId('missing-list').getByText(people.at(-1)!.name)).toBeVisible();
      // Three people are already at the assembly point.
      for (const person of people.slice(0, 3)) await kit.call('warden', 'emergency.markSafe', { emergencyId: id, employeeNo: person.employeeNo });
      await expect(page.getByTestId('count-accounted')).toHaveText('3');
      await expect(page.getByTestId('you-are-here')).toBeVisible();
      for (const size of wallSizes) {
        await page.setViewportSize(size);
        const label = `${drill ? 'drill' : 'real'} ${language} ${size.name}`;
        await expectEssentialsOnScreen(page, drill, label);
        await page.screenshot({ path: join(shotDir, `evac-${drill ? 'drill' : 'real'}-${language}-${size.name}.png`) });
      }
      await page.setViewportSize(wallSizes[0]);
      await kit.endAny();
      await expect(evacuation(page)).toHaveCount(0);
    }
    await context.close();
  });
}

test('the roll call on the warden’s tablet from 1024×600 to 1280×800, and the kiosk at 1024×600', async ({ page, browser, hub, pairAs }) => {
  test.setTimeout(60_000);
  mkdirSync(shotDir, { recursive: true });
  const kiosk = await openScreen(browser, hub, 'kiosk', { viewport: { width: 1024, height: 600 } });
  await pairAs('warden');
  await page.setViewportSize({ width: 1024, height: 768 });
  const { id } = await kit.start('fire', true);
  await expect(evacuation(page)).toBeVisible();
  await kit.call('warden', 'emergency.markSafe', { emergencyId: id, employeeNo: people[0]!.employeeNo });
  await expect(page.locator('.roll-person').filter({ hasText: people[1]!.name })).toBeVisible();
  await expect(page.getByTestId('count-accounted')).toHaveText('1');
  // The warden's controls whole on screen, the alarm's sound included (it sat below the side
  // column's fold at 1024×768 once), at the tablet's sizes.
  const controls = [page.getByRole('button', { name: '结束演练' }), page.getByRole('button', { name: '点名表（PDF）' }), page.locator('.roll-side .evac-sound')];
  for (const [width, height] of [[1024, 600], [1280, 800], [1024, 768]] as const) {
    await page.setViewportSize({ width, height });
    for (const control of controls) await expect(control, `${width}×${height}`).toBeInViewport({ ratio: 0.99 });
  }
  await expect(page.getByRole('searchbox')).toBeInViewport();
  await page.screenshot({ path: join(shotDir, 'evac-rollcall-zh-CN-1024x768.png') });
  await page.getByRole('searchbox').fill('东方');
  await page.screenshot({ path: join(shotDir, 'evac-rollcall-search-zh-CN-1024x768.png') });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.screenshot({ path: join(shotDir, 'evac-rollcall-zh-CN-768x1024.png') });

  await expect(evacuation(kiosk.page)).toBeVisible();
  await expectEssentialsOnScreen(kiosk.page, true, 'kiosk 1024×600');
  await expect(kiosk.page.getByRole('button', { name: '结束演练' })).toBeInViewport();
  await kiosk.page.screenshot({ path: join(shotDir, 'evac-kiosk-drill-zh-CN-1024x600.png') });
  await kiosk.context.close();
});

// The kiosk's sizes, for every kind of emergency (their steps differ in number and length), in
// both languages: the whole display fits, every step included, and so does the end button. Each
// kind as a drill, whose band (label and title) is taller than a real one's and leaves the least
// room, and one real emergency for the real band and its end button. (A short portrait screen,
// 768×1024, keeps every step on screen and may scroll the page for the numbers at its foot; a
// narrow one, 600×1024, scrolls by design.)
const kioskCases = [
  { kind: 'fire', drill: false },
  { kind: 'fire', drill: true },
  { kind: 'gas', drill: true },
  { kind: 'power', drill: true },
  { kind: 'other', drill: true },
] as const;
const kioskSizes = [
  { width: 1024, height: 600 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;
for (const language of [
  { code: 'zh-CN', button: '中文', end: ['结束紧急状态', '结束演练'] },
  { code: 'en', button: 'English', end: ['End the emergency', 'End the drill'] },
] as const) {
  test(`the kiosk shows every step of every kind of emergency at its sizes, in ${language.code}`, async ({ browser, hub }) => {
    test.setTimeout(120_000);
    const kiosk = await openScreen(browser, hub, 'kiosk');
    await kiosk.page.getByRole('button', { name: language.button }).click();
    for (const { kind, drill } of kioskCases) {
      await kit.start(kind, drill);
      await expect(evacuation(kiosk.page)).toHaveAttribute('data-kind', kind);
      await expect(evacuation(kiosk.page)).toHaveAttribute('data-drill', String(drill));
      for (const size of kioskSizes) {
        await kiosk.page.setViewportSize(size);
        const label = `${kind}${drill ? ' drill' : ''} ${language.code} ${size.width}×${size.height}`;
        await expectEssentialsOnScreen(kiosk.page, drill, label);
        await expect(kiosk.page.getByRole('button', { name: language.end[drill ? 1 : 0] }), label).toBeInViewport();
      }
      await kit.endAny();
      await expect(evacuation(kiosk.page)).toHaveCount(0);
    }
    await kiosk.context.close();
  });
}
