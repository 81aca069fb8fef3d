/**
 * The kiosk's hardware key for an emergency (a key combination stored per device, see
 * device-settings.ts): it opens the same PIN dialog as the corner button, never more.
 */
import { useEffect, useRef } from 'react';
import { emergencyHotkey, matchesHotkey } from './device-settings.js';

export function useEmergencyHotkey(onPress: () => void, active = true): void {
  const latest = useRef(onPress);
  useEffect(() => {
    latest.current = onPress;
  });
  useEffect(() => {
    if (!active) return;
    const spec = emergencyHotkey();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || !matchesHotkey(event, spec)) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [active]);
}
