/**
 * Visitors at the entrance kiosk: name, company, host from the roster, the site's safety briefing
 * in the kiosk's language, an explicit acceptance, then on site (and in every roll call) until they
 * sign themselves out at the same kiosk. Each test has its own visitor names and hosts (1185–1189)
 * so that tests sharing a worker's hub cannot change each other's outcome; visitors are signed out
 * afterwards so later roll calls on that hub do not carry them.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { expect, homeLandmark, test } from './fixtures.js';
import type { E2eHub } from './support/hub.js';
import { expectTouchFriendlyEverywhere } from './support/layout.js';

const supervisor = { employeeNo: '1004', pin: '1234' };

async function visitorsOnSite(hub: E2eHub) {
  const res = await hub.call('presence.onSite', {}, await hub.token('kiosk'));
  return res.body.visitors as { visitorId: number; name: string; company: string }[];
}

test.afterEach(async ({ hub }) => {
  const kiosk = await hub.token('kiosk');
  for (const visitor of await visitorsOnSite(hub)) {
    if (visitor.name.startsWith('E2E')) await hub.call('visitor.signOut', { visitorId: visitor.visitorId }, kiosk);
  }
});

async function startVisitorSignIn(page: Page) {
  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /登记进入/ }).tap();
}

async function pickHost(page: Page, host: { name: string; team: string }) {
  const search = page.getByRole('searchbox', { name: '接待人姓名或工号' });
  // Typed afresh: the box may already hold the name from an earlier search, whose answer (say,
  // from while the host was off the roster) would otherwise stand, as filling in the same text
  // asks nothing new.
  await search.fill('');
  await search.fill(host.name);
  await page.getByRole('list', { name: '找到的人员' }).getByRole('button').filter({ hasText: host.name }).filter({ hasText: host.team }).first().tap();
  await expect(page.getByRole('status').filter({ hasText: `已选择：${host.name}（${host.team}）` })).toBeVisible();
}

test('a visitor signs in with the briefing in Chinese and is on site, on the display’s count and in the day’s log', async ({ page, hub, pairAs, browser }) => {
  test.setTimeout(60_000);
  const host = await hub.person('1185');
  // The wall display is another device: its own browser context (its own storage and token).
  const displayDevice = await browser.newContext();
  const display = await displayDevice.newPage();
  await display.goto(await hub.pairingLink('display'));
  const count = display.getByTestId('on-site-count');
  await expect(count).toHaveText(/^\d+$/);
  const before = Number(await count.textContent());
  await pairAs('kiosk');

  await startVisitorSignIn(page);
  await expect(page.getByRole('main', { name: '请输入您的姓名' })).toContainText('第 1 步，共 4 步');
  // The field has focus at once, so the on-screen keyboard opens; a physical keyboard types into it.
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toBeFocused();
  await page.keyboard.type('E2E ');
  await page.keyboard.insertText('欧阳明');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '您来自哪个单位？' })).toBeVisible();
  await page.getByRole('textbox', { name: '单位或公司', exact: true }).fill('上海某某科技有限公司');
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('heading', { name: '您要拜访谁？' })).toBeVisible();
  await pickHost(page, host);
  await page.getByRole('button', { name: '下一步' }).tap();

  const briefing = (await hub.call('briefing.current', {}, await hub.token('kiosk'))).body;
  const text = briefing.content['zh-CN'];
  const screen = page.getByRole('main', { name: text.title });
  await expect(screen).toContainText('第 4 步，共 4 步');
  await expect(screen.getByRole('region', { name: '安全出口' })).toContainText(text.exits);
  await expect(screen.getByRole('region', { name: '紧急集合点' })).toContainText(text.assemblyPoint);
  for (const rule of text.rules) await expect(screen.getByRole('region', { name: '安全须知' }).getByRole('listitem').filter({ hasText: rule })).toBeVisible();
  await expect(screen.getByRole('region', { name: '紧急电话' })).toContainText('119');
  await page.getByRole('button', { name: '我已阅读并接受' }).tap();

  const welcome = page.getByRole('main', { name: '欢迎来访' });
  await expect(welcome).toContainText('E2E 欧阳明');
  await expect(welcome).toContainText(`接待人：${host.name}（${host.team}）`);

  const onSite = await visitorsOnSite(hub);
  expect(onSite).toContainEqual(expect.objectContaining({ name: 'E2E 欧阳明', company: '上海某某科技有限公司' }));
  await expect(count).toHaveText(String(before + 1));
  await displayDevice.close();
  const log = (await hub.call('visitor.list', {}, await hub.token('admin'))).body.visitors as any[];
  const visit = log.find((v) => v.name === 'E2E 欧阳明');
  expect(visit).toMatchObject({ company: '上海某某科技有限公司', host: { employeeNo: '1185' }, briefingVersion: briefing.version, until: null });

  // Nobody taps: the welcome goes, and with it the visitor's name.
  await expect(homeLandmark(page, 'kiosk')).toBeVisible({ timeout: 12_000 });
  await expect(page.getByText('E2E 欧阳明')).toHaveCount(0);
});

test('an English-speaking visitor reads the briefing in English', async ({ page, hub, pairAs }) => {
  const host = await hub.person('1186');
  await pairAs('kiosk');
  await page.getByRole('button', { name: /Visitors/ }).tap();
  await page.getByRole('button', { name: 'English' }).tap();
  await page.getByRole('button', { name: /I am arriving/ }).tap();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('E2E Jane Doe');
  await page.getByRole('button', { name: 'Next' }).tap();
  await page.getByRole('textbox', { name: 'Company or organisation', exact: true }).fill('Acme Ltd');
  await page.getByRole('button', { name: 'Next' }).tap();
  await page.getByRole('searchbox', { name: 'Host’s name or employee number' }).fill('1186');
  await page.getByRole('list', { name: 'People found' }).getByRole('button', { name: new RegExp(host.name) }).tap();
  await page.getByRole('button', { name: 'Next' }).tap();

  const text = (await hub.call('briefing.current', {}, await hub.token('kiosk'))).body.content.en;
  const screen = page.getByRole('main', { name: text.title });
  await expect(screen.getByRole('region', { name: 'Emergency exits' })).toContainText(text.exits);
  await expect(screen.getByRole('region', { name: 'Emergency numbers' })).toContainText('Ambulance');
  await page.getByRole('button', { name: 'I have read and accept' }).tap();

  await expect(page.getByRole('main', { name: 'Welcome' })).toContainText('E2E Jane Doe');
  expect(await visitorsOnSite(hub)).toContainEqual(expect.objectContaining({ name: 'E2E Jane Doe', company: 'Acme Ltd' }));
  await page.getByRole('button', { name: 'Done' }).tap();
  await page.getByRole('button', { name: '中文' }).tap();
  await expect(homeLandmark(page, 'kiosk')).toBeVisible();
});

test('mistakes are explained on their step in the visitor’s language and nothing typed is lost', async ({ page, hub, pairAs }) => {
  const host = await hub.person('1187');
  await pairAs('kiosk');
  await startVisitorSignIn(page);

  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('   ');
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '请输入您的姓名。' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('E2E 李四');
  await expect(page.getByRole('alert').filter({ hasText: '请输入您的姓名。' })).toHaveCount(0);
  await page.getByRole('button', { name: '下一步' }).tap();

  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '请输入您的单位或公司。' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: 'Please enter your company or organisation.' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).tap();
  await page.getByRole('textbox', { name: '单位或公司', exact: true }).fill('个人');

  // Back and forth keeps what was typed.
  await page.getByRole('button', { name: '上一步' }).tap();
  await expect(page.getByRole('textbox', { name: '姓名', exact: true })).toHaveValue('E2E 李四');
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('textbox', { name: '单位或公司', exact: true })).toHaveValue('个人');
  await page.getByRole('button', { name: '下一步' }).tap();

  // A host must be picked from the roster, not just typed.
  await page.getByRole('searchbox', { name: '接待人姓名或工号' }).fill('没有这个人');
  await expect(page.getByText('没有找到，请换个写法试试。')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: '请在下方名单中点选您的接待人。' })).toBeVisible();
  await pickHost(page, host);

  // The host leaves the roster while the visitor reads: the visitor picks again, keeping the rest.
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('button', { name: '我已阅读并接受' })).toBeEnabled();
  const admin = await hub.token('admin');
  expect((await hub.call('people.setActive', { auth: supervisor, employeeNo: '1187', active: false }, admin)).status).toBe(200);
  try {
    await page.getByRole('button', { name: '我已阅读并接受' }).tap();
    await expect(page.getByRole('heading', { name: '您要拜访谁？' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: '您选择的接待人已无法选择' })).toBeVisible();
    expect(await visitorsOnSite(hub)).not.toContainEqual(expect.objectContaining({ name: 'E2E 李四' }));
  } finally {
    await hub.call('people.setActive', { auth: supervisor, employeeNo: '1187', active: true }, admin);
  }
  await pickHost(page, host);
  await page.getByRole('button', { name: '下一步' }).tap();
  await page.getByRole('button', { name: '我已阅读并接受' }).tap();
  await expect(page.getByRole('main', { name: '欢迎来访' })).toContainText('E2E 李四');
  expect(await visitorsOnSite(hub)).toContainEqual(expect.objectContaining({ name: 'E2E 李四', company: '个人' }));
});

test('a briefing changed while the visitor reads is shown again and must be accepted again', async ({ page, hub, pairAs }) => {
  const host = await hub.person('1188');
  const kiosk = await hub.token('kiosk');
  const admin = await hub.token('admin');
  const original = (await hub.call('briefing.current', {}, kiosk)).body;
  await pairAs('kiosk');
  await startVisitorSignIn(page);
  await page.getByRole('textbox', { name: '姓名', exact: true }).fill('E2E 王五');
  await page.getByRole('button', { name: '下一步' }).tap();
  await page.getByRole('textbox', { name: '单位或公司', exact: true }).fill('某某物业');
  await page.getByRole('button', { name: '下一步' }).tap();
  await pickHost(page, host);
  await page.getByRole('button', { name: '下一步' }).tap();
  await expect(page.getByRole('button', { name: '我已阅读并接受' })).toBeEnabled();

  const newRule = '今日三楼东侧楼梯维修，请使用西侧楼梯。';
  const changed = structuredClone(original.content);
  changed['zh-CN'].rules.push(newRule);
  changed.en.rules.push('The east stairs on 3F are closed for repair today; use the west stairs.');
  const update = await hub.call('briefing.update', { auth: supervisor, content: changed }, admin);
  expect(update.body.created).toBe(true);
  try {
    await page.getByRole('button', { name: '我已阅读并接受' }).tap();
    await expect(page.getByRole('alert').filter({ hasText: '安全须知刚刚更新' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: newRule })).toBeVisible();
    expect(await visitorsOnSite(hub)).not.toContainEqual(expect.objectContaining({ name: 'E2E 王五' }));

    await page.getByRole('button', { name: '我已阅读并接受' }).tap();
    await expect(page.getByRole('main', { name: '欢迎来访' })).toContainText('E2E 王五');
    const visit = ((await hub.call('visitor.list', {}, admin)).body.visitors as any[]).find((v) => v.name === 'E2E 王五');
    expect(visit.briefingVersion).toBe(update.body.briefing.version);
  } finally {
    // Later tests on this hub read the site's usual text (as a new version: versions are never rewritten).
    await hub.call('briefing.update', { auth: supervisor, content: original.content }, admin);
  }
});

test('a visitor signs out by tapping their name, and is no longer on site', async ({ page, hub, pairAs }) => {
  const kiosk = await hub.token('kiosk');
  const briefing = (await hub.call('briefing.current', {}, kiosk)).body;
  const visit = (
    await hub.call('visitor.signIn', { name: 'E2E 赵六', company: '某某快递', hostEmployeeNo: '1189', briefingVersion: briefing.version, language: 'zh-CN', accepted: true }, kiosk)
  ).body.visitor;
  await pairAs('kiosk');

  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /我要离开/ }).tap();
  const list = page.getByRole('list', { name: '在场访客' });
  await list.getByRole('button', { name: /E2E 赵六/ }).tap();
  const confirm = page.getByRole('main', { name: '确认签退？' });
  await expect(confirm).toContainText('E2E 赵六');
  await expect(confirm).toContainText('某某快递');
  // Changing one's mind is one tap.
  await page.getByRole('button', { name: '上一步' }).tap();
  await list.getByRole('button', { name: /E2E 赵六/ }).tap();
  await page.getByRole('button', { name: '确认签退' }).tap();

  await expect(page.getByRole('main', { name: '已签退' })).toContainText('E2E 赵六');
  expect(await visitorsOnSite(hub)).not.toContainEqual(expect.objectContaining({ visitorId: visit.visitorId }));
  await page.getByRole('button', { name: '完成' }).tap();
  await page.getByRole('button', { name: '访客登记' }).tap();
  await page.getByRole('button', { name: /我要离开/ }).tap();
  await expect(page.getByRole('heading', { name: '访客签退' })).toBeVisible();
  await expect(page.getByRole('button', { name: /E2E 赵六/ })).toHaveCount(0);
});

test('the visitor screens have no serious accessibility violation and fit every screen, in zh-CN and en', async ({ page, hub, pairAs }) => {
  test.setTimeout(120_000);
  const host = await hub.person('1185');
  const kiosk = await hub.token('kiosk');
  const briefing = (await hub.call('briefing.current', {}, kiosk)).body;
  await hub.call('visitor.signIn', { name: 'E2E 孙七', company: '某某设计院', hostEmployeeNo: '1185', briefingVersion: briefing.version, language: 'zh-CN', accepted: true }, kiosk);
  await pairAs('kiosk');

  const check = async (onScreen: string[] = []) => {
    const results = await analyzeAccessibility(page);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await expectTouchFriendlyEverywhere(page, onScreen);
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  for (const language of [
    { button: '中文', visitor: '访客登记', in: /登记进入/, out: /我要离开/, next: '下一步', cancel: '取消', name: '姓名', company: '单位或公司', host: '接待人姓名或工号', results: '找到的人员' },
    { button: 'English', visitor: 'Visitors', in: /I am arriving/, out: /I am leaving/, next: 'Next', cancel: 'Cancel', name: 'Name', company: 'Company or organisation', host: 'Host’s name or employee number', results: 'People found' },
  ]) {
    await page.getByRole('button', { name: language.button }).tap();
    await check(language.button === '中文' ? ['输入工号'] : ['Enter employee number']);
    await page.getByRole('button', { name: new RegExp(language.visitor) }).tap();
    await check();
    await page.getByRole('button', { name: language.in }).tap();
    await page.getByRole('button', { name: language.next }).tap();
    await check([language.next, language.cancel]);
    await page.getByRole('textbox', { name: language.name, exact: true }).fill('E2E 测试');
    await page.getByRole('button', { name: language.next }).tap();
    await page.getByRole('textbox', { name: language.company, exact: true }).fill('测试公司');
    await page.getByRole('button', { name: language.next }).tap();
    await page.getByRole('searchbox', { name: language.host }).fill(host.name);
    await page.getByRole('list', { name: language.results }).getByRole('button').first().tap();
    await check([language.next]);
    await page.getByRole('button', { name: language.next }).tap();
    await expect(page.locator('.briefing-text')).toBeVisible();
    await check();
    await page.getByRole('button', { name: language.cancel }).tap();
    await page.getByRole('button', { name: new RegExp(language.visitor) }).tap();
    await page.getByRole('button', { name: language.out }).tap();
    await page.getByRole('button', { name: /E2E 孙七/ }).tap();
    await check();
    await page.getByRole('button', { name: language.cancel }).tap();
  }
  await page.getByRole('button', { name: '中文' }).tap();
});
