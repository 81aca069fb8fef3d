/**
 * People admin on the desk, as a department head uses it: add someone and find them, correct their
 * details, give them a new PIN they can sign in with, deactivate and reactivate them, record safety
 * training for one person and for several at once. Refusals are shown in words and keep what was
 * typed. The people each test works on are its own (employee numbers 71xx), made through the hub's
 * API where the test is not about making them; dates are counted from the hub's own today.
 */
import { analyzeAccessibility } from './support/axe.js';
import type { Page } from '@playwright/test';
import { expect, test, unlockAdmin } from './fixtures.js';
import type { E2eHub } from './support/hub.js';

/** The department head of the demo site signs the changes the tests make through the API. */
const headAuth = { employeeNo: '1004', pin: '1234' };

/** A calendar day in the site's zone (Asia/Shanghai), `days` from now. */
function siteDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

async function addThroughApi(hub: E2eHub, person: { employeeNo: string; name: string; team?: string; pin?: string; badge?: string }) {
  const answer = await hub.call('people.add', { auth: headAuth, person: { team: '话务一组', ...person } }, await hub.token('admin'));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

async function getThroughApi(hub: E2eHub, employeeNo: string) {
  return hub.call('people.get', { employeeNo }, await hub.token('admin'));
}

async function openPeople(page: Page) {
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name: '人员', exact: true }).click();
  await expect(page.getByRole('heading', { name: '人员管理', level: 1 })).toBeVisible();
}

/** Finds a person by search and opens their page. */
async function openPerson(page: Page, employeeNo: string, name: string) {
  await page.getByLabel('按姓名、工号或工牌搜索').fill(employeeNo);
  await page.getByRole('button', { name: `打开 ${name}（${employeeNo}）` }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test.beforeEach(async ({ page, pairAs }) => {
  await pairAs('admin');
  await unlockAdmin(page);
  await openPeople(page);
});

test('adds a person, then finds them by number and by name; a refused number keeps the form as typed', async ({ page, hub }) => {
  await page.getByRole('button', { name: '添加人员' }).click();
  await expect(page.getByRole('heading', { name: '添加人员', level: 1 })).toBeVisible();

  // Mistakes the form can see are named at their fields before anything is sent.
  await page.getByLabel('工号', { exact: true }).fill('71 01');
  await page.getByRole('button', { name: '添加到名册' }).click();
  await expect(page.getByText('请输入工号：只能包含字母、数字、- 和 _，最多 32 位。')).toBeVisible();
  await expect(page.getByText('请输入姓名（最多 120 个字）。')).toBeVisible();
  await expect(page.getByLabel('工号', { exact: true })).toBeFocused();

  // A number someone already has: the hub refuses, and nothing typed is lost.
  await page.getByLabel('工号', { exact: true }).fill('1001');
  await page.getByLabel('姓名', { exact: true }).fill('新来的甲');
  await page.getByLabel('班组', { exact: true }).fill('话务二组');
  await page.getByLabel('工牌号').fill('BADGE-7101');
  await page.getByLabel('角色').selectOption({ label: '主管' });
  await page.getByRole('button', { name: '添加到名册' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '工号 1001 已在名册中。' })).toBeVisible();
  await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('新来的甲');
  await expect(page.getByLabel('班组', { exact: true })).toHaveValue('话务二组');
  await expect(page.getByLabel('工牌号')).toHaveValue('BADGE-7101');
  expect((await getThroughApi(hub, '7101')).body.error.code).toBe('unknown_person');

  await page.getByLabel('工号', { exact: true }).fill('7101');
  await page.getByRole('button', { name: '添加到名册' }).click();
  await expect(page.getByRole('heading', { name: '新来的甲', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '已将 新来的甲 添加到名册。' })).toBeVisible();
  await expect(page.getByText('工号 7101 · 话务二组 · 主管')).toBeVisible();
  const stored = await getThroughApi(hub, '7101');
  expect(stored.body).toMatchObject({ name: '新来的甲', team: '话务二组', role: 'supervisor', badge: 'BADGE-7101', active: true, hasPin: false });

  await page.getByRole('button', { name: '返回人员列表' }).click();
  await page.getByLabel('按姓名、工号或工牌搜索').fill('7101');
  const rows = page.locator('.people-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('新来的甲');
  await expect(rows.first()).toContainText('话务二组');
  await expect(rows.first()).toContainText('无培训记录');
  await page.getByLabel('按姓名、工号或工牌搜索').fill('新来的甲');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('7101');
  await expect(page.getByText('共找到 1 人')).toBeVisible();
});

test('edits name, team, role and badge; a badge someone else holds is refused and the edit stays', async ({ page, hub }) => {
  await addThroughApi(hub, { employeeNo: '7111', name: '编辑前', badge: 'BADGE-7111' });
  await openPerson(page, '7111', '编辑前');
  const details = page.getByRole('region', { name: '基本信息' });
  await expect(details.getByLabel('工号', { exact: true })).toHaveAttribute('readonly', '');

  await details.getByLabel('姓名', { exact: true }).fill('编辑后');
  await details.getByLabel('工牌号').fill('BADGE-1001');
  await details.getByRole('button', { name: '保存修改' }).click();
  await expect(details.getByRole('alert')).toHaveText('该工牌已属于工号 1001。');
  await expect(details.getByLabel('姓名', { exact: true })).toHaveValue('编辑后');
  expect((await getThroughApi(hub, '7111')).body).toMatchObject({ name: '编辑前', badge: 'BADGE-7111' });

  await details.getByLabel('工牌号').fill('');
  await details.getByLabel('班组', { exact: true }).fill('投诉处理组');
  await details.getByLabel('角色').selectOption({ label: '消防安全员' });
  await details.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存 编辑后 的信息。' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '编辑后', level: 1 })).toBeVisible();
  await expect(page.getByText('无工牌', { exact: true })).toBeVisible();
  expect((await getThroughApi(hub, '7111')).body).toMatchObject({ name: '编辑后', team: '投诉处理组', role: 'warden', badge: null });

  // Saving again without a change says so instead of sending nothing.
  await details.getByRole('button', { name: '保存修改' }).click();
  await expect(details.getByRole('alert')).toHaveText('尚未做任何修改。');
});

test('a new PIN, typed twice, lifts a lockout and signs the person in at the kiosk', async ({ page, hub }) => {
  await addThroughApi(hub, { employeeNo: '7121', name: '忘密码', pin: '1111' });
  const kiosk = await hub.token('kiosk');
  for (let i = 0; i < 5; i++) await hub.call('presence.signIn', { employeeNo: '7121', pin: '9999' }, kiosk);
  expect((await hub.call('presence.signIn', { employeeNo: '7121', pin: '1111' }, kiosk)).status).toBe(423);

  await openPerson(page, '7121', '忘密码');
  await expect(page.locator('.people-facts').getByText(/密码锁定至/)).toBeVisible();
  const pinPanel = page.getByRole('region', { name: '重设密码' });
  await expect(pinPanel).toContainText('设置新密码后立即解锁');
  await pinPanel.getByLabel('新密码').fill('8642');
  await pinPanel.getByLabel('再次输入密码').fill('8643');
  await pinPanel.getByRole('button', { name: '设置新密码' }).click();
  await expect(pinPanel.getByText('两次输入的密码不一致，请重新输入。')).toBeVisible();
  expect((await hub.call('presence.signIn', { employeeNo: '7121', pin: '8642' }, kiosk)).status).toBe(423);

  await pinPanel.getByLabel('再次输入密码').fill('8642');
  await pinPanel.getByRole('button', { name: '设置新密码' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已为 忘密码 设置新密码。' })).toBeVisible();
  // The PIN does not stay on screen for the next person at the desk.
  await expect(pinPanel.getByLabel('新密码')).toHaveValue('');
  await expect(page.locator('.people-facts').getByText(/密码锁定至/)).toHaveCount(0);

  const signIn = await hub.call('presence.signIn', { employeeNo: '7121', pin: '8642' }, kiosk);
  expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
  expect(signIn.body.person).toMatchObject({ employeeNo: '7121', name: '忘密码' });
  expect((await hub.call('presence.signOut', { employeeNo: '7121', pin: '1111' }, kiosk)).status).toBe(422);
});

test('deactivating asks first; the person leaves the active list, cannot sign in, and can be reactivated', async ({ page, hub }) => {
  await addThroughApi(hub, { employeeNo: '7131', name: '将离职', pin: '2222' });
  await openPerson(page, '7131', '将离职');

  await page.getByRole('button', { name: '停用…' }).click();
  await expect(page.getByText('确定停用 将离职（7131）吗？')).toBeVisible();
  await page.getByRole('group', { name: '确定停用 将离职（7131）吗？' }).getByRole('button', { name: '取消' }).click();
  expect((await getThroughApi(hub, '7131')).body.active).toBe(true);

  await page.getByRole('button', { name: '停用…' }).click();
  await page.getByRole('button', { name: '确定停用 将离职' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已停用 将离职。' })).toBeVisible();
  await expect(page.locator('.people-facts').getByText('已停用', { exact: true })).toBeVisible();
  expect((await getThroughApi(hub, '7131')).body.active).toBe(false);
  const kiosk = await hub.token('kiosk');
  expect((await hub.call('presence.signIn', { employeeNo: '7131', pin: '2222' }, kiosk)).body.error.code).toBe('person_inactive');

  await page.getByRole('button', { name: '返回人员列表' }).click();
  await page.getByLabel('按姓名、工号或工牌搜索').fill('7131');
  await expect(page.getByText('没有符合条件的人员。')).toBeVisible();
  await page.getByRole('group', { name: '人员' }).getByRole('button', { name: '已停用' }).click();
  await expect(page.locator('.people-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.people-table tbody tr').first()).toContainText('已停用');

  await page.getByRole('button', { name: '打开 将离职（7131）' }).click();
  await page.getByRole('button', { name: '重新启用…' }).click();
  await page.getByRole('button', { name: '确定重新启用 将离职' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已重新启用 将离职。' })).toBeVisible();
  expect((await getThroughApi(hub, '7131')).body.active).toBe(true);
  expect((await hub.call('presence.signIn', { employeeNo: '7131', pin: '2222' }, kiosk)).status).toBe(200);
});

test('records training for several ticked people at once, and for one with its expiry; the status follows', async ({ page, hub }) => {
  for (const [no, name] of [
    ['7141', '培训测试甲'],
    ['7142', '培训测试乙'],
    ['7143', '培训测试丙'],
  ]) {
    await addThroughApi(hub, { employeeNo: no, name });
  }
  await page.getByLabel('按姓名、工号或工牌搜索').fill('培训测试');
  await page.getByRole('group', { name: '培训' }).getByRole('button', { name: '需处理' }).click();
  const rows = page.locator('.people-table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: '无培训记录' })).toHaveCount(3);

  await page.getByLabel('勾选 培训测试甲（7141）').check();
  await page.getByLabel('勾选 培训测试乙（7142）').check();
  await expect(page.getByText('已勾选 2 人')).toBeVisible();
  await page.getByRole('button', { name: '为 2 人登记培训' }).click();
  await expect(page.getByRole('heading', { name: '为 2 人登记培训', level: 1 })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '培训测试甲' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '培训测试乙' })).toBeVisible();

  // A pass date in the future is named before anything is sent.
  await page.getByLabel('通过日期').fill(siteDay(3));
  await page.getByRole('button', { name: '为 2 人登记培训' }).click();
  await expect(page.getByText('通过日期不能晚于今天。')).toBeVisible();
  await page.getByLabel('通过日期').fill(siteDay(-10));
  await page.getByRole('button', { name: '为 2 人登记培训' }).click();

  await expect(page.getByRole('status').filter({ hasText: '已为 2 人登记培训。' })).toBeVisible();
  // Back on the list as it was left: only the one still untrained needs attention.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('培训测试丙');
  await page.getByRole('group', { name: '培训' }).getByRole('button', { name: '不限' }).click();
  await expect(rows.filter({ hasText: '有效' })).toHaveCount(2);
  for (const no of ['7141', '7142']) expect((await getThroughApi(hub, no)).body.training).toMatchObject({ status: 'ok', passedOn: siteDay(-10) });

  await page.getByRole('button', { name: '打开 培训测试丙（7143）' }).click();
  const training = page.getByRole('region', { name: '安全教育培训' });
  await expect(training.getByText('培训测试丙 尚无培训记录。')).toBeVisible();
  await training.getByLabel('通过日期').fill(siteDay(-20));
  await training.getByLabel('有效期至（可选）').fill(siteDay(-30));
  await training.getByRole('button', { name: '登记培训' }).click();
  await expect(training.getByText('有效期不能早于通过日期。')).toBeVisible();
  await training.getByLabel('有效期至（可选）').fill(siteDay(200));
  await training.getByRole('button', { name: '登记培训' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已登记 培训测试丙 的培训。' })).toBeVisible();
  await expect(page.locator('.people-facts').getByText('有效', { exact: true })).toBeVisible();
  await expect(training.locator('.people-history tbody tr')).toHaveCount(1);
  await expect(training.locator('.people-history tbody tr').first()).toContainText('1004 在管理页面登记');
  expect((await getThroughApi(hub, '7143')).body.training).toEqual({ status: 'ok', passedOn: siteDay(-20), expiresOn: siteDay(200) });
});

async function seriousViolations(page: Page) {
  const results = await analyzeAccessibility(page);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every control of the section (buttons, tick boxes, fields) is at least 48 × 48 CSS px. */
async function smallTargets(page: Page) {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('button, .people-check, .roster-pick, input:not([type="checkbox"]):not(.visually-hidden), select')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.width < 48 || box.height < 48);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`),
  );
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`the list, a person and the add form in ${language}: no serious accessibility violation, no target under 48 px`, async ({ page, hub }) => {
    // axe over a whole screen, three times at three sizes, takes a while on a busy 2-core machine.
    test.setTimeout(120_000);
    await addThroughApi(hub, { employeeNo: language === 'en' ? '7162' : '7161', name: '无障碍检查' });
    const sizes = [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
      { width: 1080, height: 1920 },
    ];
    const check = async (where: string) => {
      expect(await seriousViolations(page), where).toEqual([]);
      for (const size of sizes) {
        await page.setViewportSize(size);
        expect(await smallTargets(page), `${where} at ${size.width}×${size.height}`).toEqual([]);
      }
      await page.setViewportSize(sizes[0]!);
    };
    if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
    // A short list (the ones this file adds, and a few of the demo's) keeps axe quick.
    await page.locator('.people-search input').fill('71');
    await expect(page.locator('.people-table tbody tr').first()).toBeVisible();
    await page.locator('.people-table tbody tr').first().locator('input[type="checkbox"]').check();
    await check(`${language} list`);
    await page.locator('.people-selection .button-secondary').click();
    await page.locator('.people-search input').fill('无障碍检查');
    await page.locator('.people-open').first().click();
    await expect(page.locator('.people-facts')).toBeVisible();
    await page.locator('.panel-danger .button-danger').click();
    await check(`${language} person`);
    await page.locator('.toolbar .button-secondary').first().click();
    await page.locator('.toolbar .button-primary').click();
    await page.locator('form .button-primary').click();
    await check(`${language} add form`);
  });
}
