/**
 * A self-check failed at the kiosk (a required item flagged, submitted through the hub's API with the
 * sign-in's ticket) reaches the supervisor's review queue worded as its checklist version had it, and
 * is resolved there with an action and a note: it leaves the open list and the hub records it.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { unlockAdmin } from './fixtures.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';
import { expect, test } from './support/supervisor.js';

async function openReview(page: Page, pairAs: (role: 'admin') => Promise<void>) {
  await pairAs('admin');
  await unlockAdmin(page, '1002');
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '自检复核' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自检复核' })).toBeVisible();
}

test('the open queue shows a check failed at the door, and drops one resolved at another desk, as they happen', async ({ page, pairAs, site }) => {
  let reads = 0;
  page.on('response', (response) => void (response.url().endsWith('/appearance.reviewQueue') && reads++));
  await openReview(page, pairAs);
  // Read at opening and once more when the screen hears the event stream is up (what happened
  // before was not heard): from then on only an event or the 30 s refresh reads it again.
  await expect.poll(() => reads).toBeGreaterThanOrEqual(2);
  // Failed at the door after the queue was opened: shown without a reload, well before the 30 s refresh.
  const { check } = await site.signInAndCheck(1073, 'failed', '胸牌没戴');
  const card = page.locator('.review-card', { hasText: (check.person as { name: string }).name });
  await expect(card).toContainText('胸牌没戴', { timeout: 5_000 });
  // Another supervisor deals with it at their own desk: it leaves this open list too.
  const resolved = await site.call('appearance.resolve', { auth: { employeeNo: '1004', pin: '1234' }, checkId: check.checkId, action: 'reminded', note: '' });
  expect(resolved.status).toBe(200);
  await expect(card).toHaveCount(0, { timeout: 5_000 });
});

test('a flagged self-check reaches the queue and is resolved with an action and a note', async ({ page, pairAs, site }) => {
  // Another spec file on this worker's site may have edited the list: the words are the version's.
  const checklist = (await site.call('checklist.current', {})).body;
  const flaggedItem = checklist.items.find((i: { required: boolean }) => i.required);
  const { check } = await site.signInAndCheck(1055, 'failed', '工装袖口有污渍');
  const person = check.person as { name: string };
  await openReview(page, pairAs);

  const card = page.locator('.review-card', { hasText: person.name });
  await expect(card).toContainText(flaggedItem.label['zh-CN']);
  await expect(card).toContainText('必查');
  await expect(card).toContainText('工装袖口有污渍');
  await expect(card).toContainText(`检查清单第 ${checklist.version} 版`);

  // Without an action nothing is recorded, and the form says what is missing.
  await card.getByRole('button', { name: '记录处理结果' }).click();
  await expect(card.getByText('请选择处理方式。')).toBeVisible();
  const stillOpen = await site.call('appearance.reviewQueue', { status: 'open' });
  expect(stillOpen.body.items.map((i: { checkId: number }) => i.checkId)).toContain(check.checkId);

  await card.getByRole('radio', { name: '当场整改' }).check();
  await card.getByLabel('备注（可选）').fill('已换上备用工装');
  await card.getByRole('button', { name: '记录处理结果' }).click();
  await expect(page.getByRole('status').filter({ hasText: `已记录 ${person.name} 的处理结果。` })).toBeVisible();
  await expect(card).toHaveCount(0);

  const resolved = await site.call('appearance.reviewQueue', { status: 'resolved' });
  const item = resolved.body.items.find((i: { checkId: number }) => i.checkId === check.checkId);
  expect(item.resolution).toMatchObject({ action: 'corrected_on_site', note: '已换上备用工装', by: { employeeNo: '1002' } });

  await page.getByRole('button', { name: '已处理', exact: true }).click();
  const done = page.locator('.review-card', { hasText: person.name });
  await expect(done).toContainText('当场整改');
  await expect(done).toContainText('已换上备用工装');
  await expect(done.getByRole('button', { name: '记录处理结果' })).toHaveCount(0);

  // In English the flagged item reads as the checklist's English words.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(done).toContainText(flaggedItem.label.en);
  await expect(done).toContainText('Corrected on the spot');
});

test('the review queue has no serious accessibility violation in zh-CN and en, and fits every size', async ({ page, pairAs, site }) => {
  test.setTimeout(120_000);
  await site.signInAndCheck(1061, 'failed', '');
  await openReview(page, pairAs);
  await expect(page.locator('.review-card').first()).toBeVisible();
  for (const language of ['English', '中文']) {
    const results = await analyzeAccessibility(page);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: language }).click();
  }
  await expectTouchFriendlyEverywhere(page);
});
