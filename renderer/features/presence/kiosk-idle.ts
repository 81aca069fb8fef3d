/**
 * How long the visitor and self-check flows wait for a touch before the kiosk goes home: the
 * device's own setting (the shell's `kioskIdleSeconds`, 10 s to an hour, 90 s unless set), passed
 * like the other device settings in the address once (`?kioskIdleSeconds=60`) and kept per browser.
 */
import { kioskTimings } from './timings.js';

export const idleSettingKey = 'safefloor.device.kioskIdleSeconds';
const param = 'kioskIdleSeconds';
const minSeconds = 10;
const maxSeconds = 3600;

export function parseIdleSeconds(value: string | null): number | null {
  if (value === null || !/^\d{1,4}$/.test(value.trim())) return null;
  const seconds = Number(value);
  return seconds >= minSeconds && seconds <= maxSeconds ? seconds : null;
}

function stored(): string | null {
  try {
    return window.localStorage.getItem(idleSettingKey);
  } catch {
    return null;
  }
}

/** Takes a setting from the address (and out of it, so a reload or a bookmark does not carry it). */
function takeFromAddress(): void {
  const params = new URLSearchParams(window.location.search);
  const value = params.get(param);
  if (value === null) return;
  if (parseIdleSeconds(value) !== null) {
    try {
      window.localStorage.setItem(idleSettingKey, value.trim());
    } catch {
      // Not kept: the default applies.
    }
  }
  params.delete(param);
  const search = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`);
}

/** The idle time for the kiosk's flows, in milliseconds. */
export function kioskFlowIdleMs(): number {
  takeFromAddress();
  const seconds = parseIdleSeconds(stored());
  return seconds === null ? kioskTimings.flowIdleMs : seconds * 1000;
}
