/**
 * The monthly check on the warden's tablet: find the unit (list, typed tag; no camera is no
 * problem), all OK in one tap, sign and submit, straight on to the next; a failed item opens a
 * hazard, and the next check of that unit shows the open defect first.
 */
import { expect, test } from './fixtures.js';
import { watchCsp } from './support/csp.js';
import { addUnit, nav, sign, startsWithTag, tapDigits } from './support/warden.js';

test('an all-OK check: pick the unit, one tap for all OK, inspector and signature, submit, next unit', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const unit = await addUnit(hub, token, { location: '3F 话务区 西侧' });
  const csp = await watchCsp(page);
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '检查' }).tap();
  await expect(page.getByRole('heading', { name: '灭火器检查' })).toBeVisible();
  await page.getByRole('button', { name: startsWithTag(unit.tag) }).tap();

  await expect(page.getByRole('heading', { name: `检查 ${unit.tag}` })).toBeVisible();
  await expect(page.getByText('首次检查')).toBeVisible();
  // Items 6 and 7 are the engine's: shown with the answer, never asked.
  const item6 = page.getByRole('group', { name: /是否到达送修条件/ });
  await expect(item6).toContainText('否');
  await expect(item6.getByRole('radio')).toHaveCount(0);
  await expect(page.getByText('已回答 0 / 17 项')).toBeVisible();

  await page.getByRole('button', { name: '全部合格' }).tap();
  await expect(page.getByText('已回答 17 / 17 项')).toBeVisible();
  await expect(page.getByRole('group', { name: /周围无障碍物/ }).getByRole('radio', { name: '合格', exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: '指针位置' }).getByRole('radio', { name: '绿区' })).toBeChecked();

  // Submitting unsigned names what is missing, and records nothing.
  await page.getByRole('button', { name: '提交检查' }).tap();
  await expect(page.locator('.notice-error')).toContainText('请输入检查人工号');

  await tapDigits(page, '1003');
  await expect(page.getByLabel('工号')).toHaveValue('1003');
  await sign(page, page.getByRole('img', { name: /检查人签名区/ }));
  await expect(page.getByText('已签名')).toBeVisible();
  await page.getByRole('button', { name: '提交检查' }).tap();

  await expect(page.getByRole('heading', { name: `${unit.tag} 的检查已记录` })).toBeVisible();
  await expect(page.getByText('没有新的隐患。')).toBeVisible();
  const got = await hub.call('extinguisher.get', { tag: unit.tag }, token);
  expect(got.body.unit.checkStatus).toBe('done');
  expect(got.body.lastCheck).toMatchObject({ inspector: { employeeNo: '1003' }, gauge: 'green' });
  expect(Object.values(got.body.lastCheck.results).every((r) => r === 'pass')).toBe(true);

  // Straight on to the next unit: the camera right here (none on this machine, and it says so), or
  // the finder, where the checked unit is no longer among those due.
  await expect(page.locator('.scanner-state.notice')).toHaveText(/找不到摄像头/);
  await page.getByRole('button', { name: '从清单中选择下一具' }).tap();
  await expect(page.getByRole('heading', { name: '灭火器检查' })).toBeVisible();
  await expect(page.getByRole('button', { name: startsWithTag(unit.tag) })).toHaveCount(0);
  await csp.expectNone();
});

test('a failed item opens a hazard; the next check of the unit lists the open defect first', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const unit = await addUnit(hub, token, { location: '2F 走廊 北侧', zone: '2F' });
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '检查' }).tap();
  await page.getByLabel('灭火器编号').fill(unit.tag);
  await page.getByRole('button', { name: '开始检查' }).tap();
  await expect(page.getByRole('heading', { name: `检查 ${unit.tag}` })).toBeVisible();

  await page.getByRole('button', { name: '全部合格' }).tap();
  await page.getByRole('group', { name: /周围无障碍物/ }).getByRole('radio', { name: '不合格' }).check();
  await tapDigits(page, '1003');
  await sign(page, page.getByRole('img', { name: /检查人签名区/ }));
  await page.getByRole('button', { name: '提交检查' }).tap();

  await expect(page.getByRole('heading', { name: `${unit.tag} 的检查已记录` })).toBeVisible();
  await expect(page.getByText('发现 1 项不合格，已开立隐患')).toBeVisible();
  const opened = page.getByRole('button', { name: /周围无障碍物、遮挡或拴系/ });
  await expect(opened).toBeVisible();
  const { hazards } = (await hub.call('hazard.list', { status: 'open' }, token)).body as { hazards: { id: number; extinguisherTag: string; itemNo: number }[] };
  const hazard = hazards.find((h) => h.extinguisherTag === unit.tag);
  expect(hazard).toMatchObject({ itemNo: 9 });

  await opened.tap();
  await expect(page.getByRole('heading', { name: `隐患 #${hazard!.id}` })).toBeVisible();
  await expect(page.getByText('2F 走廊 北侧')).toBeVisible();

  // The next check of this unit: the open defect first, item 9 prefilled as it was, the rest too.
  await nav(page).getByRole('button', { name: '检查' }).tap();
  await page.getByRole('button', { name: /也显示已检的/ }).tap();
  await page.getByRole('button', { name: startsWithTag(unit.tag) }).tap();
  const defects = page.getByRole('region', { name: '未关闭的缺陷（1）' });
  await expect(defects).toBeVisible();
  await expect(defects.getByRole('group', { name: /周围无障碍物/ }).getByRole('radio', { name: '不合格' })).toBeChecked();
  await expect(page.getByText('已回答 17 / 17 项')).toBeVisible();
  const firstGroup = page.locator('.check-group').first();
  await expect(firstGroup).toHaveClass(/defects/);
  // The inspector from this round is remembered, and so is the signature, offered again.
  await expect(page.getByLabel('工号')).toHaveValue('1003');
  await page.getByRole('button', { name: '使用本轮的签名' }).tap();
  await expect(page.getByText('已签名')).toBeVisible();
});

test('without a camera the finder says so, and typing a wrong tag gives the hub’s message', async ({ page, pairAs }) => {
  await pairAs('warden');
  await nav(page).getByRole('button', { name: '检查' }).tap();
  await page.getByRole('button', { name: '打开摄像头扫码' }).tap();
  await expect(page.locator('.scanner-state.notice')).toHaveText(/找不到摄像头|没有摄像头权限|摄像头无法启动/);
  await expect(page.getByRole('button', { name: '再试一次' })).toBeVisible();

  await page.getByLabel('灭火器编号').fill('NO-SUCH-UNIT');
  await page.getByRole('button', { name: '开始检查' }).tap();
  await expect(page.locator('.notice-error').filter({ hasText: 'NO-SUCH-UNIT' })).toHaveText('未找到标签为 NO-SUCH-UNIT 的灭火器。');
});
