/**
 * Data from the hub for one screen: loaded when the screen opens (and again on `reload`), the last
 * answer kept on screen while a new one is on its way, and a refusal or failure as an ApiCallError.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiCallError, type ApiCallError, type ApiClient } from '../api/client.js';
import { useApi } from '../api/ApiProvider.js';

export interface HubQuery<T> {
  data: T | undefined;
  error: ApiCallError | null;
  loading: boolean;
  reload(): void;
}

export function useHubQuery<T>(load: (client: ApiClient) => Promise<T>, key = ''): HubQuery<T> {
  const client = useApi();
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: ApiCallError | null; settled: string }>({
    data: undefined,
    error: null,
    settled: '',
  });

  useEffect(() => {
    let alive = true;
    const request = `${key}#${version}`;
    loadRef.current(client).then(
      (data) => {
        if (alive) setState({ data, error: null, settled: request });
      },
      (err: unknown) => {
        if (alive) setState((s) => ({ data: s.data, error: asApiCallError(err), settled: request }));
      },
    );
    return () => {
      alive = false;
    };
  }, [client, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: state.data, error: state.error, loading: state.settled !== `${key}#${version}`, reload };
}
