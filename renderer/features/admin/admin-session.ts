/**
 * The admin screens are opened with a supervisor's or admin's PIN (`admin.unlock`); the ticket it
 * gives stands in for the PIN in every change's `auth` until the hub lets it lapse. Screens get it
 * from here, and report a lapsed ticket back so the desk locks itself again.
 */
import { createContext, useCallback, useContext } from 'react';
import type { PersonSummary } from '../../../shared/contract/presence.js';
import type { SupervisorAuth } from '../../../shared/contract/people.js';
import { asApiCallError } from '../../api/client.js';

export interface AdminSession {
  ticket: string;
  person: PersonSummary;
  /** Close the admin screens now (the ticket stops working at once). */
  lock(): void;
  /** The hub said the ticket lapsed: ask for the PIN again. */
  expired(): void;
}

export const AdminSessionContext = createContext<AdminSession | null>(null);

export function useAdminSession(): AdminSession {
  const session = useContext(AdminSessionContext);
  if (!session) throw new Error('useAdminSession outside the unlocked admin screens');
  return session;
}

/** The `auth` every admin write carries. */
export function useAdminAuth(): SupervisorAuth {
  return { ticket: useAdminSession().ticket };
}

/**
 * Wraps a write so that a lapsed ticket locks the desk (the PIN prompt explains why) instead of
 * leaving a screen that refuses everything. Other refusals are thrown on to the screen.
 */
export function useWhileUnlocked(): <T>(work: () => Promise<T>) => Promise<T> {
  const { expired } = useAdminSession();
  return useCallback(
    async <T,>(work: () => Promise<T>) => {
      try {
        return await work();
      } catch (err) {
        if (asApiCallError(err).code === 'admin_session_expired') expired();
        throw err;
      }
    },
    [expired],
  );
}
