/** Who is calling and in which language: passed from each door (HTTP, IPC, CLI) to the services. Runs in: the hub. */
import type { Language } from '../../shared/i18n/index.js';
import type { DeviceRow } from './db/stores/devices.js';

export interface Caller {
  /** The paired device making the call; null for public methods and the local command line. */
  device: DeviceRow | null;
  language: Language;
}

/** The audit log's name for a caller: an id, never a person. */
export const actorOf = (caller: Caller): string => (caller.device ? `device:${caller.device.id}` : 'local');
