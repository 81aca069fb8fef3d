/**
 * What a screen remembers about the emergency between fetches and across a lost hub: the last
 * confirmed state, the site's emergency information and the floor plan (as a data URL, so it shows
 * without the hub). localStorage, because a screen that reloads while the hub is away still has it.
 */
import type { EmergencyKind, MissingPerson, RollCounts, SiteEmergencyInfo } from '../../../shared/contract/emergency.js';

export const emergencyStorageKeys = {
  state: 'safefloor.emergency.state',
  info: 'safefloor.emergency.info',
  floorPlan: 'safefloor.emergency.floorPlan',
} as const;

/** The emergency as shown: counts and list are null between the start event and the first fetch. */
export interface CachedEmergency {
  id: number;
  kind: EmergencyKind;
  drill: boolean;
  startedAt: string;
  counts: RollCounts | null;
  missing: MissingPerson[] | null;
  allAccountedAt: string | null;
}

export interface CachedState {
  emergency: CachedEmergency | null;
  /** When this screen last heard the state from the hub (its own clock, ms). */
  updatedAt: number;
}

export interface FloorPlanImage {
  /** A data: URL when it could be fetched and kept, else the URL itself. */
  src: string;
  /** The URL it came from, to know when the site changes it. */
  url: string;
  width: number;
  height: number;
}

function read<T>(key: string): T | null {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Full or switched off: the screen still shows what it has in memory.
  }
}

export const emergencyCache = {
  readState: () => read<CachedState>(emergencyStorageKeys.state),
  writeState: (state: CachedState) => write(emergencyStorageKeys.state, state),
  readInfo: () => read<SiteEmergencyInfo>(emergencyStorageKeys.info),
  writeInfo: (info: SiteEmergencyInfo) => write(emergencyStorageKeys.info, info),
  readFloorPlan: () => read<FloorPlanImage>(emergencyStorageKeys.floorPlan),
  writeFloorPlan: (plan: FloorPlanImage) => write(emergencyStorageKeys.floorPlan, plan),
  /** A screen that is no longer paired keeps nothing of the site. */
  clear() {
    for (const key of Object.values(emergencyStorageKeys)) write(key, null);
  },
};
