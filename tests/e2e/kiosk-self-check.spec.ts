/**
 * The appearance self-check (仪容仪表自检) straight after a staff sign-in that opens the day: the
 * checklist with everything OK, tap to flag, submit with the sign-in's ticket (or the PIN when the
 * hub refuses the ticket), and the result. The demo people have no training on record, so every
 * sign-in here also carries the training warning. Employee numbers 1170–1179, one per test.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { expect, homeLandmark, scanBadge, test } from './fixtures.js';
import type { E2eHub } from './support/hub.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';
import { siteTime } from './support/time.js';

const keypad = (page: Page) => page.getByRole('group', { name: '数字键盘' });

async function tapDigits(page: Page, digits: string) {
  for (const digit of digits) await keypad(page).getByRole('button', { name: digit, exact: true }).tap();
}

async function openChecks(hub: E2eHub, employeeNo: string) {
  const queue = await hub.call('appearance.reviewQueue', { status: 'open', limit: 200 }, await hub.token('admin'));
  expect(queue.status).toBe(200);
  return (queue.body.items as any[]).filter((item) => item.person.employeeNo === employeeNo);
}

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

/** The checkbox of one item: ticked is OK, unticked is flagged. */
const item = (page: Page, label: string) => page.getByRole('checkbox', { name: label, exact: true });

test('a flagged required item goes to the supervisor, with the training warning shown before it', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1170');
  await pairAs('kiosk');

  await scanBadge(page, 'BADGE-1170');

  const screen = page.getByRole('main', { name: '签到成功 仪容仪表自检' });
  await expect(screen).toBeVisible();
  await expect(screen).toContainText(person.name);
  await expect(screen).toContainText(person.team);
  const recorded = await hub.lastPresence('1170');
  expect(recorded?.kind).toBe('in');
  await expect(screen).toContainText(`签到时间 ${siteTime(recorded!.at)}`);
  await expect(page.getByRole('alert').filter({ hasText: '您没有安全教育培训记录' })).toBeVisible();

  // Grouped as the department's list is, everything OK to begin with, required and optional marked.
  for (const group of ['着装', '工牌', '鞋', '仪容', '饰品']) await expect(screen.getByRole('group', { name: group })).toBeVisible();
  await expect(screen.getByRole('group', { name: '着装' }).getByRole('checkbox')).toHaveCount(2);
  for (const checkbox of await screen.getByRole('checkbox').all()) await expect(checkbox).toBeChecked();
  await expect(item(page, '工装干净整洁')).toHaveAccessibleDescription('必查');
  await expect(item(page, '淡妆上岗')).toHaveAccessibleDescription('选查');
  await expect(page.getByText('全部合格')).toBeVisible();

  await item(page, '工装干净整洁').tap();
  await expect(item(page, '工装干净整洁')).not.toBeChecked();
  await expect(page.locator('label').filter({ hasText: '工装干净整洁' })).toContainText('不合格');
  await expect(page.getByText('已标记 1 项')).toBeVisible();
  // A second tap takes the flag back; a third puts it again.
  await item(page, '工装干净整洁').tap();
  await expect(item(page, '工装干净整洁')).toBeChecked();
  await item(page, '工装干净整洁').tap();
  await page.getByLabel('备注（选填）').fill('工装袖口有污渍');
  await page.getByRole('button', { name: '提交自检' }).tap();

  const result = page.getByRole('main', { name: '已发送给主管' });
  await expect(result).toContainText(person.name);
  await expect(result.getByRole('list', { name: '不合格项目' })).toHaveText('工装干净整洁');

  const queued = await openChecks(hub, '1170');
  expect(queued).toHaveLength(1);
  expect(queued[0]).toMatchObject({ passed: false, note: '工装袖口有污渍', resolution: null });
  expect(queued[0].flagged.map((f: { id: string }) => f.id)).toEqual(['uniform-clean']);

  await page.getByRole('button', { name: '完成' }).tap();
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
  await expect(page.getByText(person.name)).toHaveCount(0);
});

test('all OK passes, and the next sign-in that day needs no second check', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1171');
  await pairAs('kiosk');
  await scanBadge(page, 'BADGE-1171');
  await expect(page.getByRole('heading', { name: '仪容仪表自检' })).toBeVisible();

  await page.getByRole('button', { name: '提交自检' }).tap();

  const result = page.getByRole('main', { name: '自检通过' });
  await expect(result).toContainText(person.name);
  await expect(result).not.toContainText('不合格');
  expect(await openChecks(hub, '1171')).toEqual([]);
  await page.getByRole('button', { name: '完成' }).tap();

  await scanBadge(page, 'BADGE-1171');
  await expect(page.getByRole('main', { name: '签退成功' })).toBeVisible();
  await page.getByRole('button', { name: '完成' }).tap();
  await scanBadge(page, 'BADGE-1171');
  const confirmation = page.getByRole('main', { name: '签到成功' });
  await expect(confirmation).toContainText(person.name);
  await expect(page.getByRole('heading', { name: '仪容仪表自检' })).toHaveCount(0);
  // The training warning still comes with every sign-in.
  await expect(page.getByRole('alert').filter({ hasText: '您没有安全教育培训记录' })).toBeVisible();
});

test('an optional item flagged is noted without going to the supervisor', async ({ page, hub, pairAs }) => {
  await pairAs('kiosk');
  await scanBadge(page, 'BADGE-1172');
  await item(page, '淡妆上岗').tap();
  await page.getByRole('button', { name: '提交自检' }).tap();

  const result = page.getByRole('main', { name: '自检通过' });
  await expect(result).toContainText('已记录选查项：淡妆上岗');
  expect(await openChecks(hub, '1172')).toEqual([]);
});

test('when the hub refuses the ticket, the PIN submits the same check with its flags', async ({ page, hub, pairAs }) => {
  const person = await hub.person('1173');
  // The ticket this kiosk is handed is one the hub never issued: as if it had expired or the hub
  // had restarted since the sign-in. The sign-in itself is real.
  await page.route('**/api/v1/presence.toggle', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.selfCheckTicket) body.selfCheckTicket.ticket = 'expired-ticket-0123456789abcdef';
    await route.fulfill({ response, json: body });
  });
  await pairAs('kiosk');
  await scanBadge(page, 'BADGE-1173');
  await item(page, '按规定佩戴工牌').tap();
  await page.getByLabel('备注（选填）').fill('工牌忘在家里');
  await page.getByRole('button', { name: '提交自检' }).tap();

  // The person's number is known from the sign-in; only the PIN is asked for.
  await expect(page.getByText('自检已超时，请输入工号和密码后提交。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  await expect(page.getByText('工号 1173')).toBeVisible();
  await tapDigits(page, '9999');
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '密码错误' })).toBeVisible();
  expect(await openChecks(hub, '1173')).toEqual([]);

  await tapDigits(page, '1234');
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  const result = page.getByRole('main', { name: '已发送给主管' });
  await expect(result).toContainText(person.name);
  await expect(result).toContainText('按规定佩戴工牌');
  const queued = await openChecks(hub, '1173');
  expect(queued).toHaveLength(1);
  expect(queued[0].flagged.map((f: { id: string }) => f.id)).toEqual(['badge-worn']);
  expect(queued[0].note).toBe('工牌忘在家里');
});

test('the PIN screen can be left to change the flags, which stay as they were', async ({ page, pairAs }) => {
  await page.route('**/api/v1/presence.toggle', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.selfCheckTicket) body.selfCheckTicket.ticket = 'expired-ticket-fedcba9876543210';
    await route.fulfill({ response, json: body });
  });
  await pairAs('kiosk');
  await scanBadge(page, 'BADGE-1174');
  await item(page, '头发整齐').tap();
  await page.getByRole('button', { name: '提交自检' }).tap();
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  await page.getByRole('button', { name: '取消' }).tap();

  await expect(item(page, '头发整齐')).not.toBeChecked();
  await item(page, '头发整齐').tap();
  // The refused ticket is not tried again.
  await page.getByRole('button', { name: '提交自检' }).tap();
  await expect(page.getByRole('heading', { name: '请输入密码' })).toBeVisible();
  await tapDigits(page, '1234');
  await page.getByRole('button', { name: '提交', exact: true }).tap();
  await expect(page.getByRole('main', { name: '自检通过' })).toBeVisible();
});

test('the mirror says so quietly when there is no camera, and the check goes on', async ({ page, pairAs }) => {
  await pairAs('kiosk');
  await scanBadge(page, 'BADGE-1175');
  const mirror = page.getByRole('button', { name: '镜子' });
  await expect(mirror).toHaveAttribute('aria-pressed', 'false');
  await mirror.tap();
  await expect(page.getByRole('status').filter({ hasText: '这台设备没有可用的摄像头' })).toBeVisible();
  await expect(mirror).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: '提交自检' }).tap();
  await expect(page.getByRole('main', { name: '自检通过' })).toBeVisible();
});

test.describe('with a camera', () => {
  // A stand-in front camera: a painted canvas's stream, offered as the device's only camera. (The
  // browser's own fake camera needs launch flags, and so a browser of its own.)
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const paint = canvas.getContext('2d')!;
      let hue = 0;
      setInterval(() => {
        hue = (hue + 30) % 360;
        paint.fillStyle = `hsl(${hue} 60% 50%)`;
        paint.fillRect(0, 0, canvas.width, canvas.height);
      }, 50);
      const camera = { deviceId: 'front', groupId: 'front', kind: 'videoinput', label: 'Front camera', toJSON: () => ({}) } as MediaDeviceInfo;
      Object.defineProperty(navigator, 'mediaDevices', {
        configurable: true,
        value: {
          enumerateDevices: async () => [camera],
          getUserMedia: async () => canvas.captureStream(20),
        },
      });
    });
  });

  test('the mirror shows the live camera only while it is open, and lets it go afterwards', async ({ page, pairAs }) => {
    await pairAs('kiosk');
    await scanBadge(page, 'BADGE-1176');
    const mirror = page.getByRole('button', { name: '镜子' });
    await mirror.tap();
    await expect(mirror).toHaveAttribute('aria-pressed', 'true');
    const video = page.getByLabel('前置摄像头实时画面');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.srcObject !== null && !v.paused && v.videoWidth > 0)).toBe(true);
    await expect(page.getByText('仅作镜子预览，不拍照、不录像、不保存。')).toBeVisible();
    const cameraTracks = () => page.evaluateHandle(() => (document.querySelector('video')!.srcObject as MediaStream).getVideoTracks());
    const first = await cameraTracks();
    expect(await first.evaluate((list) => list.map((t) => t.readyState))).toEqual(['live']);

    await mirror.tap();
    await expect(video).toBeHidden();
    await expect.poll(() => first.evaluate((list) => list.map((t) => t.readyState))).toEqual(['ended']);

    // Leaving the screen with the mirror open lets the camera go too.
    await mirror.tap();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.srcObject !== null)).toBe(true);
    const second = await cameraTracks();
    await page.getByRole('button', { name: '提交自检' }).tap();
    await expect(page.getByRole('main', { name: '自检通过' })).toBeVisible();
    await expect.poll(() => second.evaluate((list) => list.map((t) => t.readyState))).toEqual(['ended']);
  });
});

test('the self-check, its PIN fallback and its results have no serious accessibility violation and fit every screen, in zh-CN and en', async ({ page, pairAs }) => {
  test.setTimeout(240_000);
  await page.clock.install();
  await pairAs('kiosk');
  let paused = false;
  /** axe-core waits on timers: with the page's clock held, it is moved on in small steps while axe runs. */
  const analyze = async () => {
    let finished = false;
    const analysis = analyzeAccessibility(page).finally(() => {
      finished = true;
    });
    for (let moved = 0; paused && !finished && moved < 5_000; moved += 20) await page.clock.runFor(20);
    return analysis;
  };
  const check = async (onScreen: string[]) => {
    const results = await analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await expectTouchFriendlyEverywhere(page, onScreen);
    // The items are labels around a checkbox: each whole card is the target.
    const small = await page.locator('.check-item').evaluateAll((cards) => cards.filter((c) => c.getBoundingClientRect().height < 48 || c.getBoundingClientRect().width < 48).length);
    expect(small).toBe(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  for (const [employeeNo, language] of [
    ['1177', { button: '中文', submit: '提交自检', done: '完成', uniform: '工装干净整洁', keypad: { enter: '输入工号', pad: '数字键盘', next: '下一步', ok: '确定' } }],
    ['1178', { button: 'English', submit: 'Submit self-check', done: 'Done', uniform: 'Uniform clean and neat', keypad: { enter: 'Enter employee number', pad: 'Number pad', next: 'Next', ok: 'OK' } }],
  ] as const) {
    await page.getByRole('button', { name: language.button }).tap();
    await signInByKeypad(page, employeeNo, language.keypad);
    await expect(page.getByRole('button', { name: language.submit })).toBeVisible();
    await check([language.submit]);
    await item(page, language.uniform).tap();
    await check([language.submit]);
    await page.getByRole('button', { name: language.submit }).tap();
    await expect(page.getByRole('button', { name: language.done })).toBeVisible();
    // Held still while it is measured: it would go home by itself.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    paused = true;
    await check([language.done]);
    paused = false;
    await page.clock.resume();
    await page.getByRole('button', { name: language.done }).tap();
  }

  // The PIN fallback screen (the keypad, with why it is asked).
  await page.route('**/api/v1/presence.toggle', async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    if (body.selfCheckTicket) body.selfCheckTicket.ticket = 'expired-ticket-a11y-0123456789';
    await route.fulfill({ response, json: body });
  });
  await signInByKeypad(page, '1179', { enter: 'Enter employee number', pad: 'Number pad', next: 'Next', ok: 'OK' });
  await page.getByRole('button', { name: 'Submit self-check' }).tap();
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  await check(['Submit']);
  await page.getByRole('button', { name: '中文' }).tap();
  await check(['提交']);
});
