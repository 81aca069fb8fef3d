/** The screen's one emergency store, for every component under the app shell. */
import { createContext, useContext } from 'react';
import type { EmergencyStore } from './emergency-store.js';

export const EmergencyStoreContext = createContext<EmergencyStore | null>(null);

export function useEmergencyStore(): EmergencyStore {
  const store = useContext(EmergencyStoreContext);
  if (!store) throw new Error('useEmergencyStore needs an <EmergencyStoreContext.Provider> above it');
  return store;
}
