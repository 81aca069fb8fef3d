/**
 * Listens anywhere on the page for a USB badge reader acting as a keyboard: printable keys arriving
 * faster than a person types, ending in Enter. A scan's Enter is swallowed so it cannot press a
 * focused button or confirm the keypad.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { wedge } from './timings.js';

/** Real text fields keep their keys (none on the kiosk yet; visitor forms will have them). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

export function useBadgeWedge(onScan: (badge: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });

  // Listening from the moment the screen is painted: a badge scanned right then must not be lost.
  useLayoutEffect(() => {
    let buffer = '';
    let lastKeyAt = -Infinity;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || isTextEntry(event.target)) return;
      const fast = event.timeStamp - lastKeyAt < wedge.maxGapMs;
      if (event.key === 'Enter') {
        const badge = buffer;
        buffer = '';
        if (fast && badge.length >= wedge.minLength) {
          event.preventDefault();
          event.stopImmediatePropagation();
          // A scan is not keyboard navigation: no focus ring should light up on whatever was last tapped.
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          latest.current(badge);
        }
        return;
      }
      // Shift and other named keys come between a reader's characters; they neither count nor break a scan.
      if (event.key.length !== 1) return;
      buffer = fast ? buffer + event.key : event.key;
      lastKeyAt = event.timeStamp;
    };
    // Capture, so the scan is seen before any screen's own key handling.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
