/**
 * Records a safety training session (安全教育培训) passed by one person or by everyone ticked in the
 * list: the day it was passed and, if the certificate says so, when it expires (left empty, the
 * hub applies the site's validity period).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { siteToday } from '../../components/format.js';
import { fieldIds, FormField } from './FormField.js';
import { trainingProblems, type FieldProblem } from './people-form.js';
import { useAdminAction } from './useAdminAction.js';

export interface TrainingFormProps {
  employeeNos: readonly string[];
  onRecorded(people: PersonDetail[]): void;
  onCancel?(): void;
}

export function TrainingForm({ employeeNos, onRecorded, onCancel }: TrainingFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const action = useAdminAction();
  const [passedOn, setPassedOn] = useState(() => siteToday());
  const [expiresOn, setExpiresOn] = useState('');
  const [shown, setShown] = useState<Record<string, FieldProblem>>({});
  const problemText = (key: string) => (shown[key] ? t(`people.problems.${shown[key]}`) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = trainingProblems(passedOn, expiresOn, siteToday(), true);
    setShown(problems);
    action.clearError();
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const answer = await action.run((client, auth) =>
      client.call('people.recordTraining', { auth, employeeNos: [...employeeNos], passedOn, expiresOn: expiresOn || null }),
    );
    if (answer) onRecorded(answer.people);
  }

  const count = Object.keys(shown).length;
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <FormField id={`${id}-passedOn`} label={t('people.fields.passedOn')} problem={problemText('passedOn')}>
          <input
            {...fieldIds(`${id}-passedOn`, false, shown.passedOn)}
            className="field-input"
            type="date"
            max={siteToday()}
            value={passedOn}
            onChange={(e) => setPassedOn(e.target.value)}
          />
        </FormField>
        <FormField id={`${id}-expiresOn`} label={t('people.fields.expiresOn')} hint={t('people.fields.expiresOnHint')} problem={problemText('expiresOn')}>
          <input
            {...fieldIds(`${id}-expiresOn`, true, shown.expiresOn)}
            className="field-input"
            type="date"
            min={passedOn || undefined}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.target.value)}
          />
        </FormField>
      </div>
      <ErrorNotice error={action.error} message={count > 0 ? t('people.problems.fix', { count }) : null} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={action.busy}>
            {t('people.common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={action.busy || employeeNos.length === 0}>
          {action.busy ? t('people.common.saving') : employeeNos.length === 1 ? t('people.training.recordOne') : t('people.training.record', { count: employeeNos.length })}
        </button>
      </div>
    </form>
  );
}
