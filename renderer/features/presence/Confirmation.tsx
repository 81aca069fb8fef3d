/** "Signed in at 09:02": big, named, and gone again after a few seconds. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresenceResult } from '../../../shared/contract/presence.js';
import { formatTime } from '../../app/format.js';
import { kioskTimings } from './timings.js';
import { TrainingWarning } from './TrainingWarning.js';
import '../../styles/door.css';

export function Confirmation({ result, onDone }: { result: PresenceResult; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  // A training warning needs longer to read than a name and a time.
  const warned = result.training !== null && result.training.status !== 'ok';
  const showForMs = warned ? kioskTimings.doneMs : kioskTimings.confirmationMs;
  useEffect(() => {
    const timer = setTimeout(() => doneRef.current(), showForMs);
    return () => clearTimeout(timer);
  }, [showForMs]);

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
      <TrainingWarning training={result.training} />
      <button type="button" className="button button-primary confirmation-done" onClick={onDone}>
        {t('confirmation.done')}
      </button>
      <div
        className="countdown"
        aria-hidden="true"
        style={{ animationDuration: `${showForMs}ms` }}
      />
    </main>
  );
}
