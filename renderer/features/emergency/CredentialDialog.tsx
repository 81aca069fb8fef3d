/**
 * Employee number, then PIN, on the kiosk's keypad, in a dialog over the emergency screens: to end
 * an emergency, or to start one at a kiosk. The digits live only in this dialog; closing it (or
 * leaving it alone) forgets them.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/client.js';
import { useIdle } from '../../app/useIdle.js';
import { Keypad } from '../presence/Keypad.js';
import { kioskTimings } from '../presence/timings.js';
import { usePhysicalKeypad } from '../presence/usePhysicalKeypad.js';
import { useErrorText } from '../presence/useErrorText.js';
import { ModalDialog } from './ModalDialog.js';

const maxEmployeeNoLength = 12;
const minPinLength = 4;
const maxPinLength = 8;

export interface CredentialDialogProps {
  title: string;
  explanation: string;
  /** The label of the final button (e.g. "End the drill"). */
  confirmLabel: string;
  /** Resolves null when done (the dialog's owner closes it), or the hub's refusal to show. */
  onSubmit(credential: { employeeNo: string; pin: string }): Promise<ApiCallError | null>;
  onCancel(): void;
  /** Shown above the title, e.g. what is about to be started. */
  summary?: ReactNode;
  danger?: boolean;
}

export function CredentialDialog({ title, explanation, confirmLabel, onSubmit, onCancel, summary, danger = false }: CredentialDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const titleId = useId();
  const [step, setStep] = useState<'employeeNo' | 'pin'>('employeeNo');
  const [employeeNo, setEmployeeNo] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => headingRef.current?.focus(), [step]);
  useIdle(kioskTimings.entryIdleMs, onCancel);

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
    setBusy(true);
    const refused = await onSubmit({ employeeNo, pin });
    if (!alive.current) return;
    setBusy(false);
    setPin('');
    if (!refused) return;
    setError(refused);
    if (refused.code === 'unknown_person') setStep('employeeNo');
  }

  function back() {
    setError(null);
    setPin('');
    setStep('employeeNo');
  }

  usePhysicalKeypad({ onDigit: typeDigit, onDelete: deleteDigit, onEnter: () => void confirm(), onEscape: onCancel });

  return (
    <ModalDialog labelledBy={titleId} className={`emg-credential ${danger ? 'emg-dialog-danger' : ''}`} onCancel={onCancel}>
      <div className="entry emg-credential-body">
        <div className="entry-info">
          {summary}
          <h2 id={titleId} className="entry-title" ref={headingRef} tabIndex={-1}>
            {title}
          </h2>
          <p className="emg-dialog-explain">{explanation}</p>
          <p className="entry-for">{step === 'employeeNo' ? t('keypad.employeeNoTitle') : t('keypad.pinTitle')}</p>
          {step === 'pin' && <p className="entry-for">{t('keypad.pinFor', { employeeNo })}</p>}
          {step === 'employeeNo' ? (
            <output className="entry-value" aria-label={t('keypad.employeeNoLabel')} data-testid="credential-value">
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
            <button type="button" className={`button ${danger && step === 'pin' ? 'emg-button-danger' : 'button-primary'}`} onClick={() => void confirm()} disabled={!ready || busy}>
              {step === 'employeeNo' ? t('keypad.next') : confirmLabel}
            </button>
          </div>
        </div>
        <Keypad onDigit={typeDigit} onDelete={deleteDigit} onClear={() => setValue('')} disabled={busy} />
      </div>
    </ModalDialog>
  );
}
