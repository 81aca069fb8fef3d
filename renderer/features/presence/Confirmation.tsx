/** "Signed in at 09:02": big, named, and gone again after a few seconds. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceResult } from '../../../shared/contract/presence.js';
import { formatTime } from '../../app/format.js';
import { kioskTimings } from './timings.js';

export function Confirmation({ result, onDone }: { result: PresenceResult; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  useEffect(() => {
    const timer = setTimeout(() => doneRef.current(), kioskTimings.confirmationMs);
    return () => clearTimeout(timer);
  }, []);

  const signedIn = result.event.kind === 'in';
  const time = formatTime(result.event.at, i18n.language);
  return (
    <main className={`confirmation ${signedIn ? 'confirmation-in' : 'confirmation-out'}`} aria-labelledby="confirmation-title">
      <div role="status" className="confirmation-body">
        <div className="confirmation-mark" aria-hidden="true">
          ✓
        </div>
        <h1 id="confirmation-title" className="confirmation-title">
          {signedIn ? t('confirmation.signedInTitle') : t('confirmation.signedOutTitle')}
        </h1>
        <p className="confirmation-name">{result.person.name}</p>
        <p className="confirmation-team">{result.person.team}</p>
        <p className="confirmation-time">
          {signedIn ? t('confirmation.signedInAt', { time }) : t('confirmation.signedOutAt', { time })}
        </p>
      </div>
      <button type="button" className="button button-primary confirmation-done" onClick={onDone}>
        {t('confirmation.done')}
      </button>
      <div
        className="countdown"
        aria-hidden="true"
        style={{ animationDuration: `${kioskTimings.confirmationMs}ms` }}
      />
    </main>
  );
}
