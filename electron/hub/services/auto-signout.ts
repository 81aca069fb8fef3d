/**
 * The daily close of forgotten sign-outs. Runs in: the hub.
 *
 * At the site's `dailyCloseAt` (local time, site time zone) everyone still signed in from before it,
 * staff and visitors, gets a sign-out recorded at that instant with method `auto` and automatic = 1:
 * never silently dropped, listed for the supervisor. `run(at)` does the close for the latest close
 * time at or before `at` and is idempotent, so the hub also runs it when it starts (a close missed
 * while it was off is made up then) and tests call it with fixed instants.
 *
 * Never during an emergency: a forgotten sign-out closed then would count someone as accounted for.
 * The close waits and is tried again every few minutes until the emergency has ended.
 */
import { lastCloseAt, nextCloseAfter } from '../../../shared/domain/shift.js';
import { toInstant, type Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { activeEmergency } from '../db/stores/emergency.js';
import { insertPresenceEvent, signedInBefore } from '../db/stores/presence.js';
import { insertVisitorEvent, visitorsSignedInBefore } from '../db/stores/visitors.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import type { SettingsSource } from './settings.js';

export interface AutoSignOutDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  settings: SettingsSource;
  log: Logger;
}

export interface CloseResult {
  /** The close time the run acted for. */
  closeAt: string;
  people: number;
  visitors: number;
  /** True when an emergency was active and nothing was closed. */
  deferred: boolean;
}

const retryMs = 5 * 60_000;
/** setTimeout's longest delay is about 24.8 days; a day is far below it, but a clock jump is not. */
const maxDelayMs = 6 * 60 * 60_000;

export function createAutoSignOut({ db, clock, events, settings, log }: AutoSignOutDeps) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  /** The close the timer is set for (0 at start: make up a missed one at once). */
  let due = 0;

  async function run(at: number = clock.now()): Promise<CloseResult> {
    const site = await settings.current();
    const closeAt = lastCloseAt(at, site.timeZone, site.dailyCloseAt);
    const outcome = await db.transaction(async (tx) => {
      if (await activeEmergency(tx)) return { people: 0, visitors: 0, deferred: true, lastEventId: 0 };
      let lastEventId = 0;
      const people = await signedInBefore(tx, closeAt);
      for (const { person_id } of people) {
        const row = await insertPresenceEvent(tx, { person_id, kind: 'out', at: closeAt, method: 'auto', automatic: 1, device_id: null });
        // The presence record as the export re-hashes it: the same fields as any sign-out.
        await appendAudit(tx, { at: closeAt, actor: 'hub', action: 'presence.auto_sign_out', entity: 'presence_events', entityId: row.id, record: row });
        lastEventId = row.id;
      }
      const visitors = await visitorsSignedInBefore(tx, closeAt);
      for (const { visitor_id } of visitors) {
        const row = await insertVisitorEvent(tx, { visitor_id, kind: 'out', at: closeAt, method: 'auto', automatic: 1, device_id: null });
        if (row) await appendAudit(tx, { at: closeAt, actor: 'hub', action: 'visitor.auto_sign_out', entity: 'visitor_events', entityId: row.id, record: row });
      }
      return { people: people.length, visitors: visitors.length, deferred: false, lastEventId };
    });
    if (outcome.people + outcome.visitors > 0) {
      // One announcement for the whole close: screens reload the list once.
      events.publish('presence.changed', { kind: 'out', eventId: outcome.lastEventId, at: toInstant(closeAt) });
      log.info('daily close recorded forgotten sign-outs', { people: outcome.people, visitors: outcome.visitors });
    }
    return { closeAt: toInstant(closeAt), people: outcome.people, visitors: outcome.visitors, deferred: outcome.deferred };
  }

  /** Sets the timer for the next close after `now` (read before anything is awaited). */
  async function schedule(now: number = clock.now()): Promise<void> {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const site = await settings.current();
    due = nextCloseAfter(now, site.timeZone, site.dailyCloseAt);
    arm(Math.max(due - now, 1_000));
  }

  function arm(delay: number): void {
    timer = setTimeout(() => void tick(), Math.min(delay, maxDelayMs));
    // A pending close must never keep a finishing process (the command line, a test) alive.
    timer.unref();
  }

  async function tick(): Promise<void> {
    timer = null;
    if (stopped) return;
    // Not yet due: Node's timer can fire a millisecond before the clock reaches its time (and a long
    // wait is cut into pieces). Run then, and the close would find nothing yet while the next one,
    // worked out a moment later, would be tomorrow's: today's would be skipped. So wait again, for
    // the close after this same reading of the clock.
    const now = clock.now();
    if (now < due) return schedule(now);
    try {
      const result = await run();
      if (result.deferred && !stopped) {
        arm(retryMs);
        return;
      }
    } catch (err) {
      log.error('daily close failed', { error: (err as Error)?.name, detail: (err as Error)?.message });
    }
    await schedule().catch(() => undefined);
  }

  return {
    run,
    /** Makes up a missed close now, then closes at every dailyCloseAt until stopped. */
    async start(): Promise<void> {
      stopped = false;
      await tick();
    },
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** After the close time changed. */
    reschedule: () => schedule(),
  };
}

export type AutoSignOut = ReturnType<typeof createAutoSignOut>;
