/**
 * The kiosk in Chromium (Debian's, as the e2e tests use it): how soon its home screen paints, and
 * whether its JavaScript heap grows over a thousand sign-in flows (a badge scanned, the
 * confirmation, Done, home again), as QUALITY.md asks of the renderer.
 */
import { chromium, type Page } from '@playwright/test';
import { join } from 'node:path';
import { demoPin } from '../../electron/hub/demo.js';
import { parseSiteSettings } from '../../shared/domain/site-settings.js';
import { apiUrl, cli, median, post, round, startDemoHub, stop } from './kit.js';
import { kioskPageOptions, launchOptions } from './takeover.js';

const badge = 'BADGE-1001';

/** A keyboard-wedge badge reader: the badge's keys a few milliseconds apart, then Enter. */
async function scan(page: Page, cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>, text: string) {
  const start = Date.now() / 1000;
  let i = 0;
  for (const char of [...text, '\r']) {
    const timestamp = start + i++ * 0.004;
    const key = char === '\r' ? { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 } : { key: char };
    await cdp.send('Input.dispatchKeyEvent', { type: char === '\r' ? 'rawKeyDown' : 'keyDown', text: char, timestamp, ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp, ...key });
  }
}

/** The site's wall-clock time (HH:MM) `fromNowMs` from now, in a new site's time zone (the demo hub's). */
function clockTimeIn(fromNowMs: number): string {
  const { timeZone } = parseSiteSettings({});
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.now() + fromNowMs);
}

export async function benchRendererRuntime(work: string, flows = 1000) {
  const dataDir = join(work, 'renderer');
  const kiosk = cli(['token', 'create', '--data', dataDir, '--role', 'kiosk']);
  const admin = cli(['token', 'create', '--data', dataDir, '--role', 'admin']);
  const hub = await startDemoHub(dataDir, 'kiosk link');
  const api = (method: string) => apiUrl(hub.url, method);
  const browser = await chromium.launch(launchOptions);
  try {
    // The person scanned below has done today's self-check, so each of their scans is a plain
    // sign-in or sign-out: the flow a kiosk repeats all day. The site's day closes twelve hours from
    // now, not at 03:00 on the site's clock: a run across the close (19:00 UTC) made the next scan
    // ask for a new day's self-check, and the flow waited in vain for the confirmation.
    await post(api('doorSettings.update'), { auth: { employeeNo: '1004', pin: demoPin }, dailyCloseAt: clockTimeIn(12 * 3_600_000) }, admin);
    const signedIn = await post(api('presence.signIn'), { badge }, kiosk);
    const { version } = await post(api('checklist.current'), {}, kiosk);
    await post(api('appearance.submit'), { ticket: signedIn.selfCheckTicket.ticket, checklistVersion: version, flagged: [] }, kiosk);
    await post(api('presence.signOut'), { badge }, kiosk);

    const page = await browser.newPage(kioskPageOptions);
    await page.goto(hub.url);
    const home = page.getByRole('main', { name: '签到 / 签退' });
    await home.waitFor({ state: 'visible', timeout: 20_000 });

    // First contentful paint of the kiosk home, reloaded (the code is cached, as on a kiosk that restarts).
    const paints: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.reload();
      await home.waitFor({ state: 'visible', timeout: 20_000 });
      // The paint's entry is recorded once the frame is shown, which can come a moment after the
      // home is in the page: wait for it (its time is when the paint happened, not when it is read).
      const recorded = await page
        .waitForFunction(`performance.getEntriesByName('first-contentful-paint').length > 0`, undefined, { timeout: 10_000 })
        .then(() => true, () => false);
      const fcp = recorded ? ((await page.evaluate(`performance.getEntriesByName('first-contentful-paint')[0].startTime`)) as number) : null;
      if (fcp === null) throw new Error('Chromium reported no first contentful paint within 10 s of the home showing');
      if (i > 0) paints.push(fcp);
    }

    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / (1024 * 1024);
    };
    const confirmation = page.locator('main.confirmation');
    const flow = async () => {
      await scan(page, cdp, badge);
      await confirmation.waitFor({ state: 'visible', timeout: 10_000 });
      await confirmation.locator('.confirmation-done').click();
      await home.waitFor({ state: 'visible', timeout: 10_000 });
    };
    // Warm-up: the confirmation's code, fonts and caches are there before the heap is read.
    for (let i = 0; i < 30; i++) await flow();
    const before = await heapMb();
    const started = performance.now();
    for (let i = 0; i < flows; i++) await flow();
    const seconds = (performance.now() - started) / 1000;
    const after = await heapMb();
    return {
      details: { kioskFcpMs: paints.map((p) => round(p)), heapBeforeMb: round(before), heapAfterMb: round(after), flowsSeconds: round(seconds, 1) },
      kiosk_fcp_ms: round(median(paints)),
      renderer_heap_growth_mb_1000: round(after - before),
    };
  } finally {
    await browser.close();
    await stop(hub.child);
  }
}
