/**
 * A door that signs the same person in again and again (a busy kiosk, the memory benchmark) must
 * not pile up self-check tickets: the newest one for a person at a device is the one that works.
 */
import { describe, expect, it } from 'vitest';
import { createTicketStore } from '../../../electron/hub/services/tickets.js';
import { FixedClock } from '../../support/hub.js';

describe('self-check tickets', () => {
  it('a newer ticket for the same person at the same device replaces the older one; others are untouched', () => {
    const clock = new FixedClock();
    const tickets = createTicketStore(clock);
    const first = tickets.issue('self-check', 7, 1, { ttlMs: 10 * 60_000 });
    const elsewhere = tickets.issue('self-check', 7, 2, { ttlMs: 10 * 60_000 });
    const someoneElse = tickets.issue('self-check', 8, 1, { ttlMs: 10 * 60_000 });
    const admin = tickets.issue('admin', 7, 1, { ttlMs: 10 * 60_000 });
    const second = tickets.issue('self-check', 7, 1, { ttlMs: 10 * 60_000 });
    expect(tickets.redeem('self-check', first.ticket, 1, { consume: true })).toBeNull();
    expect(tickets.redeem('self-check', second.ticket, 1, { consume: true })).toBe(7);
    expect(tickets.redeem('self-check', elsewhere.ticket, 2, { consume: true })).toBe(7);
    expect(tickets.redeem('self-check', someoneElse.ticket, 1, { consume: true })).toBe(8);
    expect(tickets.redeem('admin', admin.ticket, 1, { consume: false })).toBe(7);
  });
});
