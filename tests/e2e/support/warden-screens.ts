/**
 * Looking at a warden screen as the floor will: axe-core (no serious or critical violation), the
 * sizes a tablet has (no sideways scroll, targets big enough for gloves), and screenshots for people
 * to look at (screenshots/warden-*.png, git-ignored; with WARDEN_SCREENSHOTS=1).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeAccessibility } from './axe.js';
import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import { repoRoot } from './paths.js';

export const shotDir = join(repoRoot, 'screenshots');
const shotSizes = [
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'portrait', width: 768, height: 1024 },
] as const;
/** One size per width a tablet has (sideways scroll depends on the width; 1024×600 is the shortest). */
const layoutSizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 600 },
  { width: 768, height: 1024 },
] as const;

/** Controls a gloved hand uses while checking: at least 56 px each way. Everything else: 48 px. */
const gloveTargets = '.segment, .pick, .all-ok, .nav-tab, .key, .scanner-start, .submit-row .button, .hazard-card, .tile';

function measure(gloveSelector: string) {
  const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const small = (selector: string, min: number) =>
    [...document.querySelectorAll(selector)]
      .filter(visible)
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width < min || box.height < min;
      })
      .map((el) => `${describe(el)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
  const smallText: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || !visible(parent)) continue;
    if (parseFloat(getComputedStyle(parent).fontSize) < 18) smallText.push(describe(parent));
  }
  return {
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    smallTargets: small('button, a.button, select, input:not([type="radio"]):not([type="checkbox"]), summary', 48),
    smallGloveTargets: small(gloveSelector, 56),
    smallText,
  };
}

const serious = (results: Pick<AxeResults, 'violations'>) =>
  results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);

/** The whole page, banner and all, as axe-core checks it. */
export async function expectPageAccessible(page: Page, label: string) {
  expect(serious(await analyzeAccessibility(page)), `axe on ${label}`).toEqual([]);
}

/**
 * The warden's own part of the page (its navigation and main; the banner above is the frame's,
 * checked by its own tests), with every rule axe runs by default. axe is put into the page once and
 * run again on each screen: injecting it anew each time costs seconds on a busy machine.
 */
export async function expectAccessible(page: Page, label: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run({ include: [['.warden-nav'], ['main']] }, { resultTypes: ['violations'] }),
  );
  expect(serious(results), `axe on ${label}`).toEqual([]);
}

export async function expectTabletLayout(page: Page, label: string) {
  for (const size of layoutSizes) {
    await page.setViewportSize(size);
    const found = await page.evaluate(measure, gloveTargets);
    const at = `${label} at ${size.width}×${size.height}`;
    expect(found.sideways, `sideways scroll on ${at}`).toBeLessThanOrEqual(0);
    expect(found.smallTargets, `targets under 48 px on ${at}`).toEqual([]);
    expect(found.smallGloveTargets, `glove targets under 56 px on ${at}`).toEqual([]);
    expect(found.smallText, `text under 18 px on ${at}`).toEqual([]);
  }
}

/** Screenshots are for people to look at, and take time: only with WARDEN_SCREENSHOTS=1. */
export const takeScreenshots = process.env.WARDEN_SCREENSHOTS === '1';

export async function shoot(page: Page, screen: string, language: string) {
  if (!takeScreenshots) return;
  mkdirSync(shotDir, { recursive: true });
  for (const size of shotSizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(shotDir, `warden-${screen}-${language}-${size.name}.png`), fullPage: true });
  }
}

/** Axe, layout and screenshots of the screen on show, in zh-CN and then in en. */
export async function lookAt(page: Page, screen: string) {
  for (const [language, button] of [['zh-CN', '中文'], ['en', 'English']] as const) {
    await page.getByRole('button', { name: button, exact: true }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectAccessible(page, `${screen} (${language})`);
    await expectTabletLayout(page, `${screen} (${language})`);
    await shoot(page, screen, language);
  }
  await page.getByRole('button', { name: '中文', exact: true }).tap();
  await page.setViewportSize({ width: 1280, height: 800 });
}
