/**
 * Keeps a supervisor's screen current without a reload button: again when the hub announces a
 * change the screen shows (by default someone signing in or out, `presence.changed`, and a
 * self-check submitted or resolved, `appearance.changed`; a burst of them coalesced), when the
 * event stream comes back after a drop (what happened meanwhile was not heard), and every 30 s anyway.
 */
import { useEffect, useRef } from 'react';
import type { EventName } from '../../../shared/contract/events.js';
import { useApi } from '../../api/ApiProvider.js';

export const liveRefreshMs = 30_000;
const burstMs = 750;

const everyChange: readonly EventName[] = ['presence.changed', 'appearance.changed'];

export function useLiveReload(reload: () => void, { on = everyChange }: { on?: readonly EventName[] } = {}): void {
  const client = useApi();
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  // The names as one value, so that a list written inline does not subscribe again on every render.
  const names = on.join(' ');

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const soon = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        latest.current();
      }, burstMs);
    };
    const offs = [
      ...(names ? (names.split(' ') as EventName[]) : []).map((name) => client.on(name, soon)),
      client.on('connection', (state) => state === 'up' && soon()),
    ];
    const every = setInterval(() => latest.current(), liveRefreshMs);
    return () => {
      for (const off of offs) off();
      clearInterval(every);
      if (pending) clearTimeout(pending);
    };
  }, [client, names]);
}
