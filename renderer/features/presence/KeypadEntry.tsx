/** Employee number, then PIN, on the on-screen keypad; the hub's refusals shown where they apply. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../../../shared/contract/presence.js';
import { ApiCallError } from '../../api/client.js';
import { Keypad } from './Keypad.js';
import type { ToggleOutcome } from './kiosk-outcome.js';
import { usePhysicalKeypad } from './usePhysicalKeypad.js';
import { useErrorText } from './useErrorText.js';

/** Matching the hub's limits: employee numbers are short, PINs are 4 to 8 digits. */
const maxEmployeeNoLength = 12;
const minPinLength = 4;
const maxPinLength = 8;

type Step = 'employeeNo' | 'pin';

export interface KeypadEntryProps {
  busy: boolean;
  onSubmit(credential: Credential): Promise<ToggleOutcome>;
  onCancel(): void;
  /** Shown above the title: why the number and PIN are asked for (e.g. a self-check that timed out). */
  intro?: ReactNode;
  /** A number already known (the person who just signed in): the entry starts at the PIN. */
  initialEmployeeNo?: string;
  /** The final button's label, when it does something other than sign in or out. */
  submitLabel?: string;
}

export function KeypadEntry({ busy, onSubmit, onCancel, intro, initialEmployeeNo = '', submitLabel }: KeypadEntryProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>(initialEmployeeNo ? 'pin' : 'employeeNo');
  const [employeeNo, setEmployeeNo] = useState(initialEmployeeNo);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each step starts with focus on its heading: screen readers announce it, and Enter means "next".
  useEffect(() => headingRef.current?.focus(), [step]);

  const setValue = step === 'employeeNo' ? setEmployeeNo : setPin;
  const maxLength = step === 'employeeNo' ? maxEmployeeNoLength : maxPinLength;
  const ready = step === 'employeeNo' ? employeeNo.length > 0 : pin.length >= minPinLength;

  const typeDigit = (digit: string) => {
    if (!busy) setValue((current) => (current.length < maxLength ? current + digit : current));
  };
  const deleteDigit = () => setValue((current) => current.slice(0, -1));

  async function confirm() {
    if (!ready || busy) return;
    if (step === 'employeeNo') {
      setError(null);
      setStep('pin');
      return;
    }
    const outcome = await onSubmit({ employeeNo, pin });
    if (!(outcome instanceof ApiCallError)) return;
    setPin('');
    setError(outcome);
    // Only a wrong number needs the first step again; everything else is about the PIN or the person.
    if (outcome.code === 'unknown_person') setStep('employeeNo');
  }

  function back() {
    setError(null);
    setPin('');
    setStep('employeeNo');
  }

  usePhysicalKeypad({ onDigit: typeDigit, onDelete: deleteDigit, onEnter: () => void confirm(), onEscape: onCancel });

  return (
    <main className="entry" aria-labelledby="entry-title">
      <section className="entry-info">
        {intro}
        <h1 id="entry-title" className="entry-title" ref={headingRef} tabIndex={-1}>
          {step === 'employeeNo' ? t('keypad.employeeNoTitle') : t('keypad.pinTitle')}
        </h1>
        {step === 'pin' && <p className="entry-for">{t('keypad.pinFor', { employeeNo })}</p>}
        {step === 'employeeNo' ? (
          <output className="entry-value" aria-label={t('keypad.employeeNoLabel')} data-testid="entry-value">
            {employeeNo}
          </output>
        ) : (
          <output className="entry-value entry-pin" aria-label={t('keypad.pinEntered', { count: pin.length })}>
            {Array.from({ length: Math.max(minPinLength, pin.length) }, (_, i) => (
              <span key={i} className={i < pin.length ? 'pin-dot pin-dot-filled' : 'pin-dot'} aria-hidden="true" />
            ))}
          </output>
        )}
        <div className="entry-message" role="alert">
          {error && <p className="notice notice-error">{errorText(error)}</p>}
          {busy && <p className="notice">{t('kiosk.processing')}</p>}
        </div>
        <div className="entry-actions">
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('keypad.cancel')}
          </button>
          {step === 'pin' && (
            <button type="button" className="button button-secondary" onClick={back} disabled={busy}>
              {t('keypad.back')}
            </button>
          )}
          <button type="button" className="button button-primary" onClick={() => void confirm()} disabled={!ready || busy}>
            {step === 'employeeNo' ? t('keypad.next') : (submitLabel ?? t('keypad.ok'))}
          </button>
        </div>
      </section>
      <Keypad onDigit={typeDigit} onDelete={deleteDigit} onClear={() => setValue('')} disabled={busy} />
    </main>
  );
}
