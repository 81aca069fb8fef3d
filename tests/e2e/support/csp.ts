/** Catches anything on the page that trips the hub's CSP (inline styles or scripts, eval, WASM …). */
import { expect, type Page } from '@playwright/test';

export async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return {
    async expectNone() {
      expect(await page.locator('style, script:not([src])').count(), 'inline <style> or <script> on the page').toBe(0);
      expect(violations).toEqual([]);
    },
  };
}
