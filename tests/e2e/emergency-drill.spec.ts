/**
 * A drill says 演练 / DRILL on every screen, so that nobody takes it for the real thing; the warden's
 * and admin's homes warn when the drill is overdue. Employee numbers 552x.
 */
import { expect, test } from './fixtures.js';
import { EmergencyKit, evacuation, openScreen, startDetachableHub, type RosterPerson } from './support/emergency.js';

let kit: EmergencyKit;
const people: RosterPerson[] = [{ employeeNo: '5521', name: '尉迟安然', team: '话务二组' }];
test.beforeEach(({ hub }) => {
  kit = new EmergencyKit(hub);
});
test.afterEach(async () => {
  await kit.endAny();
  await kit.signOut(people);
});

test('a drill is labelled 演练 / DRILL on the kiosk, the display, the warden’s tablet and the admin', async ({ page, browser, hub, pairAs }) => {
  // Four browsers at once on a two-core machine: opening them takes a while.
  test.setTimeout(60_000);
  await kit.signIn(people);
  const others = await Promise.all((['display', 'warden', 'admin'] as const).map((role) => openScreen(browser, hub, role)));
  await pairAs('kiosk');

  await kit.start('other', true);

  for (const screen of [page, ...others.map((o) => o.page)]) {
    await expect(evacuation(screen)).toBeVisible();
    await expect(evacuation(screen)).toHaveAttribute('data-drill', 'true');
    const label = screen.getByTestId('drill-label');
    await expect(label).toBeVisible();
    await expect(label).toContainText('演练');
    await expect(label).toContainText('DRILL');
    await expect(label).toBeInViewport();
    // The label is the largest type on the screen.
    const sizes = await screen.evaluate(() => {
      const label = parseFloat(getComputedStyle(document.querySelector('.evac-drill-label')!).fontSize);
      const largest = Math.max(...[...document.querySelectorAll('.evac-title, .evac-count dd')].map((el) => parseFloat(getComputedStyle(el).fontSize)));
      return { label, largest };
    });
    expect(sizes.label).toBeGreaterThanOrEqual(sizes.largest * 0.75);
    await expect(screen.getByRole('heading', { level: 1 })).toContainText('紧急情况：立即疏散');
  }
  // The wall display and the kiosk also say in words that it is a drill.
  for (const screen of [page, others[0]!.page]) {
    await expect(screen.getByText('这是疏散演练，不是真实紧急情况。请像真实情况一样撤离。')).toBeVisible();
    await expect(screen.getByText('This is an evacuation drill, not a real emergency. Leave as you would for real.')).toBeVisible();
  }
  await Promise.all(others.map((o) => o.context.close()));
});

test('the warden’s and the admin’s homes warn when no drill was held within the interval, until one is', async ({ browser }) => {
  test.setTimeout(60_000);
  const away = await startDetachableHub();
  try {
    const fresh = new EmergencyKit(away);
    const wardenScreen = await openScreen(browser, away, 'warden');
    const adminScreen = await openScreen(browser, away, 'admin');
    for (const { page } of [wardenScreen, adminScreen]) {
      const warning = page.getByTestId('drill-overdue');
      await expect(warning).toContainText('已超过 365 天没有进行疏散演练');
      await expect(warning).toContainText('还没有疏散演练记录。');
    }
    await fresh.start('fire', true);
    await fresh.endAny();
    for (const { page } of [wardenScreen, adminScreen]) {
      await page.getByRole('button', { name: '完成' }).tap();
      await expect(page.getByTestId('drill-overdue')).toHaveCount(0);
      await page.getByRole('button', { name: '演练记录' }).tap();
      await expect(page.getByRole('dialog', { name: '疏散演练与紧急情况记录' })).toContainText('上次演练：');
    }
    await wardenScreen.context.close();
    await adminScreen.context.close();
  } finally {
    await away.stop();
  }
});
