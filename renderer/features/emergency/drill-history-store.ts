/**
 * The drill history (emergency.history) for the warden's and admin's screens: fetched once, kept
 * for a few minutes, and again after an emergency or drill ends.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { EmergencyHistory } from '../../../shared/contract/emergency.js';
import { asApiCallError, type ApiCallError, type ApiClient } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';

export interface DrillHistoryState {
  history: EmergencyHistory | null;
  error: ApiCallError | null;
}

const freshForMs = 5 * 60_000;

function createDrillHistory() {
  let state: DrillHistoryState = { history: null, error: null };
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: DrillHistoryState) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load(client: ApiClient, force = false): Promise<void> {
      if (loading) return loading;
      if (!force && Date.now() - loadedAt < freshForMs) return Promise.resolve();
      loading = client
        .call('emergency.history', {})
        .then(
          (history) => {
            loadedAt = Date.now();
            set({ history, error: null });
          },
          (err: unknown) => set({ history: state.history, error: asApiCallError(err) }),
        )
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    invalidate() {
      loadedAt = -Infinity;
    },
  };
}

export const drillHistory = createDrillHistory();

export function useDrillHistory(force = false): DrillHistoryState {
  const client = useApi();
  const state = useSyncExternalStore(drillHistory.subscribe, drillHistory.get);
  useEffect(() => {
    void drillHistory.load(client, force);
  }, [client, force]);
  return state;
}
