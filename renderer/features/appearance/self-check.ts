/**
 * The self-check's list as the kiosk lays it out: items grouped by group in the department's order
 * (uniform, badge, shoes, grooming, jewellery, other), each group keeping the list's own order.
 */
import type { AppearanceItem } from '../../../shared/contract/appearance.js';
import { appearanceGroups, type AppearanceGroup } from '../../../shared/domain/checklist.js';

export interface ItemGroup {
  group: AppearanceGroup;
  items: AppearanceItem[];
}

export function groupItems(items: readonly AppearanceItem[]): ItemGroup[] {
  return appearanceGroups
    .map((group) => ({ group, items: items.filter((item) => item.group === group) }))
    .filter((g) => g.items.length > 0);
}

/** The flagged ids in the list's order (the order the person saw them), for the hub and the result. */
export function flaggedInOrder(items: readonly AppearanceItem[], flagged: ReadonlySet<string>): string[] {
  return items.filter((item) => flagged.has(item.id)).map((item) => item.id);
}

export function toggled(flagged: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(flagged);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
