/**
 * What every e2e test gets: the worker's hub, the page pointed at it, and a way to make the page a
 * paired device by opening a real pairing link.
 */
import { test as base, expect, type Page } from '@playwright/test';
import type { DeviceRole } from '../../shared/contract/roles.js';
import { startE2eHub, type E2eHub } from './support/hub.js';

interface TestFixtures {
  /** Opens a fresh pairing link for the role and waits until the role's home screen shows. */
  pairAs(role: DeviceRole): Promise<void>;
}

export const test = base.extend<TestFixtures, { hub: E2eHub }>({
  hub: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const hub = await startE2eHub();
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ hub }, use) => use(hub.url),
  pairAs: async ({ page, hub }, use) => {
    await use(async (role) => {
      await page.goto(await hub.pairingLink(role));
      await expect(homeLandmark(page, role)).toBeVisible();
    });
  },
});

/** The main landmark each role's home screen is labelled with (in the default language, zh-CN). */
export function homeLandmark(page: Page, role: DeviceRole) {
  const names: Partial<Record<DeviceRole, string>> = { kiosk: '签到 / 签退', display: '在场人员', warden: '消防安全员平板', admin: '管理' };
  return page.getByRole('main', { name: names[role] ?? role });
}

/** A USB badge reader sends a key every few milliseconds. */
const readerKeyGapSeconds = 0.004;

/**
 * Types like a USB badge reader: real key events for the whole badge, then Enter, stamped a few
 * milliseconds apart as the reader's hardware would stamp them. Without the stamps a busy test
 * machine could stretch the gaps between key events to human typing speed.
 */
export async function scanBadge(page: Page, badge: string) {
  // Playwright's fake clock (page.clock.install) gives every event the fake clock's time when it is
  // handled, not the stamp sent here, so on a busy machine the reader's keys would look typed by a
  // person. Holding that clock still for the scan keeps the keys as close together as a reader's.
  const fakeClock = await page.evaluate(() => {
    const stamp = Object.getOwnPropertyDescriptor(Event.prototype, 'timeStamp');
    return typeof stamp?.get === 'function' && !/\[native code\]/.test(String(stamp.get));
  });
  if (fakeClock) await freezePageClock(page);
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const events = [...badge, '\r'].flatMap((char, i) => {
    const timestamp = start + i * readerKeyGapSeconds;
    const key = char === '\r' ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 } : { key: char };
    return [
      { type: char === '\r' ? 'rawKeyDown' : 'keyDown', text: char, timestamp, ...key },
      { type: 'keyUp', timestamp, ...key },
    ] as const;
  });
  for (const event of events) await cdp.send('Input.dispatchKeyEvent', event);
  await cdp.detach();
  if (fakeClock) await page.clock.resume();
}

/** Stops the page's clock (installed with `page.clock.install()`), so timed screens stay up while looked at. */
export async function freezePageClock(page: Page) {
  // The page's clock runs on while this is sent; a busy machine may take a while to get it there.
  for (let lead = 100; ; lead *= 4) {
    const pageNow = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(pageNow + lead);
      return;
    } catch (err) {
      if (lead > 5_000 || !String(err).includes('to the past')) throw err;
    }
  }
}

export { expect };

/**
 * Opens the admin desk (already paired as admin) with a supervisor's PIN: the demo's department
 * head 1004 unless told otherwise. Types on the keyboard, as a desk user would.
 */
export async function unlockAdmin(page: Page, employeeNo = '1004', pin = '1234') {
  const form = page.locator('.admin-unlock-form');
  await form.getByRole('textbox').first().fill(employeeNo);
  await form.locator('input[type="password"]').fill(pin);
  await form.locator('button[type="submit"]').click();
  await expect(page.getByRole('navigation', { name: /管理功能|Administration/ })).toBeVisible();
}
