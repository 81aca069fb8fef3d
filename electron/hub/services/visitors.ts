/**
 * Visitors: sign-in after accepting the current safety briefing, sign-out, and the log of visits.
 * Runs in: the hub. A visit's sign-in and sign-out are facts in visitor_events, from which who is on
 * site and every roll call are derived, as for staff; both announce `presence.changed` (whose
 * eventId is then the visitor event's id) so screens and the roll refresh.
 */
import { ApiError, type OnSiteVisitor, type VisitorView } from '../../../shared/contract/index.js';
import { siteDayBounds, siteDayOf } from '../../../shared/domain/shift.js';
import { nextDay } from '../../../shared/domain/time.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import { currentBriefing } from '../db/stores/briefings.js';
import { findPersonByEmployeeNo } from '../db/stores/people.js';
import { findVisit, insertVisit, insertVisitorEvent, visitorsOnSite, visitsBetween, type VisitRow } from '../db/stores/visitors.js';
import type { EventBus } from '../events.js';
import type { SettingsSource } from './settings.js';

export interface VisitorsDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  settings: SettingsSource;
}

export const visitView = (v: VisitRow): VisitorView => ({
  visitorId: v.visitor_id,
  name: v.name,
  company: v.company,
  host: { employeeNo: v.host_employee_no, name: v.host_name, team: v.host_team },
  since: toInstant(v.since),
  until: v.until === null ? null : toInstant(v.until),
  automatic: v.automatic === 1,
  briefingVersion: v.briefing_version,
});

export function createVisitorsService({ db, clock, events, settings }: VisitorsDeps) {
  return {
    async signIn(
      input: { name: string; company: string; hostEmployeeNo: string; briefingVersion: number; language: 'zh-CN' | 'en' },
      caller: Caller,
    ): Promise<{ visitor: VisitorView }> {
      const host = await findPersonByEmployeeNo(db, input.hostEmployeeNo);
      if (!host) throw new ApiError('unknown_person');
      if (!host.active) throw new ApiError('person_inactive');
      const at = clock.now();
      const deviceId = caller.device?.id ?? null;
      const { visitId, eventId } = await db.transaction(async (tx) => {
        // Checked inside the transaction: a briefing edited a moment ago must be read again.
        const briefing = await currentBriefing(tx);
        if (!briefing || briefing.version !== input.briefingVersion) throw new ApiError('briefing_outdated', { version: briefing?.version ?? 0 });
        const visit = await insertVisit(tx, {
          name: input.name,
          company: input.company,
          hostPersonId: host.id,
          briefingId: briefing.id,
          briefingLanguage: input.language,
          at,
          deviceId,
        });
        const event = (await insertVisitorEvent(tx, { visitor_id: visit.id, kind: 'in', at, method: 'kiosk', automatic: 0, device_id: deviceId }))!;
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'visitor.sign_in', entity: 'visitors', entityId: visit.id, record: { visit, event } });
        return { visitId: visit.id, eventId: event.id };
      });
      events.publish('presence.changed', { kind: 'in', eventId, at: toInstant(at) });
      return { visitor: visitView((await findVisit(db, visitId))!) };
    },

    async signOut(input: { visitorId: number }, caller: Caller): Promise<{ visitor: VisitorView }> {
      const visit = await findVisit(db, input.visitorId);
      if (!visit) throw new ApiError('unknown_visitor');
      const at = clock.now();
      const deviceId = caller.device?.id ?? null;
      const event = await db.transaction(async (tx) => {
        const row = await insertVisitorEvent(tx, { visitor_id: visit.visitor_id, kind: 'out', at, method: 'kiosk', automatic: 0, device_id: deviceId });
        if (!row) throw new ApiError('not_signed_in', { name: visit.name });
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'visitor.sign_out', entity: 'visitor_events', entityId: row.id, record: row });
        return row;
      });
      events.publish('presence.changed', { kind: 'out', eventId: event.id, at: toInstant(at) });
      return { visitor: visitView((await findVisit(db, visit.visitor_id))!) };
    },

    async onSite(): Promise<OnSiteVisitor[]> {
      return (await visitorsOnSite(db)).map((v) => ({ visitorId: v.visitor_id, name: v.name, company: v.company, since: toInstant(v.since) }));
    },

    /** Visits that began in the site days from..to (default: today). */
    async list(input: { from?: string; to?: string }): Promise<{ visitors: VisitorView[] }> {
      const site = await settings.current();
      const today = siteDayOf(clock.now(), site.timeZone, site.dailyCloseAt);
      const fromDay = input.from ?? input.to ?? today;
      const toDay = input.to ?? input.from ?? today;
      if (toDay < fromDay) return { visitors: [] };
      const from = siteDayBounds(fromDay, site.timeZone, site.dailyCloseAt).from;
      const to = siteDayBounds(nextDay(toDay), site.timeZone, site.dailyCloseAt).from;
      return { visitors: (await visitsBetween(db, from, to)).map(visitView) };
    },
  };
}

export type VisitorsService = ReturnType<typeof createVisitorsService>;
