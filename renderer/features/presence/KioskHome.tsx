/**
 * The entrance kiosk: scan a badge anywhere, or tap to enter an employee number and PIN; a
 * confirmation names the person, then the home screen returns with nothing of them left on it.
 * The first sign-in of someone's day goes straight on to the appearance self-check; visitors sign
 * in and out from here too. Every flow goes home by itself after the device's idle time, and
 * everything a person typed or was shown lives in the flow's own state, so it goes with it.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential, PresenceResult } from '../../../shared/contract/presence.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useIdle } from '../../app/useIdle.js';
import { SelfCheck } from '../appearance/SelfCheck.js';
import { useBothLanguages } from '../emergency/Bilingual.js';
import { StartEmergencyDialog } from '../emergency/StartEmergencyDialog.js';
import { useEmergencyHotkey } from '../emergency/useEmergencyHotkey.js';
import { Confirmation } from './Confirmation.js';
import { KeypadEntry } from './KeypadEntry.js';
import type { ToggleOutcome } from './kiosk-outcome.js';
import { KioskClock } from './KioskClock.js';
import { kioskFlowIdleMs } from './kiosk-idle.js';
import { kioskTimings } from './timings.js';
import { useBadgeWedge } from './useBadgeWedge.js';
import { useErrorText } from './useErrorText.js';
import { VisitorDesk } from '../visitors/VisitorDesk.js';
import '../../styles/door.css';

type KioskView =
  | { name: 'home'; notice: ApiCallError | null }
  | { name: 'entry' }
  | { name: 'done'; result: PresenceResult }
  | { name: 'selfCheck'; result: PresenceResult }
  | { name: 'visitors' };

/** A sign-in that opens the day (no self-check yet) goes on to the self-check, ticket in hand. */
const afterPass = (result: PresenceResult): KioskView =>
  result.event.kind === 'in' && result.selfCheckDue && result.selfCheckTicket ? { name: 'selfCheck', result } : { name: 'done', result };

const freshHome: KioskView = { name: 'home', notice: null };

export function KioskHome({ roleName }: { roleName: string }) {
  const client = useApi();
  const [view, setView] = useState<KioskView>(freshHome);
  const [busy, setBusy] = useState(false);
  // A ref as well as state: two scans in the same tick must not both get through.
  const busyRef = useRef(false);
  const goHome = useCallback(() => setView(freshHome), []);
  const [flowIdleMs] = useState(kioskFlowIdleMs);
  // The emergency start (corner button or hardware key): over the home screen, never over someone's entry.
  const [starting, setStarting] = useState(false);
  const closeStart = useCallback(() => setStarting(false), []);
  useEmergencyHotkey(() => {
    setView(freshHome);
    setStarting(true);
  });

  const toggle = useCallback(
    async (credential: Credential): Promise<ToggleOutcome> => {
      if (busyRef.current) return 'ignored';
      busyRef.current = true;
      setBusy(true);
      try {
        const result = await client.call('presence.toggle', credential);
        setView(afterPass(result));
        return 'done';
      } catch (err) {
        return asApiCallError(err);
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
    [client],
  );

  useBadgeWedge(async (badge) => {
    if (starting) return;
    const outcome = await toggle({ badge });
    if (typeof outcome !== 'string') setView({ name: 'home', notice: outcome });
  });

  useIdle(kioskTimings.entryIdleMs, goHome, view.name === 'entry');
  useIdle(kioskTimings.noticeMs, goHome, view.name === 'home' && view.notice !== null);
  useIdle(flowIdleMs, goHome, view.name === 'visitors' || view.name === 'selfCheck');

  return (
    <AppFrame subtitle={roleName}>
      {view.name === 'home' && (
        <KioskWelcome
          notice={view.notice}
          busy={busy}
          onEnterNumber={() => setView({ name: 'entry' })}
          onVisitor={() => setView({ name: 'visitors' })}
          onEmergency={() => setStarting(true)}
        />
      )}
      {view.name === 'entry' && <KeypadEntry busy={busy} onSubmit={toggle} onCancel={goHome} />}
      {view.name === 'done' && <Confirmation key={view.result.event.id} result={view.result} onDone={goHome} />}
      {view.name === 'selfCheck' && <SelfCheck key={view.result.event.id} result={view.result} onDone={goHome} />}
      {view.name === 'visitors' && <VisitorDesk onDone={goHome} />}
      {starting && <StartEmergencyDialog onClose={closeStart} />}
    </AppFrame>
  );
}

function KioskWelcome({
  notice,
  busy,
  onEnterNumber,
  onVisitor,
  onEmergency,
}: {
  notice: ApiCallError | null;
  busy: boolean;
  onEnterNumber(): void;
  onVisitor(): void;
  onEmergency(): void;
}) {
  const { t } = useTranslation();
  const { first, second, t1, t2 } = useBothLanguages();
  const errorText = useErrorText();
  return (
    <main className="kiosk" aria-labelledby="kiosk-title">
      <KioskClock />
      <section className="kiosk-prompt">
        <h1 id="kiosk-title" className="kiosk-title">
          {t('kiosk.title')}
        </h1>
        <p className="kiosk-scan">{t('kiosk.scanPrompt')}</p>
      </section>
      <div className="kiosk-actions">
        <button type="button" className="button button-primary kiosk-enter" onClick={onEnterNumber}>
          {t('kiosk.enterNumber')}
        </button>
        {/* Both languages: a visitor may not read the one the kiosk shows. */}
        <button type="button" className="button button-secondary kiosk-visitor" onClick={onVisitor}>
          <span lang={first}>{t1('door.home.visitor')}</span>{' '}
          <span className="kiosk-visitor-second" lang={second}>
            {t2('door.home.visitor')}
          </span>
        </button>
      </div>
      <div className="kiosk-message" role="alert">
        {notice && <p className="notice notice-error">{errorText(notice)}</p>}
        {busy && <p className="notice">{t('kiosk.processing')}</p>}
      </div>
      <button type="button" className="kiosk-emergency" onClick={onEmergency}>
        {t('emergency.start.kioskButton')}
      </button>
    </main>
  );
}
