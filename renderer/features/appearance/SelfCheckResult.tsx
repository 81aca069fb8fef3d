/**
 * The self-check's answer: passed, or sent to the supervisor with the items that need seeing to.
 * Like the sign-in confirmation it names the person, so it goes home by itself after a few seconds.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppearanceItem } from '../../../shared/contract/appearance.js';
import type { MethodOutput } from '../../../shared/contract/methods.js';
import { isLanguage } from '../../../shared/i18n/index.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { kioskTimings } from '../presence/timings.js';

export type SelfCheckOutcome = MethodOutput<'appearance.submit'>;

export function SelfCheckResult({ outcome, flagged, onDone }: { outcome: SelfCheckOutcome; flagged: AppearanceItem[]; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const heading = useFocusHeading();
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  useEffect(() => {
    const timer = setTimeout(() => doneRef.current(), kioskTimings.doneMs);
    return () => clearTimeout(timer);
  }, []);

  const queued = outcome.queued;
  const required = flagged.filter((item) => item.required);
  const optional = flagged.filter((item) => !item.required);
  return (
    <main className={`confirmation door-result ${queued ? 'door-result-queued' : 'door-result-passed'}`} aria-labelledby="self-check-result-title">
      <div className="confirmation-body" role="status">
        <div className="confirmation-mark" aria-hidden="true">
          {queued ? '!' : '✓'}
        </div>
        <h1 id="self-check-result-title" className="confirmation-title" ref={heading} tabIndex={-1}>
          {queued ? t('door.selfCheck.resultQueuedTitle') : t('door.selfCheck.resultPassedTitle')}
        </h1>
        <p className="confirmation-name">{outcome.person.name}</p>
        <p className="door-result-body">{queued ? t('door.selfCheck.resultQueuedBody') : t('door.selfCheck.resultPassedBody')}</p>
        {required.length > 0 && (
          <ul className="door-result-items" aria-label={t('door.selfCheck.resultFlaggedLabel')}>
            {required.map((item) => (
              <li key={item.id}>{item.label[language]}</li>
            ))}
          </ul>
        )}
        {optional.length > 0 && (
          <p className="door-result-noted">
            {t('door.selfCheck.resultNoted', { items: optional.map((item) => item.label[language]).join(t('door.listSeparator')) })}
          </p>
        )}
      </div>
      <button type="button" className="button button-primary confirmation-done" onClick={onDone}>
        {t('confirmation.done')}
      </button>
      <div className="countdown" aria-hidden="true" style={{ animationDuration: `${kioskTimings.doneMs}ms` }} />
    </main>
  );
}
