/**
 * What the warden specs share: units made through the API (each test its own, so tests do not
 * depend on each other), and a finger on the number pad and on the signature pad.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { inspectorItems } from '../../../shared/domain/extinguisher-checklist.js';
import type { E2eHub } from './hub.js';

let serial = 0;

/** A tag no other test uses: letters, digits and dashes, as the contract allows. */
export function freshTag(prefix = 'FE'): string {
  serial += 1;
  return `${prefix}-${Date.now().toString(36).toUpperCase()}-${serial}`;
}

/** Today in the site's zone (Asia/Shanghai), as YYYY-MM-DD. */
export function siteDay(offsetDays = 0): string {
  const at = Date.now() + offsetDays * 24 * 60 * 60 * 1000;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The same day some years ago (29 February becomes 28 February). */
export function yearsAgo(years: number): string {
  const [y, m, d] = siteDay().split('-').map(Number) as [number, number, number];
  return `${y - years}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

export interface UnitSpec {
  tag?: string;
  location?: string;
  zone?: string;
  type?: 'water' | 'foam' | 'powder' | 'clean_agent' | 'co2';
  sizeKg?: number;
  manufacturedOn?: string;
  lastRepairOn?: string | null;
  halfMonthly?: boolean;
  hasGauge?: boolean;
}

export async function addUnit(hub: E2eHub, token: string, spec: UnitSpec = {}) {
  const unit = {
    tag: spec.tag ?? freshTag(),
    location: spec.location ?? '3F 话务区 东侧',
    zone: spec.zone ?? '3F',
    type: spec.type ?? 'powder',
    sizeKg: spec.sizeKg ?? 4,
    manufacturedOn: spec.manufacturedOn ?? yearsAgo(2),
    lastRepairOn: spec.lastRepairOn ?? null,
    halfMonthly: spec.halfMonthly ?? false,
    hasGauge: spec.hasGauge ?? true,
  };
  const res = await hub.call('extinguisher.save', unit, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { tag: string; location: string };
}

export const allPass = () => Object.fromEntries(inspectorItems.map((no) => [String(no), 'pass']));

/** A check recorded through the API (for tests about what comes after a check). */
export async function checkUnit(hub: E2eHub, token: string, tag: string, failed: number[] = []) {
  const results = { ...allPass(), ...Object.fromEntries(failed.map((no) => [String(no), 'fail'])) };
  const res = await hub.call('extinguisher.check', { tag, results, gauge: 'green', inspectorEmployeeNo: '1003', signature: 'M10 10 L60 40 L90 20' }, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { checkId: number; hazardsOpened: number[] };
}

/** Taps digits on the on-screen number pad (named 数字键盘 / Number pad). */
export async function tapDigits(page: Page, digits: string, padName: string | RegExp = /数字键盘|Number pad/) {
  const pad = page.getByRole('group', { name: padName });
  for (const digit of digits) await pad.getByRole('button', { name: digit, exact: true }).tap();
}

/** Signs on a signature pad with a few strokes, as a finger would. */
export async function sign(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const strokes = [
    [at(0.1, 0.6), at(0.2, 0.3), at(0.3, 0.7), at(0.4, 0.35)],
    [at(0.5, 0.5), at(0.65, 0.3), at(0.8, 0.65), at(0.9, 0.4)],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(first![0], first![1]);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.up();
  }
}

/** The warden's navigation tabs. */
export const nav = (page: Page) => page.getByRole('navigation', { name: /消防安全员功能|Fire warden/ });

/** An accessible name that starts with this tag (and not with a longer tag that begins with it). */
export const startsWithTag = (tag: string) => new RegExp(`^${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`);
