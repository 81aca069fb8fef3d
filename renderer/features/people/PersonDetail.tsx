/**
 * One person on the roster: who they are and how they stand (training, PIN, lockout, active), and
 * everything a supervisor does for them — correct their details, record a training, set a new
 * PIN, deactivate or reactivate — each in its own panel, with the training history below.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail as Person } from '../../../shared/contract/people.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { ActiveToggle } from './ActiveToggle.js';
import { DoneNote } from './FormField.js';
import { PersonForm } from './PersonForm.js';
import { PinForm } from './PinForm.js';
import { TrainingChip } from './TrainingChip.js';
import { TrainingForm } from './TrainingForm.js';
import { TrainingHistory } from './TrainingHistory.js';

export interface PersonDetailProps {
  employeeNo: string;
  /** A note from the screen before (the person was just added). */
  flash: string | null;
  onBack(): void;
}

export function PersonDetail({ employeeNo, flash, onBack }: PersonDetailProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const heading = useFocusHeading();
  const { data, error, reload } = useHubQuery((client) => client.call('people.get', { employeeNo }), employeeNo);
  const [done, setDone] = useState<string | null>(flash);
  const person = data;

  const after = (key: string) => (next: Person) => {
    setDone(t(`people.done.${key}`, { name: next.name }));
    reload();
  };

  return (
    <section className="screen people-screen" aria-labelledby="person-title">
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('people.detail.back')}
        </button>
      </div>
      <header className="screen-head">
        <h1 id="person-title" className="screen-title" ref={heading} tabIndex={-1}>
          {person ? person.name : t('people.detail.loading', { employeeNo })}
        </h1>
        {person && (
          <p className="screen-sub">
            {[t('people.detail.employeeNo', { employeeNo: person.employeeNo }), person.team, t(`people.roles.${person.role}`)].filter(Boolean).join(' · ')}
          </p>
        )}
      </header>
      <DoneNote message={done} />
      <ErrorNotice error={error} />
      {error && (
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('people.common.retry')}
        </button>
      )}
      {person && (
        <>
          <dl className="facts people-facts">
            <div>
              <dt>{t('people.fields.training')}</dt>
              <dd>
                <TrainingChip training={person.training} />
              </dd>
            </div>
            <div>
              <dt>{t('people.fields.status')}</dt>
              <dd className="chips">
                <span className={`chip ${person.active ? 'chip-person-active' : 'chip-person-inactive'}`}>
                  {person.active ? t('people.status.active') : t('people.status.inactive')}
                </span>
                {person.lockedUntil && (
                  <span className="chip chip-person-locked">{t('people.status.lockedUntil', { until: formatDateTime(person.lockedUntil, lng) })}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('people.fields.badge')}</dt>
              <dd>{person.badge ?? t('people.table.noBadge')}</dd>
            </div>
            <div>
              <dt>{t('people.fields.pin')}</dt>
              <dd>{person.hasPin ? t('people.detail.pinSet') : t('people.detail.pinNotSet')}</dd>
            </div>
          </dl>

          <div className="people-panels">
            <section className="panel" aria-labelledby="person-edit-title">
              <h2 id="person-edit-title" className="panel-title">
                {t('people.detail.editTitle')}
              </h2>
              <PersonForm key={person.employeeNo} person={person} onSaved={after('saved')} />
            </section>

            <section className="panel" aria-labelledby="person-training-title">
              <h2 id="person-training-title" className="panel-title">
                {t('people.training.title')}
              </h2>
              <p className="panel-body">{t('people.training.body')}</p>
              <TrainingForm employeeNos={[person.employeeNo]} onRecorded={(people) => after('training')(people[0] ?? person)} />
              <h3 className="subhead">{t('people.history.title')}</h3>
              <TrainingHistory person={person} history={person.trainingHistory} />
            </section>

            <section className="panel" aria-labelledby="person-pin-title">
              <h2 id="person-pin-title" className="panel-title">
                {t('people.pin.title')}
              </h2>
              <p className="panel-body">{person.lockedUntil ? t('people.pin.bodyLocked') : t('people.pin.body')}</p>
              <PinForm employeeNo={person.employeeNo} onDone={after('pin')} />
            </section>

            <ActiveToggle person={person} onDone={(next) => after(next.active ? 'reactivated' : 'deactivated')(next)} />
          </div>
        </>
      )}
    </section>
  );
}
