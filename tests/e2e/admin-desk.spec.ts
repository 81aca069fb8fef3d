/**
 * The admin desk opens only with a supervisor's or admin's PIN, and closes again: by its Lock
 * button, and when left alone. Employee numbers 1001 (staff) and 1002 (supervisor) of the demo.
 */
import { expect, test, unlockAdmin } from './fixtures.js';

test('the desk shows nothing but the PIN prompt until a supervisor opens it, and Lock closes it', async ({ page, pairAs }) => {
  await pairAs('admin');
  await expect(page.getByRole('heading', { name: '打开管理页面' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '管理功能' })).toHaveCount(0);

  // A staff member's right PIN does not open it; the refusal says why.
  const form = page.locator('.admin-unlock-form');
  await form.getByRole('textbox').first().fill('1001');
  await form.locator('input[type="password"]').fill('1234');
  await form.locator('button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '管理功能' })).toHaveCount(0);

  await unlockAdmin(page, '1002');
  await expect(page.getByText('（1002）')).toBeVisible();
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByRole('heading', { name: '打开管理页面' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '管理功能' })).toHaveCount(0);
});

test('left alone, the desk locks itself', async ({ page, pairAs }) => {
  await page.clock.install();
  await pairAs('admin');
  await unlockAdmin(page);
  await page.clock.runFor(11 * 60_000);
  await expect(page.getByRole('heading', { name: '打开管理页面' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '管理功能' })).toHaveCount(0);
});
