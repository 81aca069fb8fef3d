/**
 * zoneOffsetMs remembers each zone's offset per hour (sign-ins and exports ask for it again and
 * again). Whatever it remembers, it must answer what Intl says for that very instant: across
 * daylight-saving changes, in zones with half- and quarter-hour offsets, and in old local mean time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsetMs } from '../../../shared/domain/time.js';

/** The offset straight from Intl, worked out afresh for each instant. */
function intlOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'];

describe('a zone’s offset at an instant', () => {
  it('is what Intl says, for any instant from 1900 to 2100, asked in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.array(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), { maxLength: 20 }), (zone, instants) => {
        for (const at of instants) expect(zoneOffsetMs(at, zone)).toBe(intlOffset(at, zone));
      }),
    );
  });

  it('is what Intl says minute by minute through the hours around a daylight-saving change', () => {
    for (const [zone, around] of [
      ['Europe/London', Date.UTC(2026, 2, 29, 1)],
      ['Europe/London', Date.UTC(2026, 9, 25, 1)],
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    ] as const) {
      for (let at = around - 3 * 3_600_000; at < around + 3 * 3_600_000; at += 59_999) expect(zoneOffsetMs(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(intlOffset(at, zone));
    }
  });
});
