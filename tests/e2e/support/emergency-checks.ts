/** How the emergency specs look at a screen: axe-core, and targets big enough for a hurried hand. */
import { analyzeAccessibility } from './axe.js';
import { expect, type Page } from '@playwright/test';

/** axe-core on the whole page: no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await analyzeAccessibility(page);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

/** Every visible element matching `selector` is at least `min` CSS px each way. */
export async function expectTargetsAtLeast(page: Page, selector: string, min: number, label: string): Promise<void> {
  const small = await page.evaluate(
    ([sel, size]) =>
      [...document.querySelectorAll(sel)]
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < size || box.height < size))
        .map(({ el, box }) => `${(el.textContent ?? '').trim().slice(0, 20)} ${Math.round(box.width)}×${Math.round(box.height)}`),
    [selector, min] as const,
  );
  expect(small, `targets under ${min}px on ${label}`).toEqual([]);
}
