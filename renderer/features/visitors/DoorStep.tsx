/**
 * The frame of one step at the door: where the person is ("step 2 of 4"), what is asked, and the
 * buttons to go on, go back or give up, always in the same places.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/door.css';

export interface StepPosition {
  step: number;
  total: number;
}

export function DoorStep({
  id,
  position,
  title,
  hint,
  headingRef,
  focusHeading = false,
  className = '',
  children,
}: {
  id: string;
  position?: StepPosition;
  title: string;
  hint?: ReactNode;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  /** Screens without a field to type in start at their heading, so a screen reader says where it is. */
  focusHeading?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ownHeading = useRef<HTMLHeadingElement>(null);
  const heading = headingRef ?? ownHeading;
  useEffect(() => {
    if (focusHeading) heading.current?.focus({ preventScroll: true });
  }, [focusHeading, heading, id]);
  return (
    <main className={`door ${className}`} aria-labelledby={`${id}-title`}>
      <header className="door-head">
        {position && <p className="door-progress">{t('door.visitor.progress', { step: position.step, total: position.total })}</p>}
        <h1 id={`${id}-title`} className="door-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {hint && <p className="door-hint">{hint}</p>}
      </header>
      {children}
    </main>
  );
}

/** Cancel (home), back (previous step) and the way on, the way on last and largest. */
export function DoorActions({
  onCancel,
  onBack,
  next,
}: {
  onCancel(): void;
  onBack?: () => void;
  next?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="door-actions">
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('door.cancel')}
      </button>
      {onBack && (
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('door.back')}
        </button>
      )}
      {next}
    </div>
  );
}
