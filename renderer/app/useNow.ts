/** The current time, refreshed every `stepMs` (a clock on the wall needs no more than that). */
import { useEffect, useState } from 'react';

export function useNow(stepMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / stepMs) * stepMs), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}
