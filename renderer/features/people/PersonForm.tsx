/**
 * A person's details: all of them for someone new (employee number, name, team, role, badge, and
 * optionally a PIN and a training already passed), or name, team, role and badge of someone on the
 * roster (the employee number is who they are, so it stays). Problems are named at their fields
 * before anything is sent; a refusal from the hub leaves everything typed in place.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import type { PersonRole } from '../../../shared/contract/roles.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { siteToday } from '../../components/format.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { fieldIds, FormField } from './FormField.js';
import { personProblems, personRoleList, pinProblems, trainingProblems, type FieldProblem, type PersonDraft } from './people-form.js';
import { useAdminAction } from './useAdminAction.js';

interface Draft extends PersonDraft {
  pin: string;
  pinRepeat: string;
  passedOn: string;
  expiresOn: string;
}

const draftOf = (p: PersonDetail | null): Draft => ({
  employeeNo: p?.employeeNo ?? '',
  name: p?.name ?? '',
  team: p?.team ?? '',
  role: p?.role ?? 'staff',
  badge: p?.badge ?? '',
  pin: '',
  pinRepeat: '',
  passedOn: '',
  expiresOn: '',
});

/** The teams people are in now, offered while typing a team (a new team is typed in full). */
function useTeams(): string[] {
  const { data } = useHubQuery((client) => client.call('people.list', { status: 'active', limit: 1 }));
  return data?.teams ?? [];
}

export interface PersonFormProps {
  /** Null: a new person. */
  person: PersonDetail | null;
  onSaved(person: PersonDetail): void;
  onCancel?(): void;
}

export function PersonForm({ person, onSaved, onCancel }: PersonFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const teams = useTeams();
  const action = useAdminAction();
  const isNew = person === null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  // What the hub has now: an edit sends only what differs from it.
  const [saved, setSaved] = useState<Draft>(() => draftOf(person));
  const [shown, setShown] = useState<Record<string, FieldProblem>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const problemText = (key: string) => (shown[key] ? t(`people.problems.${shown[key]}`) : null);
  const ids = (key: string, hasHint = false) => fieldIds(`${id}-${key}`, hasHint, shown[key]);

  const changes = () => {
    const out: { name?: string; team?: string; role?: PersonRole; badge?: string | null } = {};
    if (draft.name.trim() !== saved.name.trim()) out.name = draft.name.trim();
    if (draft.team.trim() !== saved.team.trim()) out.team = draft.team.trim();
    if (draft.role !== saved.role) out.role = draft.role;
    if (draft.badge.trim() !== saved.badge.trim()) out.badge = draft.badge.trim() || null;
    return out;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, FieldProblem> = {
      ...personProblems(draft),
      ...(isNew ? pinProblems(draft.pin, draft.pinRepeat, false) : {}),
      ...(isNew ? trainingProblems(draft.passedOn, draft.expiresOn, siteToday(), false) : {}),
    };
    const edit = isNew ? null : changes();
    if (edit && Object.keys(problems).length === 0 && Object.keys(edit).length === 0) problems.form = 'nothingChanged';
    setShown(problems);
    action.clearError();
    const first = Object.keys(problems)[0];
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const answer = await action.run((client, auth) =>
      isNew
        ? client.call('people.add', {
            auth,
            person: {
              employeeNo: draft.employeeNo.trim(),
              name: draft.name.trim(),
              team: draft.team.trim(),
              role: draft.role,
              badge: draft.badge.trim() || null,
              ...(draft.pin ? { pin: draft.pin } : {}),
              trainingPassedOn: draft.passedOn || null,
              trainingExpiresOn: draft.expiresOn || null,
            },
          })
        : client.call('people.update', { auth, employeeNo: person.employeeNo, changes: edit! }),
    );
    if (!answer) return;
    const next = { ...draftOf(answer), pin: '', pinRepeat: '' };
    setSaved(next);
    setDraft(next);
    onSaved(answer);
  }

  const problemCount = Object.keys(shown).filter((k) => k !== 'form').length;
  const formMessage = shown.form ? t(`people.problems.${shown.form}`) : problemCount > 0 ? t('people.problems.fix', { count: problemCount }) : null;

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <FormField id={`${id}-employeeNo`} label={t('people.fields.employeeNo')} hint={isNew ? t('people.fields.employeeNoHint') : t('people.fields.employeeNoFixed')} problem={problemText('employeeNo')}>
          <input
            {...ids('employeeNo', true)}
            className="field-input"
            value={draft.employeeNo}
            readOnly={!isNew}
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('employeeNo', e.target.value)}
          />
        </FormField>
        <FormField id={`${id}-name`} label={t('people.fields.name')} problem={problemText('name')}>
          <input {...ids('name')} className="field-input" value={draft.name} maxLength={120} autoComplete="off" onChange={(e) => set('name', e.target.value)} />
        </FormField>
        <FormField id={`${id}-team`} label={t('people.fields.team')} hint={t('people.fields.teamHint')} problem={problemText('team')}>
          <input {...ids('team', true)} className="field-input" list={`${id}-teams`} value={draft.team} maxLength={120} autoComplete="off" onChange={(e) => set('team', e.target.value)} />
          <datalist id={`${id}-teams`}>
            {teams.map((team) => (
              <option key={team} value={team} />
            ))}
          </datalist>
        </FormField>
        <FormField id={`${id}-role`} label={t('people.fields.role')} hint={t('people.fields.roleHint')}>
          <select {...ids('role', true)} className="field-input" value={draft.role} onChange={(e) => set('role', e.target.value as PersonRole)}>
            {personRoleList.map((role) => (
              <option key={role} value={role}>
                {t(`people.roles.${role}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={`${id}-badge`} label={t('people.fields.badge')} hint={t('people.fields.badgeHint')} problem={problemText('badge')}>
          <input {...ids('badge', true)} className="field-input" value={draft.badge} maxLength={128} autoComplete="off" spellCheck={false} onChange={(e) => set('badge', e.target.value)} />
        </FormField>
      </div>
      {isNew && (
        <>
          <h3 className="subhead">{t('people.fields.pinHeading')}</h3>
          <div className="form-grid">
            <FormField id={`${id}-pin`} label={t('people.fields.pin')} hint={t('people.fields.pinOptionalHint')} problem={problemText('pin')}>
              <input
                {...ids('pin', true)}
                className="field-input"
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                maxLength={8}
                value={draft.pin}
                onChange={(e) => set('pin', e.target.value)}
              />
            </FormField>
            <FormField id={`${id}-pinRepeat`} label={t('people.fields.pinRepeat')} problem={problemText('pinRepeat')}>
              <input
                {...ids('pinRepeat')}
                className="field-input"
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                maxLength={8}
                value={draft.pinRepeat}
                onChange={(e) => set('pinRepeat', e.target.value)}
              />
            </FormField>
          </div>
          <h3 className="subhead">{t('people.fields.trainingHeading')}</h3>
          <div className="form-grid">
            <FormField id={`${id}-passedOn`} label={t('people.fields.passedOn')} hint={t('people.fields.passedOnOptionalHint')} problem={problemText('passedOn')}>
              <input {...ids('passedOn', true)} className="field-input" type="date" max={siteToday()} value={draft.passedOn} onChange={(e) => set('passedOn', e.target.value)} />
            </FormField>
            <FormField id={`${id}-expiresOn`} label={t('people.fields.expiresOn')} hint={t('people.fields.expiresOnHint')} problem={problemText('expiresOn')}>
              <input {...ids('expiresOn', true)} className="field-input" type="date" min={draft.passedOn || undefined} value={draft.expiresOn} onChange={(e) => set('expiresOn', e.target.value)} />
            </FormField>
          </div>
        </>
      )}
      <ErrorNotice error={action.error} message={formMessage} />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={action.busy}>
            {t('people.common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {action.busy ? t('people.common.saving') : isNew ? t('people.form.add') : t('people.form.save')}
        </button>
      </div>
    </form>
  );
}
