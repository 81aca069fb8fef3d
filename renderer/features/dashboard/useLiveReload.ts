/**
 * Keeps a supervisor's screen current without a reload button: again when someone signs in or out
 * (`presence.changed`, a burst of them coalesced), when the event stream comes back after a drop,
 * and every 30 s anyway (self-checks and resolutions have no event of their own).
 */
import { useEffect, useRef } from 'react';
import { useApi } from '../../api/ApiProvider.js';

export const liveRefreshMs = 30_000;
const burstMs = 750;

export function useLiveReload(reload: () => void, { events = true }: { events?: boolean } = {}): void {
  const client = useApi();
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        latest.current();
      }, burstMs);
    };
    const offs = events
      ? [client.on('presence.changed', soon), client.on('connection', (state) => state === 'up' && soon())]
      : [];
    const every = setInterval(() => latest.current(), liveRefreshMs);
    return () => {
      for (const off of offs) off();
      clearInterval(every);
      if (pending) clearTimeout(pending);
    };
  }, [client, events]);
}
