/**
 * axe-core on the whole page, run the way the browser extension runs it: inside the page, with
 * every rule of axe's default set. The renderer has no frames, so the page is the whole document.
 *
 * Why not `analyzeAccessibility(page)`: for each check it evaluates axe's 600 KB source in
 * the page again and opens a blank page to merge the frames' partial results, 1.3–2.5 s a check on
 * the build machine against about 0.15 s for the rules themselves. Here the source is put in a
 * document once and the rules are run with `axe.run`, the same entry point AxeBuilder's legacy mode
 * uses, so the results are the same.
 */
import axe, { type AxeResults } from 'axe-core';
import { expect, type Page } from '@playwright/test';

async function ensureAxe(page: Page): Promise<void> {
  const present = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (present) return;
  await page.evaluate(axe.source);
  await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.configure({ branding: { application: 'playwright' } }));
}

/** axe's results for the page as it is now. */
export async function analyzeAccessibility(page: Page): Promise<AxeResults> {
  // One frame is the whole check; a page with frames would need each frame's results too.
  expect(page.frames(), 'axe is run on pages without frames').toHaveLength(1);
  await ensureAxe(page);
  return page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document));
}
