/**
 * A screen that loses the hub keeps the evacuation display it had (list, plan, instructions), says
 * how old it is in plain words, and catches up by itself when the hub is back. The hub here is one
 * of the test's own, so that its door can be shut without disturbing the other specs.
 */
import { expect, test } from './fixtures.js';
import { EmergencyKit, evacuation, openScreen, startDetachableHub, type RosterPerson } from './support/emergency.js';

const people: RosterPerson[] = [
  { employeeNo: '5531', name: '西门书言', team: '话务一组' },
  { employeeNo: '5532', name: '公孙若水', team: '话务二组' },
  { employeeNo: '5533', name: '长孙思齐', team: '投诉处理组' },
];

const ageIn = (text: string) => Number(/上次更新：(\d+)秒钟前/.exec(text)?.[1] ?? NaN);

test('the display keeps its cached emergency with its age while the hub is away, and catches up when it is back', async ({ browser }) => {
  test.setTimeout(90_000);
  const away = await startDetachableHub();
  try {
    const kit = new EmergencyKit(away);
    await kit.signIn(people);
    const { page, context } = await openScreen(browser, away, 'display');
    const { id } = await kit.start('fire', false);
    await expect(evacuation(page)).toBeVisible();
    const status = page.getByTestId('link-status');
    await expect(status).toHaveText(/实时/);
    const list = page.getByTestId('missing-list');
    for (const person of people) await expect(list.getByText(person.name)).toBeVisible();
    // The plan is kept in the page itself, not fetched from the hub again.
    await expect(page.locator('.evac-plan image')).toHaveAttribute('href', /^data:image\/svg\+xml/);

    await away.goAway();

    await expect(status).toContainText('与中心主机的连接已中断，正在自动重连。');
    await expect(status).toContainText('Lost the link to the hub; reconnecting by itself.');
    await expect(status).toContainText(/上次更新：\d+秒钟前/);
    await expect(status).toContainText(/Last updated \d+ seconds? ago/);
    const firstAge = ageIn((await status.textContent()) ?? '');
    await expect.poll(async () => ageIn((await status.textContent()) ?? ''), { timeout: 5_000 }).toBeGreaterThanOrEqual(firstAge + 2);
    // Still everything a person needs to get out.
    await expect(evacuation(page)).toBeVisible();
    for (const person of people) await expect(list.getByText(person.name)).toBeVisible();
    await expect(page.getByText('不要乘坐电梯。')).toBeVisible();
    await expect(page.getByTestId('assembly-point')).toContainText('大楼正门外广场（旗杆处）');
    await expect(page.locator('.evac-plan image')).toHaveAttribute('href', /^data:image\/svg\+xml/);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('safefloor.emergency.state') ?? 'null')?.emergency?.missing?.length)).toBeGreaterThanOrEqual(3);

    // Meanwhile a warden at the assembly point (still reaching the hub) marks someone safe.
    expect((await kit.call('warden', 'emergency.markSafe', { emergencyId: id, employeeNo: people[0]!.employeeNo })).body.marked).toBe(true);
    await expect(list.getByText(people[0]!.name)).toBeVisible();

    await away.comeBack();

    await expect(status).toHaveText(/实时/, { timeout: 30_000 });
    await expect(list.getByText(people[0]!.name)).toHaveCount(0);
    await expect(page.getByTestId('count-accounted')).toHaveText('1');
    await expect(list.getByText(people[1]!.name)).toBeVisible();

    // And it still follows the hub: the end takes the display home.
    await kit.endAny();
    await expect(evacuation(page)).toHaveCount(0);
    await context.close();
  } finally {
    await away.stop();
  }
});

test('a screen that restarts while the hub cannot be reached shows the emergency it cached, then the hub’s when it answers', async ({ page, hub, pairAs }) => {
  test.setTimeout(60_000);
  const kit = new EmergencyKit(hub);
  const person = { employeeNo: '5535', name: '宇文知秋', team: '话务三组' };
  try {
    await kit.signIn([person]);
    await pairAs('display');
    await kit.start('gas', true);
    await expect(page.getByTestId('missing-list').getByText(person.name)).toBeVisible();

    // The page itself still loads (as the shell's app:// does), but the hub does not answer.
    await page.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
    await page.reload();

    await expect(evacuation(page)).toBeVisible();
    await expect(page.getByTestId('drill-label')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('燃气泄漏：立即疏散');
    await expect(page.getByTestId('missing-list').getByText(person.name)).toBeVisible();
    await expect(page.getByTestId('link-status')).toContainText(/上次更新：\d+秒钟前/);

    await page.unroute('**/api/v1/**');
    await expect(page.getByTestId('link-status')).toHaveText(/实时/, { timeout: 30_000 });
    await kit.endAny();
    await expect(evacuation(page)).toHaveCount(0);
  } finally {
    await kit.endAny();
    await kit.signOut([person]);
  }
});
