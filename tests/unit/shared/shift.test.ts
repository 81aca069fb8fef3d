import { describe, expect, it } from 'vitest';
import { addDays, calendarDayOf, isClockTime, lastCloseAt, localInstant, nextCloseAfter, offsetMs, shiftAtSignIn, siteDayBounds, siteDayOf, weekStartOf } from '../../../shared/domain/shift.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('site days, counted from the daily close', () => {
  it('turns a local wall time into an instant in the zone', () => {
    expect(iso(localInstant('2026-11-26', '03:00', 'Asia/Shanghai'))).toBe('2026-11-25T19:00:00.000Z');
    expect(iso(localInstant('2026-11-26', '00:00', 'UTC'))).toBe('2026-11-26T00:00:00.000Z');
    expect(isClockTime('03:00')).toBe(true);
    expect(isClockTime('24:00')).toBe(false);
    expect(isClockTime('3:00')).toBe(false);
  });

  it('knows each zone’s offset on either side of its clock changes, and the calendar day it makes', () => {
    const h = 3_600_000;
    expect(offsetMs(at('2026-07-01T12:00:00Z'), 'Asia/Shanghai')).toBe(8 * h);
    expect(offsetMs(at('2026-03-29T00:59:59Z'), 'Europe/London')).toBe(0);
    expect(offsetMs(at('2026-03-29T01:00:00Z'), 'Europe/London')).toBe(h);
    expect(offsetMs(at('2026-10-25T00:59:59Z'), 'Europe/London')).toBe(h);
    expect(offsetMs(at('2026-10-25T01:00:00Z'), 'Europe/London')).toBe(0);
    expect(offsetMs(at('2026-01-15T00:00:00Z'), 'Australia/Lord_Howe')).toBe(11 * h);
    expect(offsetMs(at('2026-07-15T00:00:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * h);
    expect(calendarDayOf(at('2026-11-26T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-26');
    expect(calendarDayOf(at('2026-11-26T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-27');
  });

  it('gives every wall time one instant across daylight saving: the first of two, an hour on for a skipped one', () => {
    // London: 01:30 on 2026-10-25 happens twice (BST, then GMT); on 2026-03-29 it never happens.
    expect(iso(localInstant('2026-10-25', '01:30', 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localInstant('2026-03-29', '01:30', 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('puts the hours before the close on the previous site day (Shanghai, close at 03:00)', () => {
    expect(siteDayOf(at('2026-11-26T18:59:59Z'), 'Asia/Shanghai', '03:00')).toBe('2026-11-26'); // 02:59 local on the 27th
    expect(siteDayOf(at('2026-11-26T19:00:00Z'), 'Asia/Shanghai', '03:00')).toBe('2026-11-27'); // 03:00 local
    expect(siteDayOf(at('2026-11-26T01:00:00Z'), 'Asia/Shanghai', '03:00')).toBe('2026-11-26'); // 09:00 local
    // A close at midnight makes the site day the calendar day.
    expect(siteDayOf(at('2026-11-25T16:00:00Z'), 'Asia/Shanghai', '00:00')).toBe('2026-11-26');
    expect(siteDayOf(at('2026-11-25T15:59:59Z'), 'Asia/Shanghai', '00:00')).toBe('2026-11-25');
  });

  it('bounds a site day by two closes, and a day across a clock change is 23 or 25 hours', () => {
    const day = siteDayBounds('2026-11-26', 'Asia/Shanghai', '03:00');
    expect([iso(day.from), iso(day.to)]).toEqual(['2026-11-25T19:00:00.000Z', '2026-11-26T19:00:00.000Z']);
    const short = siteDayBounds('2026-03-28', 'Europe/London', '03:00');
    expect((short.to - short.from) / 3_600_000).toBe(23);
    const long = siteDayBounds('2026-10-24', 'Europe/London', '03:00');
    expect((long.to - long.from) / 3_600_000).toBe(25);
  });

  it('finds the last close at or before an instant and the next one after it', () => {
    const nine = at('2026-11-26T01:00:00Z'); // 09:00 in Shanghai
    expect(iso(lastCloseAt(nine, 'Asia/Shanghai', '03:00'))).toBe('2026-11-25T19:00:00.000Z');
    expect(iso(nextCloseAfter(nine, 'Asia/Shanghai', '03:00'))).toBe('2026-11-26T19:00:00.000Z');
    const close = at('2026-11-25T19:00:00Z');
    expect(lastCloseAt(close, 'Asia/Shanghai', '03:00')).toBe(close);
    expect(iso(nextCloseAfter(close, 'Asia/Shanghai', '03:00'))).toBe('2026-11-26T19:00:00.000Z');
  });

  it('weeks run Monday to Sunday', () => {
    expect(weekStartOf('2026-11-26')).toBe('2026-11-23'); // a Thursday
    expect(weekStartOf('2026-11-23')).toBe('2026-11-23');
    expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('the start of a shift and the self-check', () => {
  const tz = 'Asia/Shanghai';
  const base = { timeZone: tz, closeAt: '03:00' };

  it('the first sign-in of the site day starts a shift, and the self-check is due', () => {
    expect(shiftAtSignIn({ ...base, signInAt: at('2026-11-26T01:00:00Z'), previousSignInAt: null, lastCheckAt: null })).toEqual({ shiftStart: true, selfCheckDue: true });
    // Signed in yesterday at 18:00 local; today 09:00 is a new shift.
    expect(
      shiftAtSignIn({ ...base, signInAt: at('2026-11-26T01:00:00Z'), previousSignInAt: at('2026-11-25T10:00:00Z'), lastCheckAt: at('2026-11-25T10:01:00Z') }),
    ).toEqual({ shiftStart: true, selfCheckDue: true });
  });

  it('back from lunch is not a new shift; the check is due again only if it was skipped this morning', () => {
    const morning = at('2026-11-26T01:00:00Z');
    const afternoon = at('2026-11-26T05:30:00Z');
    expect(shiftAtSignIn({ ...base, signInAt: afternoon, previousSignInAt: morning, lastCheckAt: morning + 60_000 })).toEqual({ shiftStart: false, selfCheckDue: false });
    expect(shiftAtSignIn({ ...base, signInAt: afternoon, previousSignInAt: morning, lastCheckAt: null })).toEqual({ shiftStart: false, selfCheckDue: true });
  });

  it('a night shift stays one shift across midnight when the close is after it ends', () => {
    const night = { timeZone: tz, closeAt: '12:00' };
    const evening = at('2026-11-26T14:00:00Z'); // 22:00 local
    const afterBreak = at('2026-11-26T18:30:00Z'); // 02:30 local, the next calendar day
    expect(shiftAtSignIn({ ...night, signInAt: afterBreak, previousSignInAt: evening, lastCheckAt: evening + 60_000 })).toEqual({ shiftStart: false, selfCheckDue: false });
    // With a close at 03:00 instead, 02:30 is still the same site day too; at 03:30 a new one has begun.
    expect(shiftAtSignIn({ ...base, signInAt: afterBreak, previousSignInAt: evening, lastCheckAt: evening + 60_000 }).shiftStart).toBe(false);
    expect(shiftAtSignIn({ ...base, signInAt: at('2026-11-26T19:30:00Z'), previousSignInAt: evening, lastCheckAt: evening }).shiftStart).toBe(true);
  });

  it('depends on the zone: the same two instants are two days in Shanghai and one in London', () => {
    const facts = { signInAt: at('2026-06-01T17:00:00Z'), previousSignInAt: at('2026-06-01T15:00:00Z'), lastCheckAt: at('2026-06-01T15:00:00Z'), closeAt: '00:00' };
    // Shanghai: 23:00 and 01:00 the next day. London (BST): 16:00 and 18:00 the same day.
    expect(shiftAtSignIn({ ...facts, timeZone: 'Asia/Shanghai' })).toEqual({ shiftStart: true, selfCheckDue: true });
    expect(shiftAtSignIn({ ...facts, timeZone: 'Europe/London' })).toEqual({ shiftStart: false, selfCheckDue: false });
  });
});
