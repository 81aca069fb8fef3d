/**
 * The entrance kiosk: scan a badge anywhere, or tap to enter an employee number and PIN; a
 * confirmation names the person, then the home screen returns with nothing of them left on it.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential, PresenceResult } from '../../../shared/contract/presence.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useIdle } from '../../app/useIdle.js';
import { StartEmergencyDialog } from '../emergency/StartEmergencyDialog.js';
import { useEmergencyHotkey } from '../emergency/useEmergencyHotkey.js';
import { Confirmation } from './Confirmation.js';
import { KeypadEntry } from './KeypadEntry.js';
import type { ToggleOutcome } from './kiosk-outcome.js';
import { KioskClock } from './KioskClock.js';
import { kioskTimings } from './timings.js';
import { useBadgeWedge } from './useBadgeWedge.js';
import { useErrorText } from './useErrorText.js';

type KioskView =
  | { name: 'home'; notice: ApiCallError | null }
  | { name: 'entry' }
  | { name: 'done'; result: PresenceResult };

const freshHome: KioskView = { name: 'home', notice: null };

export function KioskHome({ roleName }: { roleName: string }) {
  const client = useApi();
  const [view, setView] = useState<KioskView>(freshHome);
  const [busy, setBusy] = useState(false);
  // A ref as well as state: two scans in the same tick must not both get through.
  const busyRef = useRef(false);
  const goHome = useCallback(() => setView(freshHome), []);
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
        setView({ name: 'done', result });
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

  return (
    <AppFrame subtitle={roleName}>
      {view.name === 'home' && (
        <KioskWelcome notice={view.notice} busy={busy} onEnterNumber={() => setView({ name: 'entry' })} onEmergency={() => setStarting(true)} />
      )}
      {view.name === 'entry' && <KeypadEntry busy={busy} onSubmit={toggle} onCancel={goHome} />}
      {view.name === 'done' && <Confirmation key={view.result.event.id} result={view.result} onDone={goHome} />}
      {starting && <StartEmergencyDialog onClose={closeStart} />}
    </AppFrame>
  );
}

function KioskWelcome({
  notice,
  busy,
  onEnterNumber,
  onEmergency,
}: {
  notice: ApiCallError | null;
  busy: boolean;
  onEnterNumber(): void;
  onEmergency(): void;
}) {
  const { t } = useTranslation();
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
      <button type="button" className="button button-primary kiosk-enter" onClick={onEnterNumber}>
        {t('kiosk.enterNumber')}
      </button>
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
