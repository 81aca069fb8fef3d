/**
 * The app shell's emergency layer, above every route. While an emergency runs, the screen under it
 * is not hidden but gone (unmounted): a half-typed number or PIN, a name on a confirmation, a key
 * listener waiting for digits. When it ends the screen starts afresh, with nothing of before.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { DeviceRole } from '../../../shared/contract/roles.js';
import { BothLanguagesProvider } from './Bilingual.js';
import { drillHistory } from './drill-history-store.js';
import type { EmergencyStore, ShownEmergency, EmergencySnapshot } from './emergency-store.js';
import { EmergencyReportView } from './EmergencyReportView.js';
import { EmergencyTakeover } from './EmergencyTakeover.js';
import { TakeoverRehearsal } from './TakeoverRehearsal.js';

const rehearseAfterMs = 1_000;

const hasEmergency = (s: EmergencySnapshot): s is EmergencySnapshot & { emergency: ShownEmergency } => s.emergency !== null;

export function EmergencyLayer({ store, role, children }: { store: EmergencyStore; role: DeviceRole | null; children: ReactNode }) {
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const staff = role === 'warden' || role === 'admin';
  const endedId = snapshot.ended?.emergencyId;

  // The rehearsal waits until the screen has started: it must not slow the first paint.
  const [rehearse, setRehearse] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setRehearse(true), rehearseAfterMs);
    return () => clearTimeout(timer);
  }, []);

  // A finished drill changes the drill history (and whether one is overdue).
  useEffect(() => {
    if (endedId !== undefined) drillHistory.invalidate();
  }, [endedId]);

  return <BothLanguagesProvider>{shown()}</BothLanguagesProvider>;

  function shown() {
    if (hasEmergency(snapshot)) return <EmergencyTakeover key={snapshot.emergency.id} snapshot={snapshot} role={role} />;
    if (snapshot.ended && staff) return <EmergencyReportView ended={snapshot.ended} onDone={store.dismissEnded} />;
    return (
      <>
        {children}
        {rehearse && <TakeoverRehearsal role={role} info={snapshot.info} floorPlan={snapshot.floorPlan} />}
      </>
    );
  }
}
