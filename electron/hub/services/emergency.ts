/**
 * Emergencies: start, the live roll call, end, and the report afterwards. Runs in: the hub.
 * This is the feature that must never fail: the roll is derived from stored facts (presence events
 * and marks), never from memory, so a restarted hub shows exactly what it showed before.
 */
import {
  ApiError,
  type ActiveEmergency,
  type EmergencyCurrent,
  type EmergencyHistory,
  type EmergencyKind,
  type EmergencyReport,
  type RollCounts,
} from '../../../shared/contract/index.js';
import { toInstant, type Clock } from '../clock.js';
import { actorOf, type Caller } from '../context.js';
import type { Database } from '../db/port.js';
import { appendAudit } from '../db/stores/audit.js';
import {
  activeEmergency,
  emergencyHistory,
  endEmergency,
  findEmergency,
  insertEmergency,
  lastDrill,
  markPersonSafe,
  markVisitorSafe,
  rollOf,
  type EmergencyRow,
  type RollRow,
} from '../db/stores/emergency.js';
import { findPersonByBadge, findPersonByEmployeeNo } from '../db/stores/people.js';
import { findVisit } from '../db/stores/visitors.js';
import type { EventBus } from '../events.js';
import type { PinCheck } from './pin-check.js';
import type { SettingsSource } from './settings.js';

export interface EmergencyDeps {
  db: Database;
  clock: Clock;
  events: EventBus;
  checkPin: PinCheck;
  settings: SettingsSource;
}

/** People whose PIN may start (at a kiosk) or end an emergency. */
const commandingRoles = new Set(['warden', 'supervisor', 'admin']);

export function createEmergencyService({ db, clock, events, checkPin, settings }: EmergencyDeps) {
  // Many screens ask for the same roll after each change: they share one query per change.
  let version = 0;
  let cached: { key: string; value: Promise<EmergencyCurrent> } | null = null;
  const changed = () => {
    version++;
    cached = null;
  };

  async function commander(employeeNo: string, pin: string, caller: Caller) {
    const person = await checkPin(employeeNo, pin, caller);
    if (!commandingRoles.has(person.role)) throw new ApiError('pin_not_authorised');
    return person;
  }

  async function rollState(e: EmergencyRow) {
    const roll = await rollOf(db, e);
    return summarise(roll, e);
  }

  async function current(): Promise<EmergencyCurrent> {
    const active = await activeEmergency(db);
    if (!active) return { emergency: null };
    const key = `${active.id}:${version}`;
    if (cached?.key === key) return cached.value;
    const value = rollState(active).then(({ counts, missing, allAccountedAt }) => ({
      emergency: {
        id: active.id,
        kind: active.kind,
        drill: active.drill === 1,
        startedAt: toInstant(active.started_at),
        counts,
        missing,
        allAccountedAt,
        asOf: toInstant(clock.now()),
      } satisfies ActiveEmergency,
    }));
    cached = { key, value };
    value.catch(() => (cached = null));
    return value;
  }

  async function announceRoll(emergencyId: number) {
    const state = await current();
    if (state.emergency?.id === emergencyId) events.publish('rollcall.changed', { emergencyId, ...state.emergency.counts });
  }

  // Whether an emergency runs, as last read: read again after each start and end (this service
  // is what starts and ends them), so a sign-in in peacetime costs no query here.
  let running: Promise<EmergencyRow | undefined> | null = null;
  const runningNow = () => (running ??= activeEmergency(db).catch((err: unknown) => ((running = null), Promise.reject(err))));

  // Someone passing the door during an emergency changes the roll.
  events.subscribe((event) => {
    if (event.name !== 'presence.changed') return;
    changed();
    void runningNow()
      .then((active) => (active ? announceRoll(active.id) : undefined))
      .catch(() => undefined);
  });

  /** Who a mark is for; a badge or number nobody has (or a visit that never was) is refused. */
  async function rollSubject(input: { employeeNo?: string; visitorId?: number; badge?: string }) {
    if (input.visitorId !== undefined) {
      const visit = await findVisit(db, input.visitorId);
      if (!visit) throw new ApiError('unknown_visitor');
      return { visitorId: visit.visitor_id, name: visit.name };
    }
    const person = input.badge !== undefined ? await findPersonByBadge(db, input.badge) : await findPersonByEmployeeNo(db, input.employeeNo!);
    if (!person) throw new ApiError(input.badge !== undefined ? 'unknown_badge' : 'unknown_person');
    return { personId: person.id, name: person.name };
  }

  return {
    current,

    async start(input: { kind: EmergencyKind; drill: boolean; employeeNo?: string; pin?: string }, caller: Caller): Promise<EmergencyCurrent> {
      const needsPin = caller.device?.role === 'kiosk';
      if (needsPin && (!input.employeeNo || !input.pin)) throw new ApiError('pin_not_authorised');
      const person = input.employeeNo && input.pin ? await commander(input.employeeNo, input.pin, caller) : null;
      const at = clock.now();
      const row = await db.transaction(async (tx) => {
        if (await activeEmergency(tx)) throw new ApiError('emergency_active');
        const e = await insertEmergency(tx, { kind: input.kind, drill: input.drill, at, deviceId: caller.device?.id ?? null, personId: person?.id ?? null });
        await appendAudit(tx, { at, actor: actorOf(caller), action: input.drill ? 'emergency.drill_started' : 'emergency.started', entity: 'emergencies', entityId: e.id, record: e });
        return e;
      });
      changed();
      running = null;
      // Announced before the answer goes back: every screen turns at once.
      events.publish('emergency.started', { emergencyId: row.id, kind: row.kind, drill: row.drill === 1 });
      return current();
    },

    async markSafe(input: { emergencyId: number; employeeNo?: string; visitorId?: number; badge?: string }, caller: Caller) {
      // Staff by employee number or badge, visitors by their visit's id: all are on the roll alike.
      const subject = await rollSubject(input);
      const at = clock.now();
      const deviceId = caller.device?.id ?? null;
      const marked = await db.transaction(async (tx) => {
        const active = await activeEmergency(tx);
        if (!active || active.id !== input.emergencyId) throw new ApiError('emergency_not_active');
        const markId =
          'visitorId' in subject
            ? await markVisitorSafe(tx, active.id, subject.visitorId!, at, deviceId)
            : await markPersonSafe(tx, active.id, subject.personId!, at, deviceId);
        if (markId !== null) {
          // The record as stored: a staff mark keeps the shape it always had.
          const who = 'visitorId' in subject ? { visitor_id: subject.visitorId } : { person_id: subject.personId };
          await appendAudit(tx, { at, actor: actorOf(caller), action: 'rollcall.marked', entity: 'roll_call_marks', entityId: markId, record: { id: markId, emergency_id: active.id, ...who, marked_at: at, device_id: deviceId } });
        }
        return markId !== null;
      });
      if (marked) changed();
      const state = await current();
      const counts = state.emergency?.counts ?? { onSite: 0, accounted: 0, missing: 0 };
      if (marked) events.publish('rollcall.changed', { emergencyId: input.emergencyId, ...counts });
      return { marked, counts, name: subject.name };
    },

    async end(input: { emergencyId: number; employeeNo: string; pin: string }, caller: Caller) {
      const person = await commander(input.employeeNo, input.pin, caller);
      const at = clock.now();
      await db.transaction(async (tx) => {
        const active = await activeEmergency(tx);
        if (!active || active.id !== input.emergencyId || !(await endEmergency(tx, active.id, at, caller.device?.id ?? null, person.id))) {
          throw new ApiError('emergency_not_active');
        }
        await appendAudit(tx, { at, actor: actorOf(caller), action: 'emergency.ended', entity: 'emergencies', entityId: active.id, record: { id: active.id, ended_at: at, ended_by_person: person.id, ended_by_device: caller.device?.id ?? null } });
      });
      changed();
      running = null;
      events.publish('emergency.ended', { emergencyId: input.emergencyId });
      return this.report(input.emergencyId);
    },

    async report(emergencyId: number): Promise<EmergencyReport> {
      const e = await findEmergency(db, emergencyId);
      if (!e) throw new ApiError('not_found');
      const roll = await rollOf(db, e);
      const { counts, allAccountedAt } = summarise(roll, e);
      const end = e.ended_at ?? clock.now();
      const names = await db.all<{ id: number; name: string }>(
        'SELECT id, name FROM people WHERE id IN (?, ?)',
        [e.started_by_person ?? -1, e.ended_by_person ?? -1],
      );
      const nameOf = (id: number | null) => names.find((n) => n.id === id)?.name;
      const device = async (id: number | null) =>
        id == null ? null : ((await db.get<{ name: string }>('SELECT name FROM devices WHERE id = ?', [id]))?.name ?? null);
      const startedBy = [nameOf(e.started_by_person), await device(e.started_by_device)].filter(Boolean).join(' · ') || 'hub';
      const endedBy = e.ended_at ? [nameOf(e.ended_by_person), await device(e.ended_by_device)].filter(Boolean).join(' · ') : null;
      return {
        id: e.id,
        kind: e.kind,
        drill: e.drill === 1,
        startedAt: toInstant(e.started_at),
        endedAt: e.ended_at == null ? null : toInstant(e.ended_at),
        startedBy,
        endedBy,
        counts,
        secondsToAllAccounted: allAccountedAt == null ? null : (Date.parse(allAccountedAt) - e.started_at) / 1000,
        people: roll.map((r) => {
          const accounted = accountedAt(r);
          return {
            ...who(r),
            name: r.name,
            team: r.team,
            accountedAt: accounted == null ? null : toInstant(accounted),
            how: r.marked_at != null && (r.left_at == null || r.marked_at <= r.left_at) ? ('marked' as const) : r.left_at != null ? ('signed_out' as const) : null,
            missingForSeconds: (Math.max(0, (accounted ?? end) - r.since)) / 1000,
          };
        }),
      };
    },

    async history(): Promise<EmergencyHistory> {
      const site = await settings.current();
      const rows = await emergencyHistory(db, 100);
      const items = await Promise.all(
        rows.map(async (e) => {
          const { counts, allAccountedAt } = summarise(await rollOf(db, e), e);
          return {
            id: e.id,
            kind: e.kind,
            drill: e.drill === 1,
            startedAt: toInstant(e.started_at),
            endedAt: e.ended_at == null ? null : toInstant(e.ended_at),
            onSite: counts.onSite,
            secondsToAllAccounted: allAccountedAt == null ? null : (Date.parse(allAccountedAt) - e.started_at) / 1000,
          };
        }),
      );
      const drill = await lastDrill(db);
      const overdueAfter = site.drillIntervalDays * 24 * 60 * 60_000;
      return {
        items,
        lastDrillAt: drill ? toInstant(drill.started_at) : null,
        drillOverdue: !drill || clock.now() - drill.started_at > overdueAfter,
        drillIntervalDays: site.drillIntervalDays,
      };
    },
  };
}

export type EmergencyService = ReturnType<typeof createEmergencyService>;

/** A staff member by employee number, a visitor by visit id (their team is their company). */
const who = (r: RollRow): { employeeNo?: string; visitorId?: number } =>
  r.visitor_id != null ? { visitorId: r.visitor_id } : { employeeNo: r.employee_no ?? undefined };

const accountedAt = (r: RollRow): number | null =>
  r.marked_at != null && r.left_at != null ? Math.min(r.marked_at, r.left_at) : (r.marked_at ?? r.left_at);

/** Most of the roll joined at the start, at one instant: its text is made once, not once a person. */
let lastSince = Number.NaN;
let lastSinceText = '';
const sinceText = (at: number) => (at === lastSince ? lastSinceText : ((lastSince = at), (lastSinceText = toInstant(at))));

function summarise(roll: RollRow[], e: EmergencyRow): { counts: RollCounts; missing: ActiveEmergency['missing']; allAccountedAt: string | null } {
  const missing = roll.filter((r) => accountedAt(r) == null);
  const counts = { onSite: roll.length, accounted: roll.length - missing.length, missing: missing.length };
  const times = roll.map(accountedAt).filter((t): t is number => t != null);
  const allAccountedAt = roll.length > 0 && missing.length === 0 ? toInstant(Math.max(e.started_at, ...times)) : null;
  return {
    counts,
    // Written out rather than spread from who(r): the spread cost about 3 µs a person, 6 ms a roll of 2,000.
    missing: missing.map((r) =>
      r.visitor_id != null
        ? { visitorId: r.visitor_id, name: r.name, team: r.team, since: sinceText(r.since) }
        : { employeeNo: r.employee_no ?? undefined, name: r.name, team: r.team, since: sinceText(r.since) },
    ),
    allAccountedAt,
  };
}
