/** The hub's strict CSP is on the page, and nothing the renderer does trips it. */
import { expect, scanBadge, test } from './fixtures.js';

test('the page is served with a strict CSP and runs every kiosk and display screen without a violation', async ({ page, hub, pairAs }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  await page.goto(await hub.pairingLink('kiosk'));
  await page.getByRole('button', { name: '输入工号' }).tap();
  await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: '1', exact: true }).tap();
  await page.getByRole('button', { name: '取消' }).tap();
  await scanBadge(page, 'BADGE-1140');
  await expect(page.getByRole('main', { name: '签到成功' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByRole('button', { name: '中文' }).tap();

  await pairAs('display');
  await expect(page.getByRole('listitem').first()).toBeVisible();

  expect(await page.locator('style, script:not([src])').count()).toBe(0);
  expect(violations).toEqual([]);
});
