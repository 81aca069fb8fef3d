/**
 * Hazards on the warden's tablet: reported, planned (五定), fixed by one person with their PIN,
 * refused when the same person tries to verify, verified by a second person; an overdue hazard
 * stands out at the top of the list.
 */
import { expect, test } from './fixtures.js';
import { addUnit, nav, siteDay, tapDigits } from './support/warden.js';

test('a hazard is reported, planned, fixed by one person and verified by another (never by the same)', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const unit = await addUnit(hub, token, { location: '4F 茶水间' });
  const [fixer, verifier] = await Promise.all([hub.person('1003'), hub.person('1002')]);
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '隐患' }).tap();
  await expect(page.getByRole('heading', { name: '隐患整改' })).toBeVisible();
  await page.getByRole('button', { name: '上报隐患' }).tap();
  await page.getByRole('button', { name: '上报', exact: true }).tap();
  await expect(page.locator('.notice-error')).toHaveText('请填写隐患描述和位置。');
  await page.getByLabel('隐患描述').fill('灭火器箱门被杂物挡住');
  await page.getByLabel('相关灭火器（可不选）').selectOption(unit.tag);
  await expect(page.getByLabel('位置')).toHaveValue('4F 茶水间');
  await page.getByRole('button', { name: '上报', exact: true }).tap();

  const title = page.getByRole('heading', { name: /^隐患 #\d+$/ });
  await expect(title).toBeVisible();
  const id = Number((await title.textContent())!.replace(/\D/g, ''));
  await expect(page.locator('.chip-hazard-open')).toHaveText('待整改');

  // The plan (五定): everything but funding is required.
  const plan = page.getByRole('region', { name: '整改计划（五定）' });
  await plan.getByRole('button', { name: '保存整改计划' }).tap();
  await expect(plan.locator('.notice-error')).toContainText('责任人');
  await plan.getByLabel('责任人').fill('张伟');
  await plan.getByLabel('整改措施').fill('清理杂物，划定禁放区');
  await plan.getByLabel('资金').fill('无');
  await plan.getByLabel('整改期限').fill(siteDay(3));
  await plan.getByLabel('临时安全措施（应急预案）').fill('专人值守，旁边放置备用灭火器');
  await plan.getByRole('button', { name: '保存整改计划' }).tap();
  await expect(page.locator('.chip-hazard-in_progress')).toHaveText('整改中');
  await expect(plan).toContainText('专人值守，旁边放置备用灭火器');

  // Fixed by the warden, with their PIN on the number pad.
  const fix = page.getByRole('region', { name: '整改完成' });
  await fix.getByRole('button', { name: '标记为已整改' }).tap();
  await tapDigits(page, '1003');
  await fix.getByLabel('密码').tap();
  await tapDigits(page, '1234');
  await fix.getByLabel('说明（可不填）').fill('已清理');
  await fix.getByRole('button', { name: '确认' }).tap();
  await expect(page.locator('.chip-hazard-fixed')).toHaveText('已整改，待验收');

  // The same person cannot accept their own fix.
  const verify = page.getByRole('region', { name: '验收' });
  await expect(verify).toContainText(fixer.name);
  await verify.getByRole('button', { name: '验收' }).tap();
  await tapDigits(page, '1003');
  await verify.getByLabel('密码').tap();
  await tapDigits(page, '1234');
  await verify.getByRole('button', { name: '确认' }).tap();
  await expect(verify.locator('.notice-error')).toHaveText('验收人必须与整改人不同。');
  await expect(page.locator('.chip-hazard-fixed')).toHaveText('已整改，待验收');

  // A second person does.
  await expect(verify.getByLabel('密码')).toHaveValue('');
  await verify.getByLabel('工号').tap();
  await page.getByRole('group', { name: '数字键盘' }).getByRole('button', { name: '清除' }).tap();
  await tapDigits(page, '1002');
  await verify.getByLabel('密码').tap();
  await tapDigits(page, '1234');
  await verify.getByRole('button', { name: '确认' }).tap();
  await expect(page.locator('.chip-hazard-verified')).toHaveText('已验收');
  await expect(page.getByText(`已整改（${fixer.name}），已验收（${verifier.name}）。`)).toBeVisible();

  const all = (await hub.call('hazard.list', { status: 'all' }, token)).body.hazards as { id: number; status: string; verifiedBy: string }[];
  expect(all.find((h) => h.id === id)).toMatchObject({ status: 'verified', verifiedBy: verifier.name });
});

test('an overdue hazard stands out at the top of the list, red and marked 逾期', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const calm = (await hub.call('hazard.report', { description: '应急灯不亮', location: '2F 楼梯间' }, token)).body;
  const late = (await hub.call('hazard.report', { description: '疏散指示标志被遮挡', location: '3F 东侧安全出口' }, token)).body;
  const planned = await hub.call(
    'hazard.plan',
    { hazardId: late.id, responsible: '李娜', measures: '移开遮挡物', funding: '', deadline: siteDay(-2), interimSafeguard: '加贴临时指示' },
    token,
  );
  expect(planned.body.overdue).toBe(true);
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '隐患' }).tap();
  const cards = page.locator('.hazard-card');
  await expect(cards.first()).toContainText('疏散指示标志被遮挡');
  await expect(cards.first()).toHaveClass(/is-overdue/);
  await expect(cards.first().locator('.overdue-badge')).toHaveText('⚠逾期');
  await expect(page.locator('.hazard-card', { hasText: calm.description }).locator('.overdue-badge')).toHaveCount(0);
  // A red band: the overdue card's left border is red and wide.
  const band = await cards.first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { color: style.borderLeftColor, width: parseFloat(style.borderLeftWidth) };
  });
  expect(band.color).toBe('rgb(239, 68, 68)');
  expect(band.width).toBeGreaterThanOrEqual(18);

  await cards.first().tap();
  await expect(page.getByText(/已逾期：整改期限 .+ 已过。/)).toBeVisible();
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.getByText(/Overdue: the deadline .+ has passed\./)).toBeVisible();
  await page.getByRole('button', { name: 'Back to hazards' }).tap();
  await expect(page.locator('.hazard-card').first().locator('.overdue-badge')).toHaveText('⚠Overdue');
});
