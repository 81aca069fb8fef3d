import { describe, expect, it } from 'vitest';
import {
  addYears,
  checkStatus,
  defaultRuleSet,
  extinguisherTypes,
  lifeStatus,
  nextRepairOn,
  periodOf,
  previousPeriod,
  scrapOn,
  type RuleSet,
} from '../../../shared/domain/extinguisher-rules.js';

describe('dates', () => {
  it('adds years; 29 February lands on 28 February in a common year and stays in a leap year', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2019-12-31', 5)).toBe('2024-12-31');
  });
});

describe('repair and scrap by type (GB 50444 / GA 95 defaults)', () => {
  const table = {
    water: ['2023-06-10', '2026-06-10'],
    foam: ['2023-06-10', '2026-06-10'],
    powder: ['2025-06-10', '2030-06-10'],
    clean_agent: ['2025-06-10', '2030-06-10'],
    co2: ['2025-06-10', '2032-06-10'],
  } as const;
  it.each(extinguisherTypes)('%s never repaired: first repair and scrap from manufacture', (type) => {
    const unit = { type, manufacturedOn: '2020-06-10', lastRepairOn: null };
    expect([nextRepairOn(unit), scrapOn(unit)]).toEqual(table[type]);
  });

  it('after a repair, the next is the repeat interval after it', () => {
    expect(nextRepairOn({ type: 'powder', manufacturedOn: '2018-03-01', lastRepairOn: '2023-04-20' })).toBe('2025-04-20');
    expect(nextRepairOn({ type: 'water', manufacturedOn: '2020-03-01', lastRepairOn: '2023-04-20' })).toBe('2024-04-20');
  });

  it('status boundaries: due on the day itself, not the day before; scrap wins over repair', () => {
    const unit = { type: 'powder' as const, manufacturedOn: '2020-06-10', lastRepairOn: null };
    expect(lifeStatus(unit, '2025-06-09')).toBe('ok');
    expect(lifeStatus(unit, '2025-06-10')).toBe('repair_due');
    expect(lifeStatus(unit, '2030-06-09')).toBe('repair_due');
    expect(lifeStatus(unit, '2030-06-10')).toBe('scrap_due');
  });

  it('a leap-day unit is due on 28 February of a common year', () => {
    const unit = { type: 'water' as const, manufacturedOn: '2020-02-29', lastRepairOn: null };
    expect(nextRepairOn(unit)).toBe('2023-02-28');
    expect(lifeStatus(unit, '2023-02-27')).toBe('ok');
    expect(lifeStatus(unit, '2023-02-28')).toBe('repair_due');
  });

  it('follows a site-configured table', () => {
    const strict: RuleSet = { source: 'site rules 2026', types: { ...defaultRuleSet.types, co2: { firstRepairYears: 3, repeatYears: 1, scrapYears: 8 } } };
    const unit = { type: 'co2' as const, manufacturedOn: '2020-01-15', lastRepairOn: null };
    expect(nextRepairOn(unit, strict)).toBe('2023-01-15');
    expect(scrapOn(unit, strict)).toBe('2028-01-15');
  });
});

describe('check periods', () => {
  it('monthly and half-monthly periods, including February of a leap year', () => {
    expect(periodOf('2028-02-20', false)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('2028-02-15', true)).toEqual({ start: '2028-02-01', end: '2028-02-15' });
    expect(periodOf('2028-02-16', true)).toEqual({ start: '2028-02-16', end: '2028-02-29' });
    expect(previousPeriod('2026-01-05', false)).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(previousPeriod('2026-03-10', true)).toEqual({ start: '2026-02-16', end: '2026-02-28' });
    expect(previousPeriod('2026-03-20', true)).toEqual({ start: '2026-03-01', end: '2026-03-15' });
  });

  it('done in the period, due when last period was done, overdue when it was missed', () => {
    const unit = { halfMonthly: false, inServiceSince: '2025-01-01' };
    expect(checkStatus(unit, ['2026-11-03'], '2026-11-26')).toBe('done');
    expect(checkStatus(unit, ['2026-10-30'], '2026-11-26')).toBe('due');
    expect(checkStatus(unit, ['2026-09-30'], '2026-11-01')).toBe('overdue');
    expect(checkStatus(unit, [], '2026-11-26')).toBe('overdue');
  });

  it('a unit new this period is due, not overdue', () => {
    expect(checkStatus({ halfMonthly: false, inServiceSince: '2026-11-10' }, [], '2026-11-26')).toBe('due');
  });

  it('half-monthly units need a check in each half', () => {
    const unit = { halfMonthly: true, inServiceSince: '2025-01-01' };
    expect(checkStatus(unit, ['2026-11-10'], '2026-11-20')).toBe('due');
    expect(checkStatus(unit, ['2026-10-20'], '2026-11-20')).toBe('overdue');
    expect(checkStatus(unit, ['2026-11-10', '2026-11-16'], '2026-11-20')).toBe('done');
  });
});
