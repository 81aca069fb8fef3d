import { describe, expect, it } from 'vitest';
import { createTicketStore } from '../../../electron/hub/services/tickets.js';
import { FixedClock } from '../../support/hub.js';

describe('short-lived tickets', () => {
  it('a self-check ticket works once, from the device it was issued to, until it expires', () => {
    const clock = new FixedClock();
    const tickets = createTicketStore(clock);
    const a = tickets.issue('self-check', 7, 1, { ttlMs: 10 * 60_000 });
    expect(a.expiresAt).toBe(clock.now() + 10 * 60_000);
    expect(tickets.redeem('self-check', a.ticket, 2, { consume: true })).toBeNull();
    expect(tickets.redeem('admin', a.ticket, 1, { consume: true })).toBeNull();
    expect(tickets.redeem('self-check', a.ticket, 1, { consume: true })).toBe(7);
    expect(tickets.redeem('self-check', a.ticket, 1, { consume: true })).toBeNull();

    const b = tickets.issue('self-check', 8, 1, { ttlMs: 10 * 60_000 });
    clock.advance(10 * 60_000);
    expect(tickets.redeem('self-check', b.ticket, 1, { consume: true })).toBeNull();
    expect(tickets.redeem('self-check', 'made-up-ticket-000000', 1, { consume: true })).toBeNull();
  });

  it('an admin ticket slides with use, up to its longest life, and ends when revoked', () => {
    const clock = new FixedClock();
    const tickets = createTicketStore(clock);
    const { ticket } = tickets.issue('admin', 3, 5, { ttlMs: 15 * 60_000, maxLifeMs: 60 * 60_000 });
    for (let i = 0; i < 4; i++) {
      clock.advance(14 * 60_000);
      expect(tickets.redeem('admin', ticket, 5, { consume: false }), `use ${i}`).toBe(3);
    }
    clock.advance(5 * 60_000); // 61 minutes after issue
    expect(tickets.redeem('admin', ticket, 5, { consume: false })).toBeNull();

    const other = tickets.issue('admin', 3, 5, { ttlMs: 15 * 60_000, maxLifeMs: 60 * 60_000 });
    clock.advance(16 * 60_000);
    expect(tickets.redeem('admin', other.ticket, 5, { consume: false })).toBeNull();
    const third = tickets.issue('admin', 3, 5, { ttlMs: 15 * 60_000 });
    expect(tickets.revoke(third.ticket)).toBe(true);
    expect(tickets.redeem('admin', third.ticket, 5, { consume: false })).toBeNull();
  });
});
