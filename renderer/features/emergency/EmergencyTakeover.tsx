/**
 * The evacuation display that takes over every screen: the wall display and the kiosk show it
 * whole; the warden's tablet and the admin show it with the roll call. Nothing on it dismisses it:
 * no close button, Escape and Back do nothing, and only emergency.end with a commanding PIN ends it.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceRole } from '../../../shared/contract/roles.js';
import { alarm } from './alarm.js';
import { Bi } from './Bilingual.js';
import { hereMarker } from './device-settings.js';
import type { EmergencySnapshot, ShownEmergency } from './emergency-store.js';
import { EndEmergencyDialog } from './EndEmergencyDialog.js';
import { AssemblyPoint, Counts, EmergencyBand, EmergencyNumbers, LinkStatus, MissingList, SoundButton, Steps } from './EvacuationParts.js';
import { FloorPlan } from './FloorPlan.js';
import { RollCall } from './RollCall.js';

/** While the takeover is up, Back stays on it: every step back is put back at once. */
function useHoldHistory() {
  useEffect(() => {
    const hold = () => window.history.pushState({ safefloorEmergency: true }, '', window.location.href);
    hold();
    window.addEventListener('popstate', hold);
    return () => window.removeEventListener('popstate', hold);
  }, []);
}

/** The alarm sounds while the takeover is up. */
function useAlarm() {
  useEffect(() => {
    alarm.start();
    return () => alarm.stop();
  }, []);
}

export function EmergencyTakeover({ snapshot, role }: { snapshot: EmergencySnapshot & { emergency: ShownEmergency }; role: DeviceRole | null }) {
  useHoldHistory();
  useAlarm();
  const staff = role === 'warden' || role === 'admin';
  return staff ? <StaffEmergencyScreen snapshot={snapshot} role={role} /> : <EvacuationScreen snapshot={snapshot} role={role} />;
}

function useFocusTitle(titleId: string) {
  // Focus starts on the title: a screen reader announces the emergency, and whatever control had
  // focus on the screen underneath is gone.
  useEffect(() => {
    document.getElementById(titleId)?.focus();
  }, [titleId]);
}

/** The whole evacuation display: wall display, kiosk (with the discreet end button), any other screen. */
function EvacuationScreen({ snapshot, role }: { snapshot: EmergencySnapshot & { emergency: ShownEmergency }; role: DeviceRole | null }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [ending, setEnding] = useState(false);
  const { emergency, info } = snapshot;
  const here = useMemo(() => hereMarker(role), [role]);
  useFocusTitle(titleId);
  return (
    <>
      <main
        className={`evac evac-full ${emergency.drill ? 'evac-is-drill' : 'evac-is-real'}`}
        aria-labelledby={titleId}
        data-testid="evacuation"
        data-kind={emergency.kind}
        data-drill={emergency.drill}
        inert={ending}
        onContextMenu={(event) => event.preventDefault()}
      >
        <EmergencyBand emergency={emergency} titleId={titleId} />
        <div className="evac-where-area">
          <AssemblyPoint info={info} />
        </div>
        {/* Focusable: on a small screen the steps may scroll, and a keyboard must reach them. */}
        <div className="evac-steps-area" tabIndex={0}>
          <Steps kind={emergency.kind} />
        </div>
        <section className="evac-plan-area" aria-labelledby={`${titleId}-plan`}>
          <h2 id={`${titleId}-plan`} className="evac-section-title">
            <Bi k="emergency.plan.title" />
          </h2>
          <FloorPlan plan={snapshot.floorPlan} here={here} />
        </section>
        <div className="evac-roll-area">
          <Counts counts={emergency.counts} />
          <MissingList missing={emergency.missing} autoPage={role === 'display' || role === null} />
        </div>
        <footer className="evac-foot">
          <EmergencyNumbers info={info} />
          <div className="evac-foot-side">
            <LinkStatus snapshot={snapshot} />
            <SoundButton />
            {role === 'kiosk' && (
              <button type="button" className="button button-secondary evac-end-discreet" onClick={() => setEnding(true)}>
                {emergency.drill ? t('emergency.end.drillButton') : t('emergency.end.button')}
              </button>
            )}
          </div>
        </footer>
      </main>
      {ending && <EndEmergencyDialog emergency={emergency} onClose={() => setEnding(false)} />}
    </>
  );
}

/** The warden's tablet and the admin: the roll call first, the evacuation information a tap away. */
function StaffEmergencyScreen({ snapshot, role }: { snapshot: EmergencySnapshot & { emergency: ShownEmergency }; role: DeviceRole | null }) {
  const titleId = useId();
  const [tab, setTab] = useState<'roll' | 'info'>('roll');
  const [ending, setEnding] = useState(false);
  const { emergency, info } = snapshot;
  const here = useMemo(() => hereMarker(role), [role]);
  useFocusTitle(titleId);
  return (
    <>
      <main
        className={`evac evac-staff ${emergency.drill ? 'evac-is-drill' : 'evac-is-real'}`}
        aria-labelledby={titleId}
        data-testid="evacuation"
        data-kind={emergency.kind}
        data-drill={emergency.drill}
        inert={ending}
      >
        <EmergencyBand emergency={emergency} titleId={titleId} compact />
        <div className="evac-tabs">
          <button type="button" className="evac-tab" aria-pressed={tab === 'roll'} onClick={() => setTab('roll')}>
            <Bi k="emergency.rollCall.tabRollCall" />
          </button>
          <button type="button" className="evac-tab" aria-pressed={tab === 'info'} onClick={() => setTab('info')}>
            <Bi k="emergency.rollCall.tabInfo" />
          </button>
        </div>
        {tab === 'roll' ? (
          <RollCall snapshot={snapshot} emergency={emergency} onEnd={() => setEnding(true)} paused={ending} />
        ) : (
          <div className="evac-info">
            <AssemblyPoint info={info} />
            <Steps kind={emergency.kind} />
            <section className="evac-plan-area" aria-labelledby={`${titleId}-plan`}>
              <h2 id={`${titleId}-plan`} className="evac-section-title">
                <Bi k="emergency.plan.title" />
              </h2>
              <FloorPlan plan={snapshot.floorPlan} here={here} />
            </section>
            <EmergencyNumbers info={info} />
            <LinkStatus snapshot={snapshot} />
          </div>
        )}
      </main>
      {ending && <EndEmergencyDialog emergency={emergency} onClose={() => setEnding(false)} />}
    </>
  );
}
