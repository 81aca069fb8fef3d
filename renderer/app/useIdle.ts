/** Calls `onIdle` once nobody has touched the screen or pressed a key for `timeoutMs`. */
import { useEffect, useRef } from 'react';

const activity = ['pointerdown', 'keydown', 'wheel'] as const;

export function useIdle(timeoutMs: number, onIdle: () => void, active = true): void {
  const latest = useRef(onIdle);
  useEffect(() => {
    latest.current = onIdle;
  });

  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(() => latest.current(), timeoutMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), timeoutMs);
    };
    for (const type of activity) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, restart, { capture: true });
    };
  }, [timeoutMs, active]);
}
