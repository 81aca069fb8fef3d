import { describe, expect, it } from 'vitest';
import { dayOf, isIsoDay, localDateTime, nextDay, startOfDay } from '../../../shared/domain/time.js';

describe('days in a time zone', () => {
  it('knows a real day from a lookalike', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-1')).toBe(false);
  });

  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(new Date(startOfDay('2026-11-26', 'Asia/Shanghai')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(dayOf(Date.parse('2026-11-25T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(dayOf(Date.parse('2026-11-25T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-25');
  });

  it('follows daylight saving where the zone has it', () => {
    // London moves to BST on 2026-03-29: that day still starts at midnight GMT, the next at 23:00 UTC.
    expect(new Date(startOfDay('2026-03-29', 'Europe/London')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(startOfDay('2026-03-30', 'Europe/London')).toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('rolls over months and years, and writes local wall time', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(localDateTime(Date.parse('2026-11-26T01:05:00Z'), 'Asia/Shanghai')).toBe('2026-11-26 09:05:00');
  });
});
