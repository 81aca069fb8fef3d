/**
 * The PIN prompt in front of the admin screens: a supervisor's or admin's employee number and PIN.
 * Nothing of the desk shows until it is answered; a lapsed session comes back here and says why.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../shared/contract/presence.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { KeypadFields } from '../../components/KeypadFields.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';

export interface Unlocked {
  ticket: string;
  person: PersonSummary;
}

export function AdminUnlock({ lapsed, onUnlocked }: { lapsed: boolean; onUnlocked(session: Unlocked): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const heading = useFocusHeading();
  const [employeeNo, setEmployeeNo] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !employeeNo || pin.length < 4) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await client.call('admin.unlock', { employeeNo, pin });
      onUnlocked({ ticket: answer.ticket, person: answer.person });
    } catch (err) {
      setPin('');
      setError(asApiCallError(err));
      setBusy(false);
    }
  };

  return (
    <section className="screen admin-unlock" aria-labelledby="admin-unlock-title">
      <header className="screen-head">
        <h1 id="admin-unlock-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('admin.unlock.title')}
        </h1>
        <p className="screen-sub">{lapsed ? t('admin.unlock.lapsed') : t('admin.unlock.explain')}</p>
      </header>
      <form className="admin-unlock-form" onSubmit={submit}>
        <KeypadFields
          disabled={busy}
          fields={[
            { key: 'employeeNo', label: t('admin.unlock.employeeNo'), value: employeeNo, onChange: setEmployeeNo, maxLength: 12 },
            { key: 'pin', label: t('admin.unlock.pin'), value: pin, onChange: setPin, secret: true, maxLength: 8 },
          ]}
        />
        <ErrorNotice error={error} />
        <button type="submit" className="button button-primary button-huge" disabled={busy || !employeeNo || pin.length < 4}>
          {busy ? t('admin.unlock.checking') : t('admin.unlock.open')}
        </button>
      </form>
    </section>
  );
}
