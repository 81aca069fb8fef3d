/** What "touch-first" means on every screen, measured in the browser as a user's finger and eyes meet it. */
import { expect, type Page } from '@playwright/test';

export const viewports = [
  { width: 1024, height: 600 },
  { width: 600, height: 1024 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
] as const;

interface Measurements {
  sidewaysScroll: number;
  smallTargets: string[];
  smallText: string[];
}

function measure(): Measurements {
  const describe = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30) || el.getAttribute('aria-label')}"`;
  const smallTargets = [...document.querySelectorAll('button')]
    .filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width < 48 || box.height < 48;
    })
    .map(describe);
  const smallText: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim()) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (parseFloat(style.fontSize) < 18) smallText.push(`${describe(parent)} at ${style.fontSize}`);
  }
  return {
    sidewaysScroll: document.documentElement.scrollWidth - window.innerWidth,
    smallTargets,
    smallText,
  };
}

/** Checks the current screen at every size from the smallest kiosk to a portrait 1080p display. */
export async function expectTouchFriendlyEverywhere(page: Page, mustBeOnScreen: string[] = []) {
  for (const size of viewports) {
    await page.setViewportSize(size);
    const label = `${size.width}×${size.height}`;
    const found = await page.evaluate(measure);
    expect(found.sidewaysScroll, `sideways scroll at ${label}`).toBeLessThanOrEqual(0);
    expect(found.smallTargets, `touch targets under 48×48 at ${label}`).toEqual([]);
    expect(found.smallText, `text under 18px at ${label}`).toEqual([]);
    for (const name of mustBeOnScreen) {
      await expect(page.getByRole('button', { name, exact: true }), `"${name}" on screen at ${label}`).toBeInViewport();
    }
  }
}
