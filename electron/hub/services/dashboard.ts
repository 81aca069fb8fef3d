/**
 * The supervisor's dashboard: a site day at the door, and self-check compliance per team and week.
 * Runs in: the hub. Everything is derived from stored facts (presence events, checks, visits), read
 * for the period asked and grouped here with the pure rules of shared/domain.
 */
import type { AutoClosedView, Compliance, DashboardToday } from '../../../shared/contract/index.js';
import { addDays, siteDayBounds, siteDayOf, weekStartOf } from '../../../shared/domain/shift.js';
import { trainingStatus } from '../../../shared/domain/training.js';
import { toInstant, type Clock } from '../clock.js';
import type { Database } from '../db/port.js';
import { checksBetween, failedChecks, openFailedCount } from '../db/stores/appearance.js';
import { listPeople } from '../db/stores/people.js';
import { autoClosedPeople, onSitePeople, presenceBetween, type DayEventRow } from '../db/stores/presence.js';
import { autoClosedVisits, visitsBetween } from '../db/stores/visitors.js';
import { reviewItems } from './appearance.js';
import type { SettingsSource } from './settings.js';
import { visitView } from './visitors.js';

export interface DashboardDeps {
  db: Database;
  clock: Clock;
  settings: SettingsSource;
}

export function createDashboardService({ db, clock, settings }: DashboardDeps) {
  async function site() {
    const s = await settings.current();
    const today = siteDayOf(clock.now(), s.timeZone, s.dailyCloseAt);
    const bounds = (from: string, toInclusive: string) => ({
      from: siteDayBounds(from, s.timeZone, s.dailyCloseAt).from,
      to: siteDayBounds(toInclusive, s.timeZone, s.dailyCloseAt).to,
    });
    const dayOfInstant = (at: number) => siteDayOf(at, s.timeZone, s.dailyCloseAt);
    return { s, today, bounds, dayOfInstant };
  }

  async function autoClosed(from: number, to: number): Promise<AutoClosedView[]> {
    const [people, visits] = await Promise.all([autoClosedPeople(db, from, to), autoClosedVisits(db, from, to)]);
    const items: AutoClosedView[] = [
      ...people.map((p) => ({
        kind: 'staff' as const,
        employeeNo: p.employee_no,
        visitorId: null,
        name: p.name,
        team: p.team,
        signedInAt: toInstant(p.signed_in_at ?? p.closed_at),
        closedAt: toInstant(p.closed_at),
      })),
      ...visits.map((v) => ({
        kind: 'visitor' as const,
        employeeNo: null,
        visitorId: v.visitor_id,
        name: v.name,
        team: v.company,
        signedInAt: toInstant(v.since),
        closedAt: toInstant(v.until!),
      })),
    ];
    return items.sort((a, b) => (a.closedAt < b.closedAt ? 1 : a.closedAt > b.closedAt ? -1 : 0));
  }

  return {
    async today(input: { day?: string }): Promise<DashboardToday> {
      const { s, today, bounds } = await site();
      const day = input.day ?? today;
      const { from, to } = bounds(day, day);
      const [dayEvents, checks, onSiteNow, openFlagRows, openFlags, visits, closed, active] = await Promise.all([
        // One past the end: the close that ends this day records forgotten sign-outs at `to` sharp.
        presenceBetween(db, from, to + 1),
        checksBetween(db, from, to),
        onSitePeople(db),
        failedChecks(db, 'open', 50),
        openFailedCount(db),
        visitsBetween(db, from, to),
        autoClosed(from, to),
        listPeople(db, { status: 'active' }),
      ]);

      // That close's sign-out ends this day (the person was not here on the next one); anything
      // else at `to` already belongs to the next day.
      const events = dayEvents.filter((e) => e.at < to || (e.automatic === 1 && e.kind === 'out'));

      // Per person who signed in this day: first sign-in, latest event, latest self-check.
      const byPerson = new Map<number, { row: DayEventRow; firstIn: number; last: DayEventRow }>();
      for (const e of events) {
        const seen = byPerson.get(e.person_id);
        if (seen) seen.last = e;
        else if (e.kind === 'in') byPerson.set(e.person_id, { row: e, firstIn: e.at, last: e });
      }
      const lastCheck = new Map<number, number>();
      for (const c of checks) lastCheck.set(c.person_id, c.required_flagged);
      const statusOf = (r: DayEventRow) => trainingStatus({ passedOn: r.training_passed_on, expiresOn: r.training_expires_on }, day, s.trainingExpiringDays);

      const people = [...byPerson.entries()]
        .map(([personId, p]) => {
          const flagged = lastCheck.get(personId);
          return {
            employeeNo: p.row.employee_no,
            name: p.row.name,
            team: p.row.team,
            firstIn: toInstant(p.firstIn),
            lastOut: p.last.kind === 'out' ? toInstant(p.last.at) : null,
            onSite: p.last.kind === 'in',
            selfCheck: flagged === undefined ? ('missing' as const) : flagged === 0 ? ('passed' as const) : ('failed' as const),
            training: statusOf(p.row),
          };
        })
        .sort((a, b) => a.team.localeCompare(b.team, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || (a.employeeNo < b.employeeNo ? -1 : 1));

      const trainingSignedIn = [...byPerson.values()]
        .filter((p) => statusOf(p.row) !== 'ok')
        .map((p) => ({
          employeeNo: p.row.employee_no,
          name: p.row.name,
          team: p.row.team,
          status: statusOf(p.row),
          expiresOn: p.row.training_expires_on,
          signedInAt: toInstant(p.firstIn),
        }));
      const totals = { missing: 0, expired: 0, expiring: 0 };
      for (const person of active) {
        const status = trainingStatus({ passedOn: person.training_passed_on, expiresOn: person.training_expires_on }, day, s.trainingExpiringDays);
        if (status !== 'ok') totals[status]++;
      }

      return {
        day,
        from: toInstant(from),
        to: toInstant(to),
        asOf: toInstant(clock.now()),
        counts: {
          signedIn: people.length,
          onSiteNow: onSiteNow.length,
          visitors: visits.length,
          selfChecksDone: people.filter((p) => p.selfCheck !== 'missing').length,
          selfChecksFailed: people.filter((p) => p.selfCheck === 'failed').length,
          selfChecksMissing: people.filter((p) => p.selfCheck === 'missing').length,
          openFlags,
          trainingProblems: trainingSignedIn.length,
          autoClosed: closed.length,
        },
        people,
        openFlags: await reviewItems(db, openFlagRows),
        training: { signedIn: trainingSignedIn, totals },
        autoClosed: closed,
        visitors: visits.map(visitView),
      };
    },

    async compliance(input: { weeks: number }): Promise<Compliance> {
      const { today, bounds, dayOfInstant } = await site();
      const thisWeek = weekStartOf(today);
      const firstWeek = addDays(thisWeek, -7 * (input.weeks - 1));
      const { from, to } = bounds(firstWeek, addDays(thisWeek, 6));
      const [events, checks] = await Promise.all([presenceBetween(db, from, to), checksBetween(db, from, to)]);

      // Each person-day with a sign-in owes a self-check; the day's latest check decides passed.
      const owed = new Map<string, { team: string; week: string }>();
      for (const e of events) {
        if (e.kind !== 'in' || e.automatic) continue;
        const day = dayOfInstant(e.at);
        owed.set(`${e.person_id}|${day}`, { team: e.team, week: weekStartOf(day) });
      }
      const checked = new Map<string, number>();
      for (const c of checks) checked.set(`${c.person_id}|${dayOfInstant(c.at)}`, c.required_flagged);

      const empty = (team: string) => ({ team, expected: 0, checked: 0, passed: 0, rate: null as number | null });
      const weeks = Array.from({ length: input.weeks }, (_, i) => addDays(firstWeek, 7 * i));
      const cells = new Map<string, ReturnType<typeof empty>>();
      const teams = new Set<string>();
      for (const [key, { team, week }] of owed) {
        teams.add(team);
        const cell = cells.get(`${week}|${team}`) ?? empty(team);
        cells.set(`${week}|${team}`, cell);
        cell.expected++;
        const flagged = checked.get(key);
        if (flagged !== undefined) cell.checked++;
        if (flagged === 0) cell.passed++;
      }
      const teamList = [...teams].sort((a, b) => a.localeCompare(b, 'zh-CN'));
      const withRate = <T extends ReturnType<typeof empty>>(c: T) => ({ ...c, rate: c.expected ? c.checked / c.expected : null });
      return {
        teams: teamList,
        weeks: weeks.map((weekStart) => {
          const row = teamList.map((team) => withRate(cells.get(`${weekStart}|${team}`) ?? empty(team)));
          const total = row.reduce((sum, c) => ({ ...sum, expected: sum.expected + c.expected, checked: sum.checked + c.checked, passed: sum.passed + c.passed }), empty(''));
          return { weekStart, weekEnd: addDays(weekStart, 6), teams: row, total: withRate(total) };
        }),
      };
    },

    /** Forgotten sign-outs closed in the site days from..to (default: the last seven). */
    async autoClosed(input: { from?: string; to?: string }) {
      const { today, bounds } = await site();
      const toDay = input.to ?? today;
      const fromDay = input.from ?? addDays(toDay, -6);
      if (toDay < fromDay) return { items: [] };
      const { from, to } = bounds(fromDay, toDay);
      return { items: await autoClosed(from, to) };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

