/**
 * One thing to type (name, company): a large text field that the system's on-screen keyboard, a
 * physical keyboard and a Chinese input method (IME) all type into. A problem is explained under
 * the field in the visitor's language, and what was typed stays.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DoorActions, DoorStep, type StepPosition } from './DoorStep.js';
import { textProblem } from './visitor-form.js';

export interface VisitorTextStepProps {
  /** The words under door.visitor.<field>: title, label, hint and the problems. */
  field: 'name' | 'company';
  position: StepPosition;
  value: string;
  max: number;
  onChange(value: string): void;
  onNext(): void;
  onBack?: () => void;
  onCancel(): void;
}

export function VisitorTextStep({ field, position, value, max, onChange, onNext, onBack, onCancel }: VisitorTextStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // A problem shows once the visitor has tried to go on, then follows what they type.
  const [tried, setTried] = useState(false);
  const problem = textProblem(value, max);
  const shown = tried ? problem : null;

  // The field takes focus at once, so that the on-screen keyboard opens and typing can begin.
  useEffect(() => inputRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    onNext();
  }

  return (
    <DoorStep id={id} position={position} title={t(`door.visitor.${field}.title`)} hint={t(`door.visitor.${field}.hint`)}>
      <form className="door-form" onSubmit={submit} noValidate>
        <div className="door-field">
          <label htmlFor={`${id}-input`} className="door-label">
            {t(`door.visitor.${field}.label`)}
          </label>
          <input
            ref={inputRef}
            id={`${id}-input`}
            className="door-input door-input-big"
            type="text"
            autoComplete="off"
            autoCapitalize="words"
            spellCheck={false}
            enterKeyHint="next"
            maxLength={max}
            value={value}
            aria-invalid={shown ? true : undefined}
            aria-describedby={`${id}-problem`}
            onChange={(event) => onChange(event.target.value)}
          />
          <p id={`${id}-problem`} className="door-problem" role="alert">
            {shown && t(shown === 'empty' ? `door.visitor.${field}.empty` : `door.visitor.problem.${shown}`, { max })}
          </p>
        </div>
        <DoorActions
          onCancel={onCancel}
          onBack={onBack}
          next={
            <button type="submit" className="button button-primary door-next">
              {t('door.next')}
            </button>
          }
        />
      </form>
    </DoorStep>
  );
}
