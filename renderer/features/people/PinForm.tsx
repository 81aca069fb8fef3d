/**
 * A new PIN for someone who forgot theirs or is locked out: typed twice, so a slip of the finger
 * does not lock them out again. Setting it also lifts a lockout.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { fieldIds, FormField } from './FormField.js';
import { pinProblems, type FieldProblem } from './people-form.js';
import { useAdminAction } from './useAdminAction.js';

export function PinForm({ employeeNo, onDone }: { employeeNo: string; onDone(person: PersonDetail): void }) {
  const { t } = useTranslation();
  const id = useId();
  const action = useAdminAction();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [shown, setShown] = useState<Record<string, FieldProblem>>({});
  const problemText = (key: string) => (shown[key] ? t(`people.problems.${shown[key]}`) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = pinProblems(pin, repeat, true);
    setShown(problems);
    action.clearError();
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const answer = await action.run((client, auth) => client.call('people.resetPin', { auth, employeeNo, pin }));
    if (!answer) return;
    // The PIN is not kept on screen once it is set: the next person at the desk must not read it.
    setPin('');
    setRepeat('');
    onDone(answer);
  }

  const secret = { className: 'field-input', type: 'password', inputMode: 'numeric', autoComplete: 'new-password', maxLength: 8 } as const;
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <FormField id={`${id}-pin`} label={t('people.fields.newPin')} hint={t('people.fields.pinHint')} problem={problemText('pin')}>
          <input {...fieldIds(`${id}-pin`, true, shown.pin)} {...secret} value={pin} onChange={(e) => setPin(e.target.value)} />
        </FormField>
        <FormField id={`${id}-pinRepeat`} label={t('people.fields.pinRepeat')} problem={problemText('pinRepeat')}>
          <input {...fieldIds(`${id}-pinRepeat`, false, shown.pinRepeat)} {...secret} value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </FormField>
      </div>
      <ErrorNotice error={action.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {action.busy ? t('people.common.saving') : t('people.pin.set')}
        </button>
      </div>
    </form>
  );
}
