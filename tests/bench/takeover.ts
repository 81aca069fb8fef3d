/**
 * Emergency takeover on screen: Chromium (Debian's, as the e2e tests use it) shows the kiosk home;
 * an emergency is started through the API; how long until the evacuation display is painted,
 * counted from when the start request is sent. Several trials, each ended with a warden's PIN.
 */
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { apiUrl, cli, median, post, round, startDemoHub, stop } from './kit.js';

// The same browser and flags as playwright.config.ts.
export const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

/** A landscape kiosk in Shanghai, as the e2e tests have it. */
export const kioskPageOptions = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 }, hasTouch: true };

/**
 * Records, in the page, the time of the frame that first paints the evacuation display. A string,
 * not a function: tsx would wrap a function's inner names in a helper the page does not have.
 */
const watchForTakeover = `(() => {
  window.takeoverAt = null;
  const seen = () => {
    const el = document.querySelector('[data-testid="evacuation"]');
    return el !== null && el.getBoundingClientRect().height > 0;
  };
  const observer = new MutationObserver(() => {
    if (window.takeoverAt !== null || !seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.takeoverAt = Date.now(); });
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
})()`;

/** Resolves with that time once it is there (the page's CSP allows no string predicates). */
const paintedAtSoon = `new Promise((resolve, reject) => {
  const until = Date.now() + 10000;
  const check = () => (window.takeoverAt !== null ? resolve(window.takeoverAt) : Date.now() > until ? reject(new Error('no takeover')) : setTimeout(check, 2));
  check();
})`;

export async function benchTakeover(work: string, trials = 5) {
  const dataDir = join(work, 'takeover');
  const warden = cli(['token', 'create', '--data', dataDir, '--role', 'warden']);
  const hub = await startDemoHub(dataDir, 'kiosk link');
  const api = (method: string) => apiUrl(hub.url, method);
  const browser = await chromium.launch(launchOptions);
  const times: number[] = [];
  try {
    const page = await browser.newPage(kioskPageOptions);
    // The pairing link the hub printed makes this browser a kiosk.
    await page.goto(hub.url);
    const home = page.getByRole('main', { name: '签到 / 签退' });
    // The first trial warms up (the evacuation screen's code and fonts load once).
    for (let trial = 0; trial <= trials; trial++) {
      await home.waitFor({ state: 'visible', timeout: 20_000 });
      await page.evaluate(watchForTakeover);
      const calledAt = Date.now();
      const started = await post(api('emergency.start'), { kind: 'fire', drill: true }, warden);
      const paintedAt = (await page.evaluate(paintedAtSoon)) as number;
      if (trial > 0) times.push(paintedAt - calledAt);
      await post(api('emergency.end'), { emergencyId: started.emergency.id, employeeNo: '1003', pin: '1234' }, warden);
    }
    return { details: { takeoverTrialsMs: times.map((t) => round(t)) }, takeover_ms: round(median(times)) };
  } finally {
    await browser.close();
    await stop(hub.child);
  }
}
