/**
 * The admin desk: behind a supervisor's PIN, the day at the door, the self-check review queue,
 * people, roster import, the door's settings (training gate, checklist, briefing), records
 * (signed exports) and devices. Which section shows is plain state, as on the warden's tablet.
 *
 * Leaving the desk alone locks it: the next person at the desk sees the PIN prompt, not the roster.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/contract/device.js';
import { useApi } from '../../api/ApiProvider.js';
import { useIdle } from '../../app/useIdle.js';
import { ReviewQueue } from '../appearance/ReviewQueue.js';
import { TodayScreen } from '../dashboard/TodayScreen.js';
import { DevicesScreen } from '../devices/DevicesScreen.js';
import { ExportsScreen } from '../export/ExportsScreen.js';
import { PeopleScreen } from '../people/PeopleScreen.js';
import { RosterImport } from '../roster/RosterImport.js';
import { DoorSettingsScreen } from '../settings/DoorSettingsScreen.js';
import { AdminSessionContext, type AdminSession } from './admin-session.js';
import { AdminUnlock, type Unlocked } from './AdminUnlock.js';
import '../../styles/warden.css';
import '../../styles/admin.css';

export const adminSections = ['today', 'review', 'people', 'roster', 'door', 'records', 'devices'] as const;
export type AdminSection = (typeof adminSections)[number];

/** Shorter than the hub's own 15 minutes, so the desk locks before a change could be refused. */
const deskIdleMs = 10 * 60_000;

export default function AdminApp({ device: _device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const client = useApi();
  const [unlocked, setUnlocked] = useState<Unlocked | null>(null);
  const [lapsed, setLapsed] = useState(false);
  const [section, setSection] = useState<AdminSection>('today');

  const close = useCallback(
    (why: 'lock' | 'lapsed') => {
      setUnlocked((current) => {
        // The hub forgets the ticket at once; if it cannot be reached, the ticket lapses by itself.
        if (current && why === 'lock') void client.call('admin.lock', { ticket: current.ticket }).catch(() => undefined);
        return null;
      });
      setLapsed(why === 'lapsed');
      setSection('today');
    },
    [client],
  );
  useIdle(deskIdleMs, () => close('lock'), unlocked !== null);

  const session = useMemo<AdminSession | null>(
    () => (unlocked ? { ...unlocked, lock: () => close('lock'), expired: () => close('lapsed') } : null),
    [unlocked, close],
  );

  if (!session) {
    return (
      <main className="warden admin" aria-label={t('roles.admin')}>
        <AdminUnlock
          lapsed={lapsed}
          onUnlocked={(next) => {
            setLapsed(false);
            setUnlocked(next);
          }}
        />
      </main>
    );
  }

  return (
    <AdminSessionContext.Provider value={session}>
      <div className="admin-bar no-print">
        <nav className="admin-nav" aria-label={t('admin.nav.label')}>
          {adminSections.map((name) => (
            <button key={name} type="button" className="nav-tab" aria-current={section === name ? 'page' : undefined} onClick={() => setSection(name)}>
              {t(`admin.nav.${name}`)}
            </button>
          ))}
        </nav>
        <div className="admin-who">
          <span>{t('admin.unlock.signedInAs', { name: session.person.name, employeeNo: session.person.employeeNo })}</span>
          <button type="button" className="button button-secondary" onClick={session.lock}>
            {t('admin.unlock.lock')}
          </button>
        </div>
      </div>
      <main className="warden admin" aria-label={t('roles.admin')}>
        {section === 'today' && <TodayScreen onReview={() => setSection('review')} />}
        {section === 'review' && <ReviewQueue />}
        {section === 'people' && <PeopleScreen />}
        {section === 'roster' && <RosterImport />}
        {section === 'door' && <DoorSettingsScreen />}
        {section === 'records' && <ExportsScreen />}
        {section === 'devices' && <DevicesScreen />}
      </main>
    </AdminSessionContext.Provider>
  );
}
