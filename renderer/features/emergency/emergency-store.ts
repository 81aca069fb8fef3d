/**
 * The emergency as this screen knows it, kept outside React so that it is there from the first
 * frame and survives every screen change: the hub's `emergency.current` at start, the events as they
 * come (a start takes over the screen on the event alone, before any fetch), a re-fetch on every
 * reconnect, polling while the event stream is down, and the last known state cached for when the
 * hub is gone.
 */
import type {
  ActiveEmergency,
  EmergencyKind,
  EmergencyReport,
  MissingPerson,
  RollCounts,
  SiteEmergencyInfo,
} from '../../../shared/contract/emergency.js';
import type { ApiClient, ConnectionState } from '../../api/client.js';
import { emergencyCache, type CachedEmergency, type FloorPlanImage } from './emergency-cache.js';
import { loadFloorPlan } from './floor-plan-loader.js';

export type LinkState = ConnectionState | 'connecting';

/** What takes over the screen (the same shape is cached). */
export type ShownEmergency = CachedEmergency;

export interface EndedEmergency {
  emergencyId: number;
  drill: boolean;
  /** Known at once on the screen that ended it (emergency.end returns it); fetched elsewhere. */
  report: EmergencyReport | null;
}

export interface EmergencySnapshot {
  /** What takes over the screen; null: nothing does. */
  emergency: ShownEmergency | null;
  info: SiteEmergencyInfo | null;
  floorPlan: FloorPlanImage | null;
  link: LinkState;
  /** When this screen last heard the emergency state from the hub (its own clock), or null. */
  updatedAt: number | null;
  /** The last attempt to ask the hub failed: what is shown may be out of date. */
  stale: boolean;
  /** The emergency that ended while this screen watched, until someone closes its report. */
  ended: EndedEmergency | null;
}

export interface EmergencyStore {
  getSnapshot(): EmergencySnapshot;
  subscribe(listener: () => void): () => void;
  /**
   * The device has its credentials and is about to ask who it is: ask for the running emergency
   * now too. Its answer shows as soon as it comes; `connect` then does not ask again.
   */
  prefetch(): void;
  /** The device is paired and the hub knows it: listen and fetch. */
  connect(): void;
  /** Writes what is pending to the cache now (the page is going away). */
  flush(): void;
  /** The hub could not be reached at start: show what was cached, until `connect`. */
  showCached(): void;
  /** The device is no longer paired: stop, and forget the site's data if `forget`. */
  disconnect(forget: boolean): void;
  refresh(): void;
  /** Counts from a markSafe answer, before the event catches up. */
  applyCounts(emergencyId: number, counts: RollCounts): void;
  /** Someone was just marked safe here: off the list at once (the next fetch confirms it). */
  removeMissing(emergencyId: number, who: { employeeNo?: string; visitorId?: number }): void;
  /** This screen ended it and has the report. */
  endedHere(report: EmergencyReport): void;
  dismissEnded(): void;
}

/** A cached state older than this is not shown as a running emergency. */
const cacheTrustMs = 24 * 60 * 60_000;
/**
 * An emergency this screen heard from the hub this recently is shown again at once when the page
 * starts (a reload, or a renderer the shell restarted), before the hub has answered: the screen
 * keeps showing what it showed. With the stream up the screen hears every end at once and writes
 * it down, and it asks the hub at least every 32 s, so a cache this fresh that still holds an
 * emergency means it was running moments ago; the hub's answer follows within a round trip.
 */
const carryOverMs = 60_000;
const pollDownMs = 4_000;
/** With the stream up, a fetch every 32 s anyway. */
const everyNthTickWhenUp = 8;
const listDelayMs = 150;
/** Information fetched again at start while a cached copy is on hand: after the first paint. */
const deferredLoadMs = 1_500;

const fromActive = (e: ActiveEmergency): ShownEmergency => ({
  id: e.id,
  kind: e.kind,
  drill: e.drill,
  startedAt: e.startedAt,
  counts: e.counts,
  missing: e.missing,
  allAccountedAt: e.allAccountedAt,
});

const sameSubject = (m: MissingPerson, who: { employeeNo?: string; visitorId?: number }) =>
  who.visitorId !== undefined ? m.visitorId === who.visitorId : m.employeeNo !== undefined && m.employeeNo === who.employeeNo;

export function createEmergencyStore(client: ApiClient, cache = emergencyCache): EmergencyStore {
  const listeners = new Set<() => void>();

  const cached = cache.readState();
  const trusted = cached && Date.now() - cached.updatedAt < cacheTrustMs ? cached : null;
  let current: ShownEmergency | null = trusted?.emergency ?? null;
  let updatedAt: number | null = trusted?.updatedAt ?? null;
  let info: SiteEmergencyInfo | null = cache.readInfo();
  let floorPlan: FloorPlanImage | null = cache.readFloorPlan();
  let link: LinkState = 'connecting';
  let ended: EndedEmergency | null = null;
  /** The state came from the hub in this page's life (not only from the cache). */
  let confirmed = false;
  let fetchFailed = false;
  let cachedShown = false;
  /** Shown from the cache at start because it was heard moments ago (see carryOverMs), until the hub answers. */
  let carriedOver = trusted?.emergency != null && Date.now() - trusted.updatedAt < carryOverMs;

  let connected = false;
  /** Asked before `connect` (see prefetch) and not stopped since. */
  let prefetched = false;
  let offs: Array<() => void> = [];
  let ticker: ReturnType<typeof setInterval> | null = null;
  let infoTimer: ReturnType<typeof setTimeout> | null = null;
  let wasUp = false;
  let soon: ReturnType<typeof setTimeout> | null = null;
  let persistTimer: ReturnType<typeof setTimeout> | null = null;
  let ticks = 0;
  /** Bumped by every event that changes the emergency: an answer asked for before it is outdated. */
  let epoch = 0;
  let latestRequest = 0;
  /** The newest request whose answer is shown: an older answer arriving late never replaces it. */
  let shownRequest = 0;
  let loadingPlan = false;
  /** Fetched at least once in this page's life: a site may have changed the plan since it was cached. */
  let confirmedPlan = false;

  let snapshot: EmergencySnapshot = build();

  function build(): EmergencySnapshot {
    const showable = current !== null && (confirmed || fetchFailed || cachedShown || carriedOver);
    return { emergency: showable ? current : null, info, floorPlan, link, updatedAt, stale: fetchFailed, ended };
  }

  function emit() {
    snapshot = build();
    for (const listener of [...listeners]) listener();
  }

  function persistNow() {
    if (persistTimer) clearTimeout(persistTimer);
    persistTimer = null;
    if (updatedAt === null) return;
    cache.writeState({ emergency: current, updatedAt });
  }

  // The list can be long and change often: written at most a few times a second.
  function persistSoon() {
    persistTimer ??= setTimeout(persistNow, 400);
  }

  const asking = () => connected || prefetched;

  async function fetchCurrent(): Promise<void> {
    if (!asking()) return;
    const request = ++latestRequest;
    const asked = epoch;
    try {
      const { emergency } = await client.call('emergency.current', {});
      // An answer overtaken by a newer one is dropped; one that is merely older than a request
      // still on its way is shown (it is the best there is, and a reload must not wait for both).
      if (!asking() || request < shownRequest) return;
      // An event arrived while this was on its way: its news is newer than this answer. The newest
      // request asks again if it too was asked before the event.
      if (asked !== epoch) return request === latestRequest ? fetchSoon(0) : undefined;
      shownRequest = request;
      const firstList = emergency !== null && (current?.id !== emergency.id || current.missing === null);
      if (emergency) {
        current = fromActive(emergency);
        if (ended?.emergencyId === emergency.id) ended = null;
      } else {
        // It ended while this screen heard nothing (the stream was down).
        if (current && confirmed && !ended) ended = { emergencyId: current.id, drill: current.drill, report: null };
        current = null;
      }
      confirmed = true;
      fetchFailed = false;
      cachedShown = false;
      carriedOver = false;
      updatedAt = Date.now();
      // A new emergency (or its first list) is written at once: the hub may be gone a moment later.
      if (firstList || emergency === null) persistNow();
      else persistSoon();
    } catch {
      if (!asking() || request !== latestRequest) return;
      fetchFailed = true;
    }
    emit();
  }

  function fetchSoon(delay = listDelayMs) {
    if (soon) return;
    soon = setTimeout(() => {
      soon = null;
      void fetchCurrent();
    }, delay);
  }

  async function fetchInfo(): Promise<void> {
    try {
      const next = await client.call('emergency.info', {});
      if (!connected) return;
      info = next;
      cache.writeInfo(next);
      emit();
    } catch {
      // The cached information stays on screen.
    }
    void fetchFloorPlan();
  }

  async function fetchFloorPlan(): Promise<void> {
    const url = info?.floorPlanUrl ?? 'floor-plan.svg';
    if (loadingPlan || (floorPlan?.url === url && floorPlan.src.startsWith('data:') && confirmedPlan)) return;
    loadingPlan = true;
    try {
      const plan = await loadFloorPlan(url);
      floorPlan = plan;
      confirmedPlan = true;
      if (plan.src.startsWith('data:')) cache.writeFloorPlan(plan);
      emit();
    } catch {
      // The cached plan (or none) stays.
    } finally {
      loadingPlan = false;
    }
  }
  function onStarted(p: { emergencyId: number; kind: EmergencyKind; drill: boolean }) {
    epoch++;
    if (current?.id !== p.emergencyId) {
      current = { id: p.emergencyId, kind: p.kind, drill: p.drill, startedAt: new Date().toISOString(), counts: null, missing: null, allAccountedAt: null };
    }
    confirmed = true;
    ended = null;
    updatedAt = Date.now();
    emit();
    persistNow();
    void fetchCurrent();
    if (!info || !floorPlan) void fetchInfo();
  }

  function onEnded(p: { emergencyId: number }) {
    epoch++;
    if (current?.id === p.emergencyId) {
      ended ??= { emergencyId: current.id, drill: current.drill, report: null };
      current = null;
    }
    updatedAt = Date.now();
    emit();
    persistNow();
    void fetchCurrent();
  }

  function onRollCall(p: { emergencyId: number } & RollCounts) {
    if (current?.id === p.emergencyId) {
      current = { ...current, counts: { onSite: p.onSite, accounted: p.accounted, missing: p.missing } };
      updatedAt = Date.now();
      emit();
      fetchSoon();
    } else {
      // A roll call for an emergency this screen has not heard of: it missed the start.
      void fetchCurrent();
    }
  }

  function onConnection(state: ConnectionState) {
    // Until the stream broke, every change would have come through it: what is shown was current then.
    if (state === 'down' && link === 'up' && !fetchFailed && updatedAt !== null) {
      updatedAt = Date.now();
      persistSoon();
    }
    link = state;
    emit();
    if (state === 'up') {
      void fetchCurrent();
      // After a reconnect the site's information may have changed too (the first time, connect() asks).
      if (wasUp) void fetchInfo();
      wasUp = true;
    }
  }

  const store: EmergencyStore = {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    prefetch() {
      if (connected || prefetched) return;
      prefetched = true;
      void fetchCurrent();
    },
    connect() {
      if (connected) return;
      connected = true;
      // A cached emergency already on screen stays there until the hub has answered.
      offs = [
        client.on('emergency.started', onStarted),
        client.on('emergency.ended', onEnded),
        client.on('rollcall.changed', onRollCall),
        client.on('presence.changed', () => {
          if (current) fetchSoon(250);
        }),
        client.on('connection', onConnection),
      ];
      ticker = setInterval(() => {
        ticks++;
        // Events are the fast path; this catches what a lost stream let slip.
        if (link !== 'up' || ticks % everyNthTickWhenUp === 0) void fetchCurrent();
        if (!confirmedPlan) void fetchFloorPlan();
      }, pollDownMs);
      // A prefetch already asked; the stream's coming up asks again (it closes the gap before it).
      if (!prefetched || fetchFailed) void fetchCurrent();
      prefetched = false;
      // What only the takeover needs waits until the screen has started (it is cached after the first time).
      infoTimer = setTimeout(() => void fetchInfo(), info ? deferredLoadMs : 0);
    },
    flush: () => persistNow(),
    showCached() {
      if (cachedShown) return;
      cachedShown = true;
      link = 'down';
      emit();
    },
    disconnect(forget) {
      connected = false;
      prefetched = false;
      for (const off of offs) off();
      offs = [];
      if (ticker) clearInterval(ticker);
      if (soon) clearTimeout(soon);
      if (infoTimer) clearTimeout(infoTimer);
      ticker = null;
      soon = null;
      link = 'connecting';
      wasUp = false;
      if (forget) {
        cache.clear();
        current = null;
        info = null;
        floorPlan = null;
        updatedAt = null;
        ended = null;
        confirmed = false;
        fetchFailed = false;
        cachedShown = false;
        carriedOver = false;
      }
      emit();
    },
    refresh() {
      void fetchCurrent();
    },
    applyCounts(emergencyId, counts) {
      if (current?.id !== emergencyId) return;
      current = { ...current, counts };
      emit();
    },
    removeMissing(emergencyId, who) {
      if (current?.id !== emergencyId || !current.missing) return;
      current = { ...current, missing: current.missing.filter((m) => !sameSubject(m, who)) };
      emit();
    },
    endedHere(report) {
      epoch++;
      if (current?.id === report.id) current = null;
      ended = { emergencyId: report.id, drill: report.drill, report };
      updatedAt = Date.now();
      emit();
      persistNow();
    },
    dismissEnded() {
      ended = null;
      emit();
    },
  };
  return store;
}
