/**
 * The extinguisher registry on the warden's tablet: add a unit with the form (the hub's refusals
 * in words), see its derived dates with their rule source, edit it, print its QR label (the label
 * reads back as the tag), and take it out of service.
 */
import jsQR from 'jsqr';
import { expect, test } from './fixtures.js';
import { watchCsp } from './support/csp.js';
import { addUnit, freshTag, nav, yearsAgo } from './support/warden.js';

test('add, edit and retire a unit; the hub’s refusals are shown in words', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const taken = await addUnit(hub, token);
  const tag = freshTag('REG');
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '灭火器' }).tap();
  await expect(page.getByRole('heading', { name: '灭火器台账' })).toBeVisible();
  await page.getByRole('button', { name: '添加灭火器' }).tap();
  await expect(page.getByRole('heading', { name: '添加灭火器' })).toBeVisible();

  // Nothing filled in: each missing field is named, nothing is sent.
  await page.getByRole('button', { name: '保存' }).tap();
  await expect(page.locator('.form-alert .notice-error')).toHaveText('有 5 处需要修改，见上方标红的栏目。');
  await expect(page.getByText('请填写设置点位置。')).toBeVisible();

  // A tag already in the registry is refused before it could overwrite that unit.
  await page.getByLabel('编号（二维码标签上的编号）').fill(taken.tag);
  await page.getByRole('button', { name: '保存' }).tap();
  await expect(page.getByText(`编号 ${taken.tag} 已在台账中。`)).toBeVisible();

  await page.getByLabel('编号（二维码标签上的编号）').fill(tag);
  await page.getByLabel('设置点位置').fill('6F 培训室 门口');
  await page.getByLabel('楼层 / 区域').fill('6F');
  await page.getByLabel('类型').selectOption('co2');
  await page.getByLabel('规格（kg）').fill('3');
  await page.getByLabel('出厂日期').fill(yearsAgo(3));
  await page.getByLabel('上次维修日期').fill(yearsAgo(4));
  await page.getByRole('checkbox', { name: /^有压力表/ }).uncheck();
  await page.getByRole('button', { name: '保存' }).tap();
  // The dates do not fit: the hub says so, in words.
  await expect(page.locator('.form-alert .notice-error')).toHaveText('上次维修日期不能早于出厂日期。');
  await page.getByRole('button', { name: '从未维修' }).tap();
  await page.getByRole('button', { name: '保存' }).tap();

  await expect(page.getByRole('status').filter({ hasText: `已保存 ${tag}。` })).toBeVisible();
  const card = page.locator('.unit-card', { has: page.getByRole('heading', { name: tag }) });
  await expect(card).toContainText('6F 培训室 门口');
  await expect(card).toContainText('二氧化碳 3 kg');
  await expect(card).toContainText('无压力表');
  await expect(card.locator('.chip-check-due')).toHaveText('本期待检');
  await expect(card.locator('.chip-life-ok')).toHaveText('在有效期内');
  await expect(card).toContainText('送修、报废日期依据：GB 50444');
  const saved = (await hub.call('extinguisher.get', { tag }, token)).body.unit;
  expect(saved).toMatchObject({ type: 'co2', sizeKg: 3, zone: '6F', hasGauge: false, lastRepairOn: null });

  // Edit: the tag stays, the place changes.
  await card.getByRole('button', { name: `编辑 ${tag}` }).tap();
  await expect(page.getByRole('heading', { name: `编辑灭火器 ${tag}` })).toBeVisible();
  await expect(page.getByLabel('编号（二维码标签上的编号）')).toHaveAttribute('readonly', '');
  await page.getByLabel('设置点位置').fill('6F 培训室 讲台旁');
  await page.getByRole('checkbox', { name: /^每半月检查一次/ }).check();
  await page.getByRole('button', { name: '保存' }).tap();
  await expect(card).toContainText('6F 培训室 讲台旁');
  await expect(card).toContainText('半月检');

  // Retire: a reason is needed; then the unit leaves the list (its records stay).
  await card.getByRole('button', { name: `编辑 ${tag}` }).tap();
  await page.getByRole('button', { name: `停用 ${tag}` }).tap();
  await expect(page.getByText('请填写停用原因。')).toBeVisible();
  await page.getByLabel('停用原因').fill('已送修更换');
  await page.getByRole('button', { name: `停用 ${tag}` }).tap();
  await expect(page.getByRole('status').filter({ hasText: `${tag} 已停用` })).toBeVisible();
  await expect(page.getByRole('heading', { name: tag })).toHaveCount(0);
  expect((await hub.call('extinguisher.get', { tag }, token)).status).toBe(422);
});

test('QR labels: one per unit, tag and place under it, printable, and the code reads back as the tag', async ({ page, hub, pairAs }) => {
  const token = await hub.token('warden');
  const unit = await addUnit(hub, token, { location: '7F 电梯厅' });
  const csp = await watchCsp(page);
  await pairAs('warden');

  await nav(page).getByRole('button', { name: '灭火器' }).tap();
  await page.getByLabel('搜索编号或位置').fill(unit.tag);
  await page.getByRole('button', { name: '打印二维码标签（1）' }).tap();
  await expect(page.getByRole('heading', { name: '二维码标签' })).toBeVisible();
  const label = page.locator('.qr-label');
  await expect(label).toHaveCount(1);
  await expect(label).toContainText(unit.tag);
  await expect(label).toContainText('7F 电梯厅');

  // The label's code, drawn as a camera would see it, reads back as the tag.
  const code = label.getByRole('img', { name: `${unit.tag} 的二维码` });
  const pixels = await code.evaluate(async (svg) => {
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 300;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, 300, 300);
    URL.revokeObjectURL(url);
    return Array.from(ctx.getImageData(0, 0, 300, 300).data);
  });
  expect(jsQR(Uint8ClampedArray.from(pixels), 300, 300)?.data).toBe(unit.tag);

  // Print: the browser's own print, and on paper only the labels.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await page.getByRole('button', { name: '打印' }).tap();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(label).toBeVisible();
  await csp.expectNone();
});
