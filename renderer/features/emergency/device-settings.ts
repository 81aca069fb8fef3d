/**
 * What each screen knows about its own place on the floor and its hardware: where it hangs on the
 * floor plan ("you are here") and which key combination opens the emergency start on a kiosk.
 * Stored per browser; set once by opening the app with `?here=57,66` (percent across, down the plan)
 * and/or `?emergencyKey=Control+Alt+KeyE` (or `F12`, or `off`). The shell's device settings can
 * pass the same parameters.
 */
import type { DeviceRole } from '../../../shared/contract/roles.js';

export const deviceSettingKeys = {
  here: 'safefloor.device.here',
  hotkey: 'safefloor.device.emergencyKey',
} as const;

export interface HereMarker {
  /** Percent of the plan's width and height. */
  x: number;
  y: number;
}

/** The kiosk stands in the entrance hall of the default plan; other screens say where they are. */
const kioskDefault: HereMarker = { x: 57, y: 66 };
export const defaultHotkey = 'Control+Alt+KeyE';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not kept: the default applies next time.
  }
}

export function parseHere(value: string | null): HereMarker | null {
  const match = value ? /^\s*(\d{1,3}(?:\.\d+)?)\s*,\s*(\d{1,3}(?:\.\d+)?)\s*$/.exec(value) : null;
  if (!match) return null;
  const x = Number(match[1]);
  const y = Number(match[2]);
  return x <= 100 && y <= 100 ? { x, y } : null;
}

const modifierNames = ['Control', 'Alt', 'Shift', 'Meta'] as const;

export function isHotkey(value: string): boolean {
  if (value === 'off') return true;
  const parts = value.split('+');
  const key = parts.pop();
  return !!key && /^[A-Za-z0-9]+$/.test(key) && parts.every((p) => (modifierNames as readonly string[]).includes(p));
}

/** Takes the settings from the address (once) and removes them from it. */
export function applySettingsFromUrl(location: Location, history: History): void {
  const params = new URLSearchParams(location.search);
  let changed = false;
  const here = params.get('here');
  if (here !== null) {
    if (parseHere(here) || here === 'none') write(deviceSettingKeys.here, here);
    params.delete('here');
    changed = true;
  }
  const hotkey = params.get('emergencyKey');
  if (hotkey !== null) {
    if (isHotkey(hotkey)) write(deviceSettingKeys.hotkey, hotkey);
    params.delete('emergencyKey');
    changed = true;
  }
  if (changed) {
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }
}

export function hereMarker(role: DeviceRole | null): HereMarker | null {
  const stored = read(deviceSettingKeys.here);
  if (stored === 'none') return null;
  return parseHere(stored) ?? (role === 'kiosk' ? kioskDefault : null);
}

export function emergencyHotkey(): string {
  const stored = read(deviceSettingKeys.hotkey);
  return stored && isHotkey(stored) ? stored : defaultHotkey;
}

export function matchesHotkey(event: KeyboardEvent, spec: string): boolean {
  if (spec === 'off') return false;
  const parts = spec.split('+');
  const key = parts.pop() ?? '';
  const wants = new Set(parts);
  if (event.ctrlKey !== wants.has('Control') || event.altKey !== wants.has('Alt')) return false;
  if (event.shiftKey !== wants.has('Shift') || event.metaKey !== wants.has('Meta')) return false;
  return event.code.toLowerCase() === key.toLowerCase() || event.key.toLowerCase() === key.toLowerCase();
}
