/**
 * The roll call as one self-contained piece, for any warden or admin screen that wants to show it
 * itself: nothing while no emergency runs; during one, the roll call with its end dialog. (The
 * app shell's takeover already shows it on the warden's tablet and the admin; this is for reuse.)
 */
import { useState, useSyncExternalStore } from 'react';
import { useEmergencyStore } from './context.js';
import { EndEmergencyDialog } from './EndEmergencyDialog.js';
import { RollCall } from './RollCall.js';

export function EmergencyRollCall() {
  const store = useEmergencyStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [ending, setEnding] = useState(false);
  const { emergency } = snapshot;
  if (!emergency) return null;
  return (
    <>
      <RollCall snapshot={snapshot} emergency={emergency} onEnd={() => setEnding(true)} paused={ending} />
      {ending && <EndEmergencyDialog emergency={emergency} onClose={() => setEnding(false)} />}
    </>
  );
}
