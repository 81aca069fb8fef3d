/** "Welcome": the visitor is on site, with their host and time, and is reminded to sign out here. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorView } from '../../../shared/contract/visitors.js';
import { formatTime } from '../../app/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { kioskTimings } from '../presence/timings.js';

export function VisitorDoneScreen({
  kind,
  title,
  name,
  lines,
  onDone,
}: {
  kind: 'in' | 'out';
  title: string;
  name: string;
  lines: string[];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  const doneRef = useRef(onDone);
  useEffect(() => {
    doneRef.current = onDone;
  });
  // It names the visitor, so it does not stay for the next person.
  useEffect(() => {
    const timer = setTimeout(() => doneRef.current(), kioskTimings.doneMs);
    return () => clearTimeout(timer);
  }, []);
  return (
    <main className={`confirmation ${kind === 'in' ? 'confirmation-in' : 'confirmation-out'}`} aria-labelledby="visitor-done-title">
      <div role="status" className="confirmation-body">
        <div className="confirmation-mark" aria-hidden="true">
          ✓
        </div>
        <h1 id="visitor-done-title" className="confirmation-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p className="confirmation-name">{name}</p>
        {lines.map((line) => (
          <p key={line} className="confirmation-time door-done-line">
            {line}
          </p>
        ))}
      </div>
      <button type="button" className="button button-primary confirmation-done" onClick={onDone}>
        {t('confirmation.done')}
      </button>
      <div className="countdown" aria-hidden="true" style={{ animationDuration: `${kioskTimings.doneMs}ms` }} />
    </main>
  );
}

export function VisitorSignedIn({ visitor, onDone }: { visitor: VisitorView; onDone(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <VisitorDoneScreen
      kind="in"
      title={t('door.visitor.signedIn.title')}
      name={visitor.name}
      lines={[
        visitor.company,
        t('door.visitor.signedIn.host', { name: visitor.host.name, team: visitor.host.team }),
        t('door.visitor.signedIn.at', { time: formatTime(visitor.since, i18n.language) }),
        t('door.visitor.signedIn.reminder'),
      ]}
      onDone={onDone}
    />
  );
}
