/**
 * The appearance / uniform self-check (仪容仪表自检): its groups, the department's default list, and
 * the rules for a submitted check. Pure: runs anywhere.
 *
 * Item ids are stable across versions (a new version keeps the ids of items it keeps), so flags can
 * be counted across versions; each check still records the exact version it was made against.
 */
import { canonicalJson } from './canonical.js';

export const appearanceGroups = ['uniform', 'badge', 'shoes', 'grooming', 'jewellery', 'other'] as const;
export type AppearanceGroup = (typeof appearanceGroups)[number];

export interface AppearanceItemDef {
  id: string;
  group: AppearanceGroup;
  label: { 'zh-CN': string; en: string };
  /** A flagged required item fails the check and goes to the supervisor; an optional one is noted. */
  required: boolean;
}

/** The department's rules (客服部仪容仪表规范) as the first version of the list. */
export const defaultAppearanceChecklist: readonly AppearanceItemDef[] = [
  { id: 'uniform-clean', group: 'uniform', label: { 'zh-CN': '工装干净整洁', en: 'Uniform clean and neat' }, required: true },
  { id: 'badge-worn', group: 'badge', label: { 'zh-CN': '按规定佩戴工牌', en: 'Badge worn' }, required: true },
  { id: 'work-shoes', group: 'shoes', label: { 'zh-CN': '穿工作鞋（不穿拖鞋）', en: 'Work shoes (no slippers)' }, required: true },
  { id: 'hair-tidy', group: 'grooming', label: { 'zh-CN': '头发整齐', en: 'Hair tidy' }, required: true },
  { id: 'nails-short', group: 'grooming', label: { 'zh-CN': '指甲修剪短而整洁', en: 'Nails short' }, required: true },
  { id: 'no-dangling-jewellery', group: 'jewellery', label: { 'zh-CN': '不佩戴垂吊饰品', en: 'No dangling jewellery' }, required: true },
  { id: 'light-make-up', group: 'grooming', label: { 'zh-CN': '淡妆上岗', en: 'Light make-up' }, required: false },
  { id: 'scarf-head-flower', group: 'uniform', label: { 'zh-CN': '按着装规范佩戴丝巾／头花', en: 'Scarf / head-flower per dress code' }, required: false },
];

/** Two lists are the same when every item, its order included, is the same (no new version then). */
export const sameChecklist = (a: readonly AppearanceItemDef[], b: readonly AppearanceItemDef[]) => canonicalJson(a) === canonicalJson(b);

/** Item ids that appear more than once (a list with any is refused). */
export function duplicateItemIds(items: readonly AppearanceItemDef[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const item of items) (seen.has(item.id) ? twice : seen).add(item.id);
  return [...twice];
}

export interface CheckOutcome {
  /** Flagged ids that are not on the list the check was made against. */
  unknown: string[];
  /** How many required items were flagged: any fails the check and puts it in the review queue. */
  requiredFlagged: number;
  passed: boolean;
}

export function judgeCheck(items: readonly AppearanceItemDef[], flagged: readonly string[]): CheckOutcome {
  const byId = new Map(items.map((item) => [item.id, item]));
  const unknown = flagged.filter((id) => !byId.has(id));
  const requiredFlagged = flagged.filter((id) => byId.get(id)?.required).length;
  return { unknown, requiredFlagged, passed: requiredFlagged === 0 };
}

/** What a supervisor can record after reviewing a failed check. */
export const appearanceActions = ['corrected_on_site', 'changed_before_shift', 'spare_provided', 'reminded', 'sent_home', 'exempted', 'other'] as const;
export type AppearanceAction = (typeof appearanceActions)[number];
