/**
 * Who is on site, kept current: fetched at start, again shortly after every `presence.changed`
 * (a burst of sign-ins at shift start costs one fetch, not one each), and again on every reconnect,
 * since events sent while the link was down are lost.
 */
import { useEffect, useState } from 'react';
import type { OnSite } from '../../../shared/contract/presence.js';
import type { ConnectionState } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';

const refetchDelayMs = 250;

export interface OnSiteState {
  onSite: OnSite | null;
  connection: ConnectionState | 'connecting';
  /** The last fetch failed; what is shown is the last list that came through. */
  stale: boolean;
}

export function useOnSite(): OnSiteState {
  const client = useApi();
  const [onSite, setOnSite] = useState<OnSite | null>(null);
  const [connection, setConnection] = useState<OnSiteState['connection']>('connecting');
  const [stale, setStale] = useState(false);

  useEffect(() => {
    let alive = true;
    let latest = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;

    async function load() {
      pending = null;
      const request = ++latest;
      try {
        const next = await client.call('presence.onSite', {});
        // An older answer arriving after a newer one must not roll the list back.
        if (alive && request === latest) {
          setOnSite(next);
          setStale(false);
        }
      } catch {
        if (alive && request === latest) setStale(true);
      }
    }
    // Not restarted by later events: the list is at most this late, even during a long burst.
    const loadSoon = () => {
      pending ??= setTimeout(() => void load(), refetchDelayMs);
    };

    void load();
    const offChanged = client.on('presence.changed', loadSoon);
    const offConnection = client.on('connection', (state) => {
      setConnection(state);
      if (state === 'up') loadSoon();
    });
    return () => {
      alive = false;
      if (pending) clearTimeout(pending);
      offChanged();
      offConnection();
    };
  }, [client]);

  return { onSite, connection, stale };
}
