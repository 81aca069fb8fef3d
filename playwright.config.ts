// End-to-end tests in Debian's Chromium (Playwright cannot download browsers on the build machines).
// Each worker runs its own hub on a temporary database and serves the built renderer from dist/.
import { defineConfig } from '@playwright/test';

const screenshots = process.env.SCREENSHOTS === '1';

export default defineConfig({
  testDir: 'tests/e2e',
  // The screenshot tour is a tool for looking at the screens, not a test; it runs only when asked.
  // Each part of the app may have its own tour: screenshots.spec.ts, screenshots-<part>.spec.ts.
  testIgnore: screenshots ? [] : ['**/screenshots*.spec.ts'],
  testMatch: screenshots ? ['**/screenshots*.spec.ts'] : ['**/*.spec.ts'],
  globalSetup: './tests/e2e/support/require-build.ts',
  // Two workers, each with its own hub: most of a test is waiting on the page and the hub, so two
  // share the build machine's two cores well (about half the time of one, no test depends on another's hub).
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    hasTouch: true,
    trace: 'off',
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
      ],
    },
  },
});
