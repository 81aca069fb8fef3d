/**
 * The tour of Records & export and Devices on the admin desk, for people to look at: PNGs in
 * screenshots/ (git-ignored), both languages at the floor's sizes. Runs only with SCREENSHOTS=1
 * (see playwright.config.ts), like screenshots.spec.ts.
 *
 * Its hub has a little history from May 2023 (visits, a self-check with a note, a leaver), so that
 * the retention panel has something to remove.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openHub } from '../../electron/hub/hub.js';
import { seedDemo } from '../../electron/hub/demo.js';
import { expect, test as base, unlockAdmin } from './fixtures.js';
import { startE2eHub, type E2eHub } from './support/hub.js';
import { repoRoot } from './support/paths.js';

const outDir = join(repoRoot, 'screenshots');
const sizes = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
  { name: 'small', width: 1024, height: 600 },
] as const;
const languages = [
  { code: 'zh-CN', button: '中文', records: '记录导出', devices: '设备' },
  { code: 'en', button: 'English', records: 'Records & export', devices: 'Devices' },
] as const;

/** Old records, written as the hub would have written them in May 2023. */
async function oldHistory(dataDir: string) {
  let now = Date.parse('2023-05-10T02:00:00Z');
  const hub = await openHub({ dataDir, clock: { now: () => now }, autoSignOut: false, backups: false });
  try {
    await seedDemo(hub.db, now);
    const kiosk = await hub.devices.ensureLocalDevice('kiosk', '入口签到机');
    const admin = await hub.devices.ensureLocalDevice('admin', '主管电脑');
    const call = async (device: typeof kiosk, method: string, input: unknown) => {
      const res = await hub.dispatch({ method, input, token: null, device, language: 'zh-CN' });
      if (res.status !== 200) throw new Error(`${method}: ${JSON.stringify(res.body)}`);
      return res.body as any;
    };
    const briefing = await call(kiosk, 'briefing.current', {});
    for (const [name, company] of [
      ['王小明', '顺丰速运'],
      ['Anna Schmidt', 'Siemens'],
    ]) {
      const { visitor } = await call(kiosk, 'visitor.signIn', { name, company, hostEmployeeNo: '1002', briefingVersion: briefing.version, language: 'zh-CN', accepted: true });
      now += 60 * 60_000;
      await call(kiosk, 'visitor.signOut', { visitorId: visitor.visitorId });
    }
    await call(kiosk, 'presence.signIn', { badge: 'BADGE-1030' });
    await call(kiosk, 'appearance.submit', { employeeNo: '1030', pin: '1234', checklistVersion: 1, flagged: ['badge-worn'], note: '工牌落在家里' });
    await call(kiosk, 'presence.signOut', { badge: 'BADGE-1030' });
    await call(admin, 'people.setActive', { auth: { employeeNo: '1002', pin: '1234' }, employeeNo: '1030', active: false });
  } finally {
    await hub.close();
  }
}

const test = base.extend<object, { hub: E2eHub }>({
  hub: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const hub = await startE2eHub({ prepare: oldHistory });
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

/** A screen as a whole page; a dialog as the window shows it (a full-page shot would draw it out of place). */
async function shootAllSizes(page: Page, screen: string, language: string, fullPage = true) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(outDir, `${screen}-${language}-${size.name}.png`), fullPage });
  }
}

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));

for (const language of languages) {
  test(`records and devices in ${language.code}`, async ({ page, pairAs }) => {
    test.slow();
    await pairAs('admin');
    await page.getByRole('button', { name: language.button }).click();
    await unlockAdmin(page);

    await page.getByRole('button', { name: language.records }).click();
    const start = page.locator('.records-period').first();
    await start.locator('input[type="date"]').first().fill('2023-05-01');
    await start.locator('button[type="submit"]').click();
    await expect(page.locator('.records-status .notice-ok').first()).toBeVisible();
    await page.getByTestId('export-item').first().getByRole('button', { name: /^(核对|Check)/ }).click();
    await expect(page.getByTestId('export-check')).toBeVisible();
    await page.getByRole('button', { name: /检查审计链|Check the audit chain/ }).click();
    await expect(page.getByTestId('chain-result')).toBeVisible();
    await expect(page.getByTestId('retention-due')).toBeVisible();
    await shootAllSizes(page, 'admin-records', language.code);

    await page.getByRole('button', { name: /立即删除过期个人信息|Remove personal data now/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shootAllSizes(page, 'admin-records-purge', language.code, false);
    await page.getByRole('dialog').getByRole('button', { name: /暂不删除|Keep it/ }).click();

    await page.getByRole('button', { name: language.devices, exact: true }).click();
    const pair = page.locator('.records-period').first();
    await pair.locator('input').fill(language.code === 'en' ? 'Back door kiosk' : '后门签到机');
    await pair.locator('button[type="submit"]').click();
    await expect(page.getByTestId('pairing-link')).toBeVisible();
    await expect(page.locator('.records-qr svg')).toBeVisible();
    await shootAllSizes(page, 'admin-devices', language.code);

    await page.getByTestId('device-row').getByRole('button').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shootAllSizes(page, 'admin-devices-revoke', language.code, false);
  });
}
