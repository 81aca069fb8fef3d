/**
 * Short-lived tickets that stand in for a PIN just typed: the self-check ticket a sign-in hands to
 * the kiosk, and the admin ticket a supervisor's PIN opens the admin screens with. Runs in: the hub.
 *
 * Kept in memory only, as SHA-256 hashes: a ticket is worth minutes, a restarted hub forgets them
 * (the screen asks for the PIN again), and issuing one costs a sign-in no database write. Each is
 * bound to the device it was issued to, so a ticket seen elsewhere is worthless.
 */
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Clock } from '../clock.js';

export type TicketKind = 'self-check' | 'admin';

interface Entry {
  kind: TicketKind;
  personId: number;
  deviceId: number | null;
  expiresAt: number;
  /** Sliding tickets move their expiry on with each use, up to this instant. */
  hardExpiry: number;
  slideMs: number;
}

export interface IssueOptions {
  ttlMs: number;
  /** Each use extends the ticket by ttlMs, never beyond this long after issue (0: no sliding). */
  maxLifeMs?: number;
}

export function createTicketStore(clock: Clock) {
  const entries = new Map<string, Entry>();
  /**
   * The live self-check ticket of each person at each device: a newer sign-in's ticket replaces it
   * (the kiosk shows only the newest), so a busy door keeps one per person, not one per sign-in.
   */
  const selfCheckOf = new Map<string, string>();
  let lastSweep = 0;

  function sweep(now: number) {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    for (const [who, key] of selfCheckOf) if (!entries.has(key)) selfCheckOf.delete(who);
  }

  return {
    issue(kind: TicketKind, personId: number, deviceId: number | null, options: IssueOptions): { ticket: string; expiresAt: number } {
      const now = clock.now();
      // Unused tickets expire on their own; forget them now and then, not on every sign-in.
      if (entries.size > 1000 && now - lastSweep > 60_000) {
        sweep(now);
        lastSweep = now;
      }
      const ticket = newSecret();
      const expiresAt = now + options.ttlMs;
      const key = hashSecret(ticket);
      if (kind === 'self-check') {
        const who = `${personId}:${deviceId}`;
        const previous = selfCheckOf.get(who);
        if (previous) entries.delete(previous);
        selfCheckOf.set(who, key);
      }
      entries.set(key, {
        kind,
        personId,
        deviceId,
        expiresAt,
        hardExpiry: now + Math.max(options.maxLifeMs ?? 0, options.ttlMs),
        slideMs: options.maxLifeMs ? options.ttlMs : 0,
      });
      return { ticket, expiresAt };
    },

    /**
     * The person a ticket stands for, when it is of this kind, unexpired and used from the device it
     * was issued to; `consume` makes it single-use.
     */
    redeem(kind: TicketKind, ticket: string, deviceId: number | null, options: { consume: boolean }): number | null {
      const key = hashSecret(ticket);
      const entry = entries.get(key);
      const now = clock.now();
      if (!entry || entry.kind !== kind || entry.deviceId !== deviceId) return null;
      if (entry.expiresAt <= now) {
        entries.delete(key);
        return null;
      }
      if (options.consume) entries.delete(key);
      else if (entry.slideMs) entry.expiresAt = Math.min(now + entry.slideMs, entry.hardExpiry);
      return entry.personId;
    },

    /** Ends a ticket at once (the supervisor closes the admin screens). */
    revoke(ticket: string): boolean {
      return entries.delete(hashSecret(ticket));
    },
  };
}

export type TicketStore = ReturnType<typeof createTicketStore>;
