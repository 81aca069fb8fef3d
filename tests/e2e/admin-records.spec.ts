/**
 * Records & export on the admin desk, in Chromium against a real hub: the signing key as
 * `export.key` gives it, an export of a period started from the screen that lands in the list and
 * downloads as a zip with its signed manifest, the check of it, a long export's progress and its
 * Cancel, and no serious accessibility violation in either language.
 *
 * This spec's hub has a long history (300,000 sign-ins and sign-outs from January 2020, each with its
 * audit entry), so that a whole export runs long enough to watch and to cancel, while the single day
 * 2020-01-01 (site time) holds only the first 59 of them.
 */
import { readFileSync } from 'node:fs';
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { openHub } from '../../electron/hub/hub.js';
import { seedDemo } from '../../electron/hub/demo.js';
import { makeBigSite } from '../bench/big-site.js';
import { expect, test as base, unlockAdmin } from './fixtures.js';
import { startE2eHub, type E2eHub } from './support/hub.js';

const historyStart = Date.parse('2020-01-01T15:59:00Z'); // 23:59 on 2020-01-01 in Shanghai

const test = base.extend<object, { hub: E2eHub }>({
  hub: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const hub = await startE2eHub({
        async prepare(dataDir) {
          // The demo roster first (ids 1–240), then the history for the first 200 of them.
          const demo = await openHub({ dataDir, autoSignOut: false, backups: false });
          await seedDemo(demo.db, Date.now());
          await demo.close();
          await makeBigSite(dataDir, { people: 200, events: 300_000, onSite: 0, start: historyStart });
        },
      });
      await use(hub);
      await hub.stop();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

async function openRecords(page: Page, pairAs: (role: 'admin') => Promise<void>) {
  await pairAs('admin');
  await unlockAdmin(page);
  await showRecords(page);
}

/** Opens the section and waits for the list of exports to have loaded (some, or none). */
async function showRecords(page: Page) {
  await page.getByRole('button', { name: '记录导出' }).click();
  await expect(page.getByRole('heading', { name: '记录与导出', level: 1 })).toBeVisible();
  await expect(page.getByTestId('export-list').or(page.getByText('还没有导出。'))).toBeVisible();
}

test('the signing key on screen is the one export.key gives', async ({ page, hub, pairAs }) => {
  const key = (await hub.call('export.key', {}, await hub.token('admin'))).body;
  await openRecords(page, pairAs);
  await expect(page.getByTestId('key-fingerprint')).toHaveText(key.fingerprint);
  await expect(page.getByRole('textbox', { name: 'allowed_signers 行' })).toHaveValue(key.allowedSigners);
});

test('an export of a day: it finishes, appears in the list, downloads as a signed zip, and passes the check', async ({ page, pairAs }) => {
  await openRecords(page, pairAs);
  const start = page.getByRole('region', { name: '新建导出' });
  await start.getByLabel('开始日期').fill('2020-01-01');
  await start.getByLabel('结束日期').fill('2020-01-01');
  await start.getByRole('button', { name: '开始导出' }).click();
  await expect(start.getByRole('status')).toContainText('导出完成：59 条记录，已签名（SHA256:');

  const item = page.getByTestId('export-item').filter({ hasText: '2020年1月1日 – 2020年1月1日' });
  await expect(item).toHaveCount(1);
  const name = await item.getAttribute('data-name');

  const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /^下载/ }).click()]);
  expect(download.suggestedFilename()).toBe(`${name}.zip`);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const inZip = Object.keys(files).map((f) => f.replace(`${name}/`, ''));
  expect(inZip).toEqual(expect.arrayContaining(['manifest.json', 'manifest.json.sig', 'allowed_signers', 'presence_events.csv', 'audit_log.jsonl']));
  const manifest = JSON.parse(new TextDecoder().decode(files[`${name}/manifest.json`]));
  expect(manifest.period).toMatchObject({ from: '2020-01-01', to: '2020-01-01' });
  expect(manifest.files.find((f: { path: string }) => f.path === 'presence_events.jsonl').records).toBe(59);
  expect(new TextDecoder().decode(files[`${name}/manifest.json.sig`])).toMatch(/^-----BEGIN SSH SIGNATURE-----\n/);

  await item.getByRole('button', { name: /^核对/ }).click();
  await expect(item.getByTestId('export-check')).toContainText('核对通过：签名正确，且由本中心主机的密钥签署；59 条记录与审计日志一致');
});

test('a whole export shows its progress from the event stream, and Cancel stops it leaving nothing behind', async ({ page, pairAs }) => {
  await openRecords(page, pairAs);
  const before = await page.getByTestId('export-item').count();
  const start = page.getByRole('region', { name: '新建导出' });
  await start.getByRole('button', { name: '开始导出' }).click();
  const progress = start.getByRole('progressbar', { name: '导出进度' });
  await expect(progress).toBeVisible();
  // The bar moves as the hub reports: some of it done, not all.
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(start.getByText(/正在导出… \d+%/)).toBeVisible();
  await start.getByRole('button', { name: '取消导出' }).click();
  await expect(start.getByRole('status')).toHaveText('导出已取消，没有签名，也没有留下任何文件。', { timeout: 15_000 });
  await expect(progress).toHaveCount(0);
  // Nothing new in the list, now or after a fresh look.
  await expect(page.getByTestId('export-item')).toHaveCount(before);
  await page.getByRole('button', { name: '设备' }).click();
  await showRecords(page);
  await expect(page.getByTestId('export-item')).toHaveCount(before);
});

test('the records screen has no serious or critical accessibility violation, in zh-CN and en', async ({ page, pairAs }) => {
  // Two full axe passes over a long screen on a busy two-core machine.
  test.slow();
  await openRecords(page, pairAs);
  await expect(page.getByTestId('key-fingerprint')).toBeVisible();
  await expect(page.getByTestId('retention-due')).toBeVisible();
  const serious = async () =>
    (await analyzeAccessibility(page)).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Records & export', level: 1 })).toBeVisible();
  expect(await serious()).toEqual([]);
});
