/**
 * Finding a unit by its QR tag with the camera. Chromium's fake camera plays a video of the tag's QR
 * code (made here, as Y4M); its fake permission prompt says yes. This spec runs in its own browser.
 */
import { expect, test } from './fixtures.js';
import { watchCsp } from './support/csp.js';
import { writeQrVideo } from './support/qr-video.js';
import { addUnit, nav, sign, tapDigits } from './support/warden.js';

// One fixed tag per run of this file: the browser is launched with its video before any test runs.
const tag = 'QR-SCAN-E2E-1';
const video = writeQrVideo(tag);

test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

test('scanning the QR tag with the camera opens that unit’s check', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  await addUnit(hub, token, { tag, location: '1F 大堂 服务台旁' });
  const csp = await watchCsp(page);
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '检查' }).tap();
  await page.getByRole('button', { name: '打开摄像头扫码' }).tap();
  await expect(page.getByRole('heading', { name: `检查 ${tag}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('1F 大堂 服务台旁')).toBeVisible();
  // The camera is let go once the code is read.
  expect(await page.evaluate(() => document.querySelector('video')?.srcObject ?? null)).toBeNull();

  // After the check the camera looks for the next unit at once, looking past the tag just checked
  // (still in front of it), so the same unit does not open again.
  await page.getByRole('button', { name: '全部合格' }).tap();
  await tapDigits(page, '1003');
  await sign(page, page.getByRole('img', { name: /检查人签名区/ }));
  await page.getByRole('button', { name: '提交检查' }).tap();
  await expect(page.getByRole('heading', { name: `${tag} 的检查已记录` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '请把二维码放进黄色框内' })).toBeVisible();
  await page.waitForTimeout(1_500);
  await expect(page.getByRole('heading', { name: `${tag} 的检查已记录` })).toBeVisible();
  // The decoder is plain JavaScript: no eval, no WebAssembly, nothing the CSP forbids.
  await csp.expectNone();
});
