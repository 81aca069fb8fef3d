import { describe, expect, it } from 'vitest';
import { AppearanceItem } from '../../../shared/contract/appearance.js';
import { defaultAppearanceChecklist, duplicateItemIds, judgeCheck, sameChecklist } from '../../../shared/domain/checklist.js';

describe('the appearance self-check list', () => {
  it('starts with the department’s rules: six required items and two optional ones, each valid and in both languages', () => {
    const ids = defaultAppearanceChecklist.map((i) => i.id);
    expect(ids).toEqual(['uniform-clean', 'badge-worn', 'work-shoes', 'hair-tidy', 'nails-short', 'no-dangling-jewellery', 'light-make-up', 'scarf-head-flower']);
    expect(defaultAppearanceChecklist.filter((i) => !i.required).map((i) => i.id)).toEqual(['light-make-up', 'scarf-head-flower']);
    for (const item of defaultAppearanceChecklist) expect(AppearanceItem.safeParse(item).success, item.id).toBe(true);
    expect(new Set(defaultAppearanceChecklist.map((i) => i.group))).toEqual(new Set(['uniform', 'badge', 'shoes', 'grooming', 'jewellery']));
    expect(duplicateItemIds(defaultAppearanceChecklist)).toEqual([]);
  });

  it('fails a check with a required item flagged; an optional one is only noted; unknown ids are named', () => {
    expect(judgeCheck(defaultAppearanceChecklist, [])).toEqual({ unknown: [], requiredFlagged: 0, passed: true });
    expect(judgeCheck(defaultAppearanceChecklist, ['light-make-up'])).toEqual({ unknown: [], requiredFlagged: 0, passed: true });
    expect(judgeCheck(defaultAppearanceChecklist, ['work-shoes', 'badge-worn', 'light-make-up'])).toEqual({ unknown: [], requiredFlagged: 2, passed: false });
    expect(judgeCheck(defaultAppearanceChecklist, ['hat'])).toMatchObject({ unknown: ['hat'] });
  });

  it('tells an edit from no change, and finds ids used twice', () => {
    const edited = defaultAppearanceChecklist.map((i) => (i.id === 'nails-short' ? { ...i, required: false } : i));
    expect(sameChecklist(defaultAppearanceChecklist, [...defaultAppearanceChecklist])).toBe(true);
    expect(sameChecklist(defaultAppearanceChecklist, edited)).toBe(false);
    expect(sameChecklist(defaultAppearanceChecklist, [...defaultAppearanceChecklist].reverse())).toBe(false);
    expect(duplicateItemIds([...defaultAppearanceChecklist, defaultAppearanceChecklist[2]!])).toEqual(['work-shoes']);
  });
});
