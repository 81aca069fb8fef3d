/**
 * An unseen rehearsal of the takeover, laid out while there is no emergency: the same pieces with
 * the same classes, so every font (weight, script and size) and the floor plan the takeover needs
 * are loaded already. On a two-core kiosk, matching fonts and decoding the plan cost more than
 * drawing the whole display; rehearsed, the takeover is drawn in one short frame. Nothing in it can
 * be focused or read out; it holds no timers.
 */
import type { DeviceRole } from '../../../shared/contract/roles.js';
import type { SiteEmergencyInfo } from '../../../shared/contract/emergency.js';
import { Bi } from './Bilingual.js';
import type { FloorPlanImage } from './emergency-cache.js';
import { AssemblyPoint, Counts, EmergencyBand, EmergencyNumbers, Rehearsal, Steps } from './EvacuationParts.js';

const sample = { id: 1, kind: 'fire', drill: true, startedAt: '2026-01-01T00:00:00.000Z', counts: null, missing: null, allAccountedAt: null } as const;
const counts = { onSite: 8, accounted: 8, missing: 8 };

export function TakeoverRehearsal({ role, info, floorPlan }: { role: DeviceRole | null; info: SiteEmergencyInfo | null; floorPlan: FloorPlanImage | null }) {
  const staff = role === 'warden' || role === 'admin';
  return (
    <Rehearsal.Provider value={true}>
      <div className="evac-warm" aria-hidden="true">
        <div className={`evac ${staff ? 'evac-staff' : 'evac-full'} evac-is-drill`}>
          <EmergencyBand emergency={{ ...sample, drill: false }} titleId="" compact={staff} />
          <EmergencyBand emergency={sample} titleId="" compact={staff} />
          <AssemblyPoint info={info} />
          <Steps kind="gas" />
          <EmergencyNumbers info={info} />
          {staff ? (
            <div className="roll">
              <div className="roll-main">
                <p className="roll-title">
                  <Bi k="emergency.rollCall.title" />
                </p>
                <div className="roll-person">
                  <span className="roll-person-name">
                    <Bi k="emergency.missing.title" />
                  </span>
                  <span className="roll-person-detail">
                    <Bi k="emergency.missing.since" values={{ time: '00:00' }} />
                  </span>
                  <span className="roll-person-action">{<Bi k="emergency.rollCall.markSafe" />}</span>
                </div>
              </div>
              <div className="roll-side">
                <Counts counts={counts} />
                <AssemblyPoint info={info} />
              </div>
            </div>
          ) : (
            <>
              <Counts counts={counts} />
              <p className="evac-section-title">
                <Bi k="emergency.missing.title" />
              </p>
              <div className="evac-person">
                <span className="evac-person-name">
                  <Bi k="emergency.missing.title" />
                </span>
                <span className="evac-person-team">
                  <Bi k="emergency.missing.visitor" />
                </span>
                <span className="evac-person-since">
                  <Bi k="emergency.missing.since" values={{ time: '00:00' }} />
                </span>
              </div>
            </>
          )}
          <p className="evac-link evac-link-live">
            <Bi k="emergency.link.live" />
          </p>
          {floorPlan && <img className="evac-warm-img" src={floorPlan.src} alt="" />}
        </div>
      </div>
    </Rehearsal.Provider>
  );
}
