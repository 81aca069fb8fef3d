/** Which units need the warden first, and the registry's filters. */
import type { ExtinguisherUnit } from '../../../shared/contract/extinguisher.js';

export const registryFilters = ['all', 'due', 'overdue', 'repair_due', 'scrap_due'] as const;
export type RegistryFilter = (typeof registryFilters)[number];

export function matchesFilter(unit: ExtinguisherUnit, filter: RegistryFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'due':
      return unit.checkStatus !== 'done';
    case 'overdue':
      return unit.checkStatus === 'overdue';
    case 'repair_due':
      return unit.lifeStatus === 'repair_due';
    case 'scrap_due':
      return unit.lifeStatus === 'scrap_due';
  }
}

const checkRank = { overdue: 0, due: 1, done: 2 } as const;
const lifeRank = { scrap_due: 0, repair_due: 1, ok: 2 } as const;

/** Overdue before due before done; within each, units at end of life first; then by tag. */
export function byUrgency(a: ExtinguisherUnit, b: ExtinguisherUnit): number {
  return (
    checkRank[a.checkStatus] - checkRank[b.checkStatus] ||
    lifeRank[a.lifeStatus] - lifeRank[b.lifeStatus] ||
    a.tag.localeCompare(b.tag, 'en', { numeric: true })
  );
}

export function matchesSearch(unit: ExtinguisherUnit, search: string): boolean {
  const q = search.trim().toLowerCase();
  if (!q) return true;
  return [unit.tag, unit.location, unit.zone].some((field) => field.toLowerCase().includes(q));
}
