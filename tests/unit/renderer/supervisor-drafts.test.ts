/**
 * The door settings' editors say "fix this first" exactly when the hub would refuse the save: the
 * self-check list and the visitors' briefing are checked on screen against the same rules as the
 * contract's schemas, so a supervisor never sees a save fail on something the screen let through,
 * nor a correct list held back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppearanceItem } from '../../../shared/contract/appearance.js';
import { BriefingContent } from '../../../shared/contract/briefing.js';
import { defaultBriefing } from '../../../shared/domain/briefing.js';
import { defaultAppearanceChecklist, duplicateItemIds } from '../../../shared/domain/checklist.js';
import { briefingProblems, trimmed } from '../../../renderer/features/settings/briefing-draft.js';
import { blankItem, checklistProblems, move, toItems, withKeys } from '../../../renderer/features/settings/checklist-draft.js';

const ChecklistItems = z.array(AppearanceItem).min(1).max(40);
/**
 * Text as a supervisor might type or paste it: mostly fine (up to the very limit), sometimes blank,
 * one character too long, or holding a control character, so both sides of every rule are tried.
 */
const typed = (max: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('工装干净整洁', 'Badge worn', ' 头发整齐 ', 'line\nbreak', 'x'.repeat(max), `中${'文'.repeat(max - 1)}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', 'a\tb', 'x'.repeat(max + 1), '\u0007', 'cr\ronly') },
    { weight: 1, arbitrary: fc.string({ maxLength: max + 5 }) },
  );
const anId = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/) },
  { weight: 1, arbitrary: fc.constantFrom('Apron', '-x', 'a'.repeat(41), '', ' apron ', 'badge-worn', 'uniform-clean') },
  { weight: 1, arbitrary: fc.string({ maxLength: 42 }) },
);
const anItem = fc.record({
  id: anId,
  group: fc.constantFrom('uniform', 'badge', 'shoes', 'grooming', 'jewellery', 'other'),
  label: fc.record({ 'zh-CN': typed(80), en: typed(80) }),
  required: fc.boolean(),
});

describe('the self-check list editor', () => {
  it('lets a list through exactly when the hub accepts it', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: fc.array(anItem, { maxLength: 6 }) }, { weight: 1, arbitrary: fc.array(anItem, { minLength: 38, maxLength: 42 }) }), (items) => {
        const draft = withKeys(items as never);
        const sent = toItems(draft);
        const hubAccepts = ChecklistItems.safeParse(sent).success && duplicateItemIds(sent).length === 0;
        expect(checklistProblems(draft).any).toBe(!hubAccepts);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts the department’s own list, and names the problem of each bad item', () => {
    expect(checklistProblems(withKeys(defaultAppearanceChecklist as never)).any).toBe(false);
    const draft = withKeys([
      { id: 'badge-worn', group: 'badge', label: { 'zh-CN': '工牌', en: 'Badge' }, required: true },
      { id: 'badge-worn', group: 'badge', label: { 'zh-CN': ' ', en: 'Badge again' }, required: true },
      { id: 'Bad Id', group: 'other', label: { 'zh-CN': '其他', en: '' }, required: false },
    ]);
    const problems = checklistProblems(draft);
    expect(problems.items).toEqual([{ id: 'duplicateId' }, { id: 'duplicateId', zh: 'missingLabel' }, { id: 'invalidId', en: 'missingLabel' }]);
    expect(checklistProblems([]).list).toBe('empty');
  });

  it('adds items with ids nobody has, and moves items within the list only', () => {
    let draft = withKeys(defaultAppearanceChecklist as never);
    for (let i = 0; i < 5; i++) draft = [...draft, blankItem(draft)];
    expect(duplicateItemIds(toItems(draft))).toEqual([]);
    const ids = toItems(draft).map((i) => i.id);
    expect(toItems(move(draft, 3, 2)).map((i) => i.id)).toEqual([...ids.slice(0, 2), ids[3], ids[2], ...ids.slice(4)]);
    expect(toItems(move(draft, 0, -1)).map((i) => i.id)).toEqual(ids);
    expect(toItems(move(draft, ids.length - 1, ids.length)).map((i) => i.id)).toEqual(ids);
  });
});

describe('the visitors’ briefing editor', () => {
  const text = fc.record({
    title: typed(80),
    exits: typed(1000),
    assemblyPoint: typed(300),
    rules: fc.oneof({ weight: 9, arbitrary: fc.array(typed(300), { maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(typed(300), { minLength: 19, maxLength: 21 }) }),
  });
  const content = fc.record({
    'zh-CN': text,
    en: text,
    numbers: fc.array(
      fc.record({
        label: fc.record({ 'zh-CN': typed(60), en: typed(60) }),
        number: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('119', ' 120 ', '+86 (21) 5555-0100', '12', '9'.repeat(30)) },
          { weight: 1, arbitrary: fc.constantFrom('1', 'abc', '9'.repeat(31), '') },
          { weight: 1, arbitrary: fc.string({ maxLength: 32 }) },
        ),
      }),
      { maxLength: 11 },
    ),
  });

  it('lets a briefing through exactly when the hub accepts it', () => {
    fc.assert(
      fc.property(content, (c) => {
        expect(briefingProblems(c).any).toBe(!BriefingContent.safeParse(trimmed(c)).success);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts the default briefing, and says which language needs fixing', () => {
    expect(briefingProblems(defaultBriefing).any).toBe(false);
    const noEnglishTitle = { ...defaultBriefing, en: { ...defaultBriefing.en, title: '  ' } };
    expect(briefingProblems(noEnglishTitle).languages).toEqual(['en']);
    const badNumber = { ...defaultBriefing, numbers: [{ label: { 'zh-CN': '火警', en: 'Fire' }, number: 'call us' }] };
    expect(briefingProblems(badNumber).languages).toEqual(['zh-CN', 'en']);
  });
});
