/**
 * One change on the admin desk: sent with the desk's ticket as `auth`, a lapsed ticket locks the
 * desk, and any other refusal is kept for the form to show (the form keeps what was typed).
 */
import { useCallback, useState } from 'react';
import type { SupervisorAuth } from '../../../shared/contract/people.js';
import { asApiCallError, type ApiCallError, type ApiClient } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';

export interface AdminAction {
  /** Runs the change; its answer, or undefined when it was refused (see `error`). */
  run<T>(work: (client: ApiClient, auth: SupervisorAuth) => Promise<T>): Promise<T | undefined>;
  busy: boolean;
  error: ApiCallError | null;
  clearError(): void;
}

export function useAdminAction(): AdminAction {
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const ticket = auth && 'ticket' in auth ? auth.ticket : '';

  const run = useCallback(
    async <T,>(work: (client: ApiClient, auth: SupervisorAuth) => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await whileUnlocked(() => work(client, { ticket }));
      } catch (err) {
        setError(asApiCallError(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [client, ticket, whileUnlocked],
  );
  const clearError = useCallback(() => setError(null), []);
  return { run, busy, error, clearError };
}
