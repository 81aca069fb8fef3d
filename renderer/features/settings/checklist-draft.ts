/**
 * The self-check list as it is being edited, checked the way the hub will check it (contract
 * AppearanceItem, checklist.update), so a supervisor learns what to fix before saving, in words.
 */
import type { AppearanceItem } from '../../../shared/contract/appearance.js';

export interface DraftItem extends AppearanceItem {
  /** Stays with the row while its id is edited (React's key). */
  key: string;
}

export const checklistMaxItems = 40;
export const labelMax = 80;
const idPattern = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const controlChars = /\p{Cc}/u;

export type ItemProblem = 'invalidId' | 'duplicateId' | 'missingLabel';
export interface ItemProblems {
  id?: ItemProblem;
  zh?: ItemProblem;
  en?: ItemProblem;
}

export interface ChecklistProblems {
  list: 'empty' | 'tooMany' | null;
  items: ItemProblems[];
  any: boolean;
}

const labelOk = (label: string) => {
  const trimmed = label.trim();
  return trimmed.length >= 1 && trimmed.length <= labelMax && !controlChars.test(trimmed);
};

export function checklistProblems(items: readonly DraftItem[]): ChecklistProblems {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.id.trim(), (counts.get(item.id.trim()) ?? 0) + 1);
  const perItem = items.map((item): ItemProblems => {
    const id = item.id.trim();
    const problems: ItemProblems = {};
    if (!idPattern.test(id)) problems.id = 'invalidId';
    else if ((counts.get(id) ?? 0) > 1) problems.id = 'duplicateId';
    if (!labelOk(item.label['zh-CN'])) problems.zh = 'missingLabel';
    if (!labelOk(item.label.en)) problems.en = 'missingLabel';
    return problems;
  });
  const list = items.length === 0 ? 'empty' : items.length > checklistMaxItems ? 'tooMany' : null;
  return { list, items: perItem, any: list !== null || perItem.some((p) => Object.keys(p).length > 0) };
}

/** What is sent: the items in order, trimmed, without the editing keys. */
export function toItems(items: readonly DraftItem[]): AppearanceItem[] {
  return items.map(({ id, group, label, required }) => ({ id: id.trim(), group, label: { 'zh-CN': label['zh-CN'].trim(), en: label.en.trim() }, required }));
}

let nextKey = 0;
export const withKeys = (items: readonly AppearanceItem[]): DraftItem[] => items.map((item) => ({ ...item, label: { ...item.label }, key: `k${nextKey++}` }));

/** A new, empty item with an id no other item has. */
export function blankItem(items: readonly DraftItem[]): DraftItem {
  const taken = new Set(items.map((i) => i.id));
  let n = items.length + 1;
  while (taken.has(`item-${n}`)) n++;
  return { key: `k${nextKey++}`, id: `item-${n}`, group: 'other', label: { 'zh-CN': '', en: '' }, required: true };
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [moved] = out.splice(from, 1);
  out.splice(to, 0, moved!);
  return out;
}
