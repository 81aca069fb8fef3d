/**
 * A tour of the door's screens for people to look at: the visitor's sign-in (each step, the
 * briefing, the welcome), the visitor's sign-out, the self-check after a sign-in (with the training
 * warning, flags, the mirror without a camera, the PIN fallback) and its results, in both languages,
 * landscape and portrait. PNGs go to screenshots/door-*.png (git-ignored). Runs only with
 * SCREENSHOTS=1 (see playwright.config.ts). Employee numbers 1160–1169.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, freezePageClock, test } from './fixtures.js';
import { repoRoot } from './support/paths.js';

const outDir = join(repoRoot, 'screenshots');
const sizes = [
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'small', width: 1024, height: 600 },
] as const;

const words = {
  'zh-CN': {
    button: '中文',
    visitor: '访客登记',
    in: /登记进入/,
    out: /我要离开/,
    next: '下一步',
    cancel: '取消',
    done: '完成',
    name: '姓名',
    company: '单位或公司',
    host: '接待人姓名或工号',
    results: '找到的人员',
    accept: '我已阅读并接受',
    confirmOut: '确认签退',
    submit: '提交自检',
    mirror: '镜子',
    uniform: '工装干净整洁',
    makeUp: '淡妆上岗',
    note: '备注（选填）',
    keypad: { enter: '输入工号', pad: '数字键盘', next: '下一步', ok: '确定' },
    visitorName: '欧阳明',
    company1: '上海某某科技有限公司',
  },
  en: {
    button: 'English',
    visitor: 'Visitors',
    in: /I am arriving/,
    out: /I am leaving/,
    next: 'Next',
    cancel: 'Cancel',
    done: 'Done',
    name: 'Name',
    company: 'Company or organisation',
    host: 'Host’s name or employee number',
    results: 'People found',
    accept: 'I have read and accept',
    confirmOut: 'Sign me out',
    submit: 'Submit self-check',
    mirror: 'Mirror',
    uniform: 'Uniform clean and neat',
    makeUp: 'Light make-up',
    note: 'Note (optional)',
    keypad: { enter: 'Enter employee number', pad: 'Number pad', next: 'Next', ok: 'OK' },
    visitorName: 'Jane Doe',
    company1: 'Acme Facilities Ltd',
  },
} as const;

/** What a person sees at once; and the whole page too where it scrolls (a sticky bar then shows mid-page). */
async function shoot(page: Page, screen: string, language: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    if (process.env.SCREENSHOTS !== '1') continue;
    const name = `door-${screen}-${language}-${size.name}`;
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    if (await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)) {
      await page.screenshot({ path: join(outDir, `${name}-full.png`), fullPage: true });
    }
  }
  await page.setViewportSize(sizes[0]);
}

async function signInByKeypad(page: Page, employeeNo: string, keys: (typeof words)[keyof typeof words]['keypad']) {
  await page.getByRole('button', { name: keys.enter }).tap();
  const pad = page.getByRole('group', { name: keys.pad });
  for (const digit of employeeNo) await pad.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: keys.next, exact: true }).tap();
  for (const digit of '1234') await pad.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: keys.ok, exact: true }).tap();
}

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));

for (const code of ['zh-CN', 'en'] as const) {
  const w = words[code];

  test(`visitor screens in ${code}`, async ({ page, hub, pairAs }) => {
    test.setTimeout(180_000);
    const host = await hub.person(code === 'en' ? '1161' : '1160');
    const kiosk = await hub.token('kiosk');
    const briefing = (await hub.call('briefing.current', {}, kiosk)).body;
    for (const [name, company] of [
      ['司马相如', '某某建筑设计院'],
      ['John Smith', 'Northwind Traders'],
    ])
      await hub.call('visitor.signIn', { name, company, hostEmployeeNo: host.employeeNo, briefingVersion: briefing.version, language: code, accepted: true }, kiosk);
    await page.clock.install();
    await pairAs('kiosk');
    await page.getByRole('button', { name: w.button }).tap();
    await shoot(page, 'kiosk-home', code);

    await page.getByRole('button', { name: new RegExp(w.visitor) }).tap();
    await shoot(page, 'visitor-desk', code);
    await page.getByRole('button', { name: w.in }).tap();
    await page.getByRole('button', { name: w.next }).tap();
    await expect(page.getByRole('textbox', { name: w.name, exact: true })).toHaveAttribute('aria-invalid', 'true');
    await shoot(page, 'visitor-name-empty', code);
    await page.getByRole('textbox', { name: w.name, exact: true }).fill(w.visitorName);
    await shoot(page, 'visitor-name', code);
    await page.getByRole('button', { name: w.next }).tap();
    await page.getByRole('textbox', { name: w.company, exact: true }).fill(w.company1);
    await shoot(page, 'visitor-company', code);
    await page.getByRole('button', { name: w.next }).tap();
    await page.getByRole('searchbox', { name: w.host }).fill(host.name.slice(0, 1));
    await page.getByRole('list', { name: w.results }).getByRole('button').filter({ hasText: host.name }).first().tap();
    await shoot(page, 'visitor-host', code);
    await page.getByRole('button', { name: w.next }).tap();
    await expect(page.getByRole('button', { name: w.accept })).toBeEnabled();
    await shoot(page, 'visitor-briefing', code);
    await page.getByRole('button', { name: w.accept }).tap();
    await expect(page.getByRole('button', { name: w.done })).toBeVisible();
    await freezePageClock(page);
    await shoot(page, 'visitor-welcome', code);
    await page.clock.resume();
    await page.getByRole('button', { name: w.done }).tap();

    await page.getByRole('button', { name: new RegExp(w.visitor) }).tap();
    await page.getByRole('button', { name: w.out }).tap();
    await expect(page.getByRole('button', { name: new RegExp(w.visitorName) })).toBeVisible();
    await shoot(page, 'visitor-out-list', code);
    await page.getByRole('button', { name: new RegExp(w.visitorName) }).tap();
    await shoot(page, 'visitor-out-confirm', code);
    await page.getByRole('button', { name: w.confirmOut }).tap();
    await expect(page.getByRole('button', { name: w.done })).toBeVisible();
    await freezePageClock(page);
    await shoot(page, 'visitor-signed-out', code);
  });

  test(`self-check screens in ${code}`, async ({ page, pairAs }) => {
    test.setTimeout(180_000);
    const [queued, passed, pin] = code === 'en' ? ['1163', '1165', '1167'] : ['1162', '1164', '1166'];
    await page.clock.install();
    await pairAs('kiosk');
    await page.getByRole('button', { name: w.button }).tap();

    await signInByKeypad(page, queued, w.keypad);
    await expect(page.getByRole('button', { name: w.submit })).toBeVisible();
    await shoot(page, 'self-check', code);
    await page.getByRole('checkbox', { name: w.uniform, exact: true }).tap();
    await page.getByRole('checkbox', { name: w.makeUp, exact: true }).tap();
    await page.getByRole('textbox', { name: w.note }).fill(code === 'en' ? 'Coffee stain on the sleeve' : '袖口有咖啡渍');
    await page.getByRole('button', { name: w.mirror }).tap();
    await expect(page.locator('.mirror-message')).not.toBeEmpty();
    await shoot(page, 'self-check-flagged', code);
    await page.getByRole('button', { name: w.submit }).tap();
    await expect(page.getByRole('button', { name: w.done })).toBeVisible();
    await freezePageClock(page);
    await shoot(page, 'self-check-queued', code);
    await page.clock.resume();
    await page.getByRole('button', { name: w.done }).tap();

    await signInByKeypad(page, passed, w.keypad);
    await page.getByRole('button', { name: w.submit }).tap();
    await expect(page.getByRole('button', { name: w.done })).toBeVisible();
    await freezePageClock(page);
    await shoot(page, 'self-check-passed', code);
    await page.clock.resume();
    await page.getByRole('button', { name: w.done }).tap();

    // Signed out and in again the same day: the plain confirmation, with the training warning.
    await signInByKeypad(page, passed, w.keypad);
    await page.getByRole('button', { name: w.done }).tap();
    await signInByKeypad(page, passed, w.keypad);
    await expect(page.locator('.training-warning')).toBeVisible();
    await freezePageClock(page);
    await shoot(page, 'confirmation-training', code);
    await page.clock.resume();
    await page.getByRole('button', { name: w.done }).tap();

    await page.route('**/api/v1/presence.toggle', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      if (body.selfCheckTicket) body.selfCheckTicket.ticket = 'expired-ticket-tour-0123456789';
      await route.fulfill({ response, json: body });
    });
    await signInByKeypad(page, pin, w.keypad);
    await page.getByRole('button', { name: w.submit }).tap();
    await expect(page.locator('.door-pin-intro')).toBeVisible();
    await shoot(page, 'self-check-pin', code);
  });
}
