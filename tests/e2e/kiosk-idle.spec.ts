/**
 * A kiosk left alone in the middle of a visitor's sign-in or sign-out, or of someone's self-check,
 * goes home after the device's idle time (90 s unless the device is set otherwise) and keeps
 * nothing of that person for the next one. The page's clock is moved on instead of waiting.
 * Employee numbers 1190–1194; visitor names start with "E2E".
 */
import type { Page } from '@playwright/test';
import { expect, homeLandmark, test } from './fixtures.js';

const defaultIdleMs = 90_000;

/**
 * Signs in on the on-screen keypad. Used where the page's clock is installed: a fake clock stamps
 * key events with its own time, so on a busy machine a simulated badge reader can look like a
 * person typing.
 */
async function signInByKeypad(page: Page, employeeNo: string, words = { enter: '输入工号', pad: '数字键盘', next: '下一步', ok: '确定' }) {
  await page.getByRole('button', { name: words.enter }).tap();
  const pad = page.getByRole('group', { name: words.pad });
  for (const digit of employeeNo) await pad.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: words.next, exact: true }).tap();
  for (const digit of '1234') await pad.getByRole('button', { name: digit, exact: true }).tap();
  await page.getByRole('button', { name: words.ok, exact: true }).tap();
}

test.afterEach(async ({ hub }) => {
  const kiosk = await hub.token('kiosk');
  const onSite = (await hub.call('presence.onSite', {}, kiosk)).body;
  for (const visitor of onSite.visitors) if (visitor.name.startsWith('E2E')) await hub.call('visitor.signOut', { visitorId: visitor.visitorId }, kiosk);
});

async function expectHomeAfterIdle(page: Page, idleMs = defaultIdleMs) {
  // Just short of the idle time nothing happens: a reader is not cut off early.
  await page.clock.runFor(idleMs - 2_000);
  await expect(homeLandmark(page, 'kiosk')).toBeHidden();
  await page.clock.runFor(3_000);
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
}

test('a visitor’s form left half-filled goes home, and the next visitor starts from nothing', async ({ page, pairAs }) => {
  await page.clock.install();
  await pairAs('kiosk');
  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /登记进入/ }).tap();
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('E2E 钱八');
  await page.getByRole('button', { name: '下一步' }).tap();
  await page.getByRole('textbox', { name: '单位或公司', exact: true }).fill('某某咨询公司');

  await expectHomeAfterIdle(page);
  await expect(page.getByText('E2E 钱八')).toHaveCount(0);

  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /登记进入/ }).tap();
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('E2E 下一位');
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('textbox', { name: '单位或公司', exact: true })).toHaveValue('');
});

test('every step of the visitor flows goes home when left alone', async ({ page, hub, pairAs }) => {
  test.setTimeout(90_000);
  const host = await hub.person('1190');
  const kiosk = await hub.token('kiosk');
  const briefing = (await hub.call('briefing.current', {}, kiosk)).body;
  await hub.call('visitor.signIn', { name: 'E2E 周九', company: '某某银行', hostEmployeeNo: '1190', briefingVersion: briefing.version, language: 'zh-CN', accepted: true }, kiosk);
  await page.clock.install();
  await pairAs('kiosk');

  const open = async () => page.getByRole('button', { name: '访客登记' }).tap();
  const toSignIn = async () => {
    await open();
    await page.getByRole('button', { name: /登记进入/ }).tap();
  };
  const toCompany = async () => {
    await toSignIn();
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill('E2E 吴十');
    await page.getByRole('button', { name: '下一步' }).tap();
  };
  const toHost = async () => {
    await toCompany();
    await page.getByRole('textbox', { name: '单位或公司', exact: true }).fill('某某律所');
    await page.getByRole('button', { name: '下一步' }).tap();
    await page.getByRole('searchbox', { name: '接待人姓名或工号' }).fill(host.name);
    await page.getByRole('list', { name: '找到的人员' }).getByRole('button').first().tap();
  };
  const toBriefing = async () => {
    await toHost();
    await page.getByRole('button', { name: '下一步' }).tap();
    await expect(page.getByRole('button', { name: '我已阅读并接受' })).toBeEnabled();
  };
  const toSignOutList = async () => {
    await open();
    await page.getByRole('button', { name: /我要离开/ }).tap();
    await expect(page.getByRole('button', { name: /E2E 周九/ })).toBeVisible();
  };
  const toSignOutConfirm = async () => {
    await toSignOutList();
    await page.getByRole('button', { name: /E2E 周九/ }).tap();
    await expect(page.getByRole('button', { name: '确认签退' })).toBeVisible();
  };

  for (const reach of [open, toSignIn, toCompany, toHost, toBriefing, toSignOutList, toSignOutConfirm]) {
    await reach();
    await expectHomeAfterIdle(page);
    await expect(page.getByText('E2E 吴十')).toHaveCount(0);
  }
  // Nothing was signed in or out by the abandoned flows.
  const visitors = (await hub.call('presence.onSite', {}, kiosk)).body.visitors as { name: string }[];
  expect(visitors.map((v) => v.name).filter((n) => n.startsWith('E2E'))).toEqual(['E2E 周九']);
});

test('a touch starts the idle time again: a slow reader is not sent home', async ({ page, pairAs }) => {
  await page.clock.install();
  await pairAs('kiosk');
  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /登记进入/ }).tap();
  await page.clock.runFor(defaultIdleMs - 10_000);
  await page.getByRole('textbox', { name: '姓名', exact: true }).tap();
  await page.clock.runFor(defaultIdleMs - 10_000);
  await expect(page.getByRole('heading', { name: '请输入您的姓名' })).toBeVisible();
  await page.clock.runFor(11_000);
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
});

test('a self-check left alone goes home; the next person gets a fresh list without the last one’s flags', async ({ page, hub, pairAs }) => {
  const first = await hub.person('1191');
  const second = await hub.person('1192');
  await page.clock.install();
  await pairAs('kiosk');
  await signInByKeypad(page, '1191');
  await page.getByRole('checkbox', { name: '工装干净整洁', exact: true }).tap();
  await page.getByRole('textbox', { name: '备注（选填）', exact: true }).fill('袖口脏了');

  await expectHomeAfterIdle(page);
  await expect(page.getByText(first.name)).toHaveCount(0);

  await signInByKeypad(page, '1192');
  await expect(page.getByRole('main', { name: '签到成功' })).toContainText(second.name);
  await expect(page.getByText(first.name)).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: '工装干净整洁', exact: true })).toBeChecked();
  await expect(page.getByRole('textbox', { name: '备注（选填）', exact: true })).toHaveValue('');
});

test('the PIN fallback of a self-check goes home too', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1193');
  await page.route('**/api/v1/presence.toggle', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.selfCheckTicket) body.selfCheckTicket.ticket = 'expired-ticket-idle-0123456789';
    await route.fulfill({ response, json: body });
  });
  await page.clock.install();
  await pairAs('kiosk');
  await signInByKeypad(page, '1193');
  await page.getByRole('button', { name: '提交自检' }).tap();
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: '1', exact: true }).tap();

  await expectHomeAfterIdle(page);
  await expect(page.getByText(person.name)).toHaveCount(0);
  await expect(page.getByText('工号 1193')).toHaveCount(0);
});

test('a self-check result goes home by itself after a few seconds', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1194');
  await page.clock.install();
  await pairAs('kiosk');
  await signInByKeypad(page, '1194');
  await page.getByRole('button', { name: '提交自检' }).tap();
  await expect(page.getByRole('main', { name: '自检通过' })).toContainText(person.name);
  await page.clock.runFor(9_000);
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  await expect(page.getByText(person.name)).toHaveCount(0);
});

test('the idle time is the device’s own setting, given once in the address', async ({ page, pairAs }) => {
  await page.clock.install();
  await pairAs('kiosk');
  await page.goto('/?kioskIdleSeconds=20');
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  // Taken out of the address (and kept by the device), so a bookmark or a reload does not carry it.
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();

  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /登记进入/ }).tap();
  await expectHomeAfterIdle(page, 20_000);

  // Out of range: ignored, the setting in force stays.
  await page.goto('/?kioskIdleSeconds=2');
  await page.getByRole('button', { name: '访客登记' }).tap();
  await expectHomeAfterIdle(page, 20_000);
});
