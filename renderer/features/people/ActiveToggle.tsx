/**
 * Deactivating someone who left (they can no longer sign in; nothing of theirs is deleted), or
 * bringing them back. Either is asked twice: the first press only shows what will happen.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useAdminAction } from './useAdminAction.js';

export function ActiveToggle({ person, onDone }: { person: PersonDetail; onDone(person: PersonDetail): void }) {
  const { t } = useTranslation();
  const id = useId();
  const action = useAdminAction();
  const [confirming, setConfirming] = useState(false);
  const next = !person.active;
  const words = next ? 'reactivate' : 'deactivate';

  async function confirm() {
    const answer = await action.run((client, auth) => client.call('people.setActive', { auth, employeeNo: person.employeeNo, active: next }));
    if (!answer) return;
    setConfirming(false);
    onDone(answer);
  }

  return (
    <section className={`panel ${next ? '' : 'panel-danger'}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t(`people.${words}.title`)}
      </h2>
      <p className="panel-body">{t(`people.${words}.body`, { name: person.name })}</p>
      {!confirming ? (
        <div className="form-actions">
          <button type="button" className={`button ${next ? 'button-secondary' : 'button-danger'}`} onClick={() => setConfirming(true)}>
            {t(`people.${words}.start`)}
          </button>
        </div>
      ) : (
        <div className="people-confirm" role="group" aria-labelledby={`${id}-ask`}>
          <p id={`${id}-ask`} className="people-confirm-ask">
            {t(`people.${words}.ask`, { name: person.name, employeeNo: person.employeeNo })}
          </p>
          <ErrorNotice error={action.error} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy}
              onClick={() => {
                action.clearError();
                setConfirming(false);
              }}
            >
              {t('people.common.cancel')}
            </button>
            <button type="button" className={`button ${next ? 'button-primary' : 'button-danger'}`} disabled={action.busy} onClick={() => void confirm()}>
              {action.busy ? t('people.common.saving') : t(`people.${words}.confirm`, { name: person.name })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
