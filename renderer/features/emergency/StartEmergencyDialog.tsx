/**
 * Starting an emergency or a drill from a screen: what is happening, real or drill (chosen on
 * purpose, never preset), then the employee number and PIN of a warden, supervisor or admin. The
 * kiosk's corner button and its hardware key open this; it never starts anything without the PIN.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyKind } from '../../../shared/contract/emergency.js';
import { asApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { useIdle } from '../../app/useIdle.js';
import { kioskTimings } from '../presence/timings.js';
import { useEmergencyStore } from './context.js';
import { CredentialDialog } from './CredentialDialog.js';
import { ModalDialog } from './ModalDialog.js';

// Listed here, not imported from the contract: that module would bring zod into the bundle.
const emergencyKinds: readonly EmergencyKind[] = ['fire', 'gas', 'power', 'other'];

export function StartEmergencyDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const store = useEmergencyStore();
  const titleId = useId();
  const [kind, setKind] = useState<EmergencyKind | null>(null);
  const [drill, setDrill] = useState<boolean | null>(null);
  const [step, setStep] = useState<'choose' | 'pin'>('choose');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useIdle(kioskTimings.entryIdleMs, onClose, step === 'choose');
  useEffect(() => {
    if (step === 'choose') headingRef.current?.focus();
  }, [step]);

  if (step === 'pin' && kind !== null && drill !== null) {
    const mode = drill ? t('emergency.start.drill') : t('emergency.start.real');
    return (
      <CredentialDialog
        title={t('emergency.start.pinTitle')}
        explanation={t('emergency.start.explain')}
        confirmLabel={drill ? t('emergency.start.confirmDrill') : t('emergency.start.confirmReal')}
        danger={!drill}
        summary={
          <p className={`emg-start-summary ${drill ? 'emg-start-summary-drill' : 'emg-start-summary-real'}`}>
            {t('emergency.start.summary', { kind: t(`emergency.kinds.${kind}`), mode })}
          </p>
        }
        onCancel={onClose}
        onSubmit={async ({ employeeNo, pin }) => {
          try {
            await client.call('emergency.start', { kind, drill, employeeNo, pin });
            // The event turns every screen; this one does not wait for it.
            store.refresh();
            return null;
          } catch (err) {
            const error = asApiCallError(err);
            if (error.code === 'emergency_active') store.refresh();
            return error;
          }
        }}
      />
    );
  }

  return (
    <ModalDialog labelledBy={titleId} className="emg-dialog-wide emg-start" onCancel={onClose}>
        <h2 id={titleId} className="entry-title" ref={headingRef} tabIndex={-1}>
          {t('emergency.start.title')}
        </h2>
        <fieldset className="emg-choice">
          <legend>{t('emergency.start.kindLabel')}</legend>
          <div className="emg-choice-options">
            {emergencyKinds.map((k) => (
              <button key={k} type="button" className="emg-option" aria-pressed={kind === k} onClick={() => setKind(k)}>
                {t(`emergency.kinds.${k}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="emg-choice">
          <legend>{t('emergency.start.modeLabel')}</legend>
          <div className="emg-choice-options">
            <button type="button" className="emg-option emg-option-real" aria-pressed={drill === false} onClick={() => setDrill(false)}>
              {t('emergency.start.real')}
            </button>
            <button type="button" className="emg-option emg-option-drill" aria-pressed={drill === true} onClick={() => setDrill(true)}>
              {t('emergency.start.drill')}
            </button>
          </div>
        </fieldset>
        <div className="entry-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('keypad.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={kind === null || drill === null} onClick={() => setStep('pin')}>
            {t('emergency.start.next')}
          </button>
        </div>
    </ModalDialog>
  );
}
