/**
 * One hazard through its rectification: the plan (五定: responsible person, measures, funding,
 * deadline, interim safeguard), the fix signed with the PIN of whoever did it, and the acceptance
 * by a second person with their own PIN.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardView } from '../../../shared/contract/extinguisher.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime, formatDay, siteToday } from '../../components/format.js';
import { KeypadFields } from '../../components/KeypadFields.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { hazardDescription } from './describe.js';
import { HazardStatusChip, OverdueBadge } from './HazardList.js';

export interface HazardDetailProps {
  hazardId: number;
  onBack(): void;
}

export function HazardDetail({ hazardId, onBack }: HazardDetailProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const heading = useFocusHeading();
  const { data, error, reload } = useHubQuery((client) => client.call('hazard.list', { status: 'all' }), String(hazardId));
  const [updated, setUpdated] = useState<HazardView | null>(null);
  const [editingPlan, setEditingPlan] = useState(false);
  const loaded = data?.hazards.find((h) => h.id === hazardId);
  const hazard = updated ?? loaded;
  const active = hazard && (hazard.status === 'open' || hazard.status === 'in_progress');

  const apply = (next: HazardView) => {
    setUpdated(next);
    setEditingPlan(false);
  };

  return (
    <section className="screen" aria-labelledby="hazard-title">
      <header className="screen-head">
        <h1 id="hazard-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.hazard.title', { id: hazardId })}
        </h1>
        {hazard && (
          <div className="chips">
            {hazard.overdue && <OverdueBadge />}
            <HazardStatusChip status={hazard.status} />
          </div>
        )}
      </header>
      <div className="toolbar">
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('warden.hazard.back')}
        </button>
      </div>
      <ErrorNotice error={error} message={data && !loaded ? t('errors.unknown_hazard') : null} />
      {error && (
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('warden.common.retry')}
        </button>
      )}
      {hazard && (
        <>
          {hazard.overdue && hazard.plan && (
            <p className="overdue-banner">{t('warden.hazard.overdueBanner', { date: formatDay(hazard.plan.deadline, lng) })}</p>
          )}
          <dl className="facts">
            <div>
              <dt>{t('warden.hazard.description')}</dt>
              <dd className="facts-strong">{hazardDescription(hazard, lng)}</dd>
            </div>
            <div>
              <dt>{t('warden.hazard.location')}</dt>
              <dd>{hazard.location}</dd>
            </div>
            {hazard.extinguisherTag && (
              <div>
                <dt>{t('warden.hazard.unit')}</dt>
                <dd>
                  {hazard.extinguisherTag}
                  {hazard.itemNo !== null && ` · ${t('warden.hazards.item', { no: hazard.itemNo })}`}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('warden.hazard.reported')}</dt>
              <dd>
                {formatDateTime(hazard.reportedAt, lng)} · {t(`warden.hazards.sources.${hazard.source}`)}
              </dd>
            </div>
            {hazard.fixedBy && (
              <div>
                <dt>{t('warden.hazard.fixedBy')}</dt>
                <dd>{hazard.fixedBy}</dd>
              </div>
            )}
            {hazard.verifiedBy && (
              <div>
                <dt>{t('warden.hazard.verifiedBy')}</dt>
                <dd>{hazard.verifiedBy}</dd>
              </div>
            )}
          </dl>

          <section className="panel" aria-labelledby="plan-title">
            <h2 id="plan-title" className="panel-title">
              {t('warden.plan.title')}
            </h2>
            {hazard.plan && !editingPlan && (
              <dl className="facts">
                <div>
                  <dt>{t('warden.plan.responsible')}</dt>
                  <dd>{hazard.plan.responsible}</dd>
                </div>
                <div>
                  <dt>{t('warden.plan.measures')}</dt>
                  <dd>{hazard.plan.measures}</dd>
                </div>
                <div>
                  <dt>{t('warden.plan.funding')}</dt>
                  <dd>{hazard.plan.funding || t('warden.plan.noFunding')}</dd>
                </div>
                <div>
                  <dt>{t('warden.plan.deadline')}</dt>
                  <dd className={hazard.overdue ? 'facts-alert' : undefined}>{formatDay(hazard.plan.deadline, lng)}</dd>
                </div>
                <div>
                  <dt>{t('warden.plan.interimSafeguard')}</dt>
                  <dd>{hazard.plan.interimSafeguard}</dd>
                </div>
              </dl>
            )}
            {!hazard.plan && !active && <p className="panel-body">{t('warden.plan.none')}</p>}
            {active && (hazard.plan === null || editingPlan) ? (
              <PlanForm hazard={hazard} onSaved={apply} onCancel={hazard.plan ? () => setEditingPlan(false) : undefined} />
            ) : (
              active && (
                <button type="button" className="button button-secondary" onClick={() => setEditingPlan(true)}>
                  {t('warden.plan.edit')}
                </button>
              )
            )}
          </section>

          {active && (
            <PersonStep
              key={`fix-${hazard.status}`}
              title={t('warden.fix.title')}
              body={t('warden.fix.body')}
              confirm={t('warden.fix.confirm')}
              send={(client, person) => client.call('hazard.fix', { hazardId, ...person })}
              onDone={apply}
            />
          )}
          {hazard.status === 'fixed' && (
            <PersonStep
              key="verify"
              title={t('warden.verify.title')}
              body={t('warden.verify.body', { name: hazard.fixedBy ?? '' })}
              confirm={t('warden.verify.confirm')}
              send={(client, person) => client.call('hazard.verify', { hazardId, ...person })}
              onDone={apply}
            />
          )}
          {hazard.status === 'verified' && (
            <p className="notice notice-ok" role="status">
              {t('warden.verify.done', { fixedBy: hazard.fixedBy ?? '', verifiedBy: hazard.verifiedBy ?? '' })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function PlanForm({ hazard, onSaved, onCancel }: { hazard: HazardView; onSaved(h: HazardView): void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const client = useApi();
  const id = useId();
  const [plan, setPlan] = useState(
    () => hazard.plan ?? { responsible: '', measures: '', funding: '', deadline: '', interimSafeguard: '' },
  );
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const missing = (['responsible', 'measures', 'deadline', 'interimSafeguard'] as const).filter((k) => !plan[k].trim());
  const set = (key: keyof typeof plan, value: string) => setPlan((p) => ({ ...p, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (missing.length > 0) {
      document.getElementById(`${id}-${missing[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      onSaved(
        await client.call('hazard.plan', {
          hazardId: hazard.id,
          responsible: plan.responsible.trim(),
          measures: plan.measures.trim(),
          funding: plan.funding.trim(),
          deadline: plan.deadline,
          interimSafeguard: plan.interimSafeguard.trim(),
        }),
      );
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  const invalid = (key: (typeof missing)[number]) => (tried && missing.includes(key)) || undefined;
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      <p className="panel-body">{t('warden.plan.body')}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-responsible`} className="field-label">
            {t('warden.plan.responsible')}
          </label>
          <input id={`${id}-responsible`} className="field-input" maxLength={80} value={plan.responsible} aria-invalid={invalid('responsible')} onChange={(e) => set('responsible', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-funding`} className="field-label">
            {t('warden.plan.funding')}
          </label>
          <input id={`${id}-funding`} className="field-input" maxLength={200} value={plan.funding} onChange={(e) => set('funding', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-deadline`} className="field-label">
            {t('warden.plan.deadline')}
          </label>
          <input
            id={`${id}-deadline`}
            className="field-input"
            type="date"
            min={siteToday()}
            value={plan.deadline}
            aria-invalid={invalid('deadline')}
            onChange={(e) => set('deadline', e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-measures`} className="field-label">
          {t('warden.plan.measures')}
        </label>
        <textarea id={`${id}-measures`} className="field-input field-text" rows={2} maxLength={500} value={plan.measures} aria-invalid={invalid('measures')} onChange={(e) => set('measures', e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-interimSafeguard`} className="field-label">
          {t('warden.plan.interimSafeguard')}
        </label>
        <textarea
          id={`${id}-interimSafeguard`}
          className="field-input field-text"
          rows={2}
          maxLength={300}
          value={plan.interimSafeguard}
          aria-invalid={invalid('interimSafeguard')}
          onChange={(e) => set('interimSafeguard', e.target.value)}
        />
        <p className="field-hint">{t('warden.plan.interimHint')}</p>
      </div>
      <ErrorNotice
        error={error}
        message={tried && missing.length > 0 ? t('warden.plan.missing', { fields: missing.map((k) => t(`warden.plan.${k}`)).join(t('warden.common.listSeparator')) }) : null}
      />
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('warden.common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('warden.plan.save')}
        </button>
      </div>
    </form>
  );
}

type Person = { employeeNo: string; pin: string; note: string };

/** A step someone signs with their employee number and PIN (the fix; the acceptance). */
function PersonStep({
  title,
  body,
  confirm,
  send,
  onDone,
}: {
  title: string;
  body: string;
  confirm: string;
  send(client: ReturnType<typeof useApi>, person: Person): Promise<HazardView>;
  onDone(h: HazardView): void;
}) {
  const { t } = useTranslation();
  const client = useApi();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [employeeNo, setEmployeeNo] = useState('');
  const [pin, setPin] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const missing = !employeeNo ? 'employeeNo' : pin.length < 4 ? 'pin' : null;
    setProblem(missing && t(`warden.person.missing.${missing}`));
    if (missing) return;
    setBusy(true);
    try {
      onDone(await send(client, { employeeNo, pin, note: note.trim() }));
    } catch (err) {
      setError(asApiCallError(err));
      setPin('');
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {title}
      </h2>
      <p className="panel-body">{body}</p>
      {!open ? (
        <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
          {confirm}
        </button>
      ) : (
        <>
          <KeypadFields
            disabled={busy}
            fields={[
              { key: 'employeeNo', label: t('warden.person.employeeNo'), value: employeeNo, onChange: setEmployeeNo, maxLength: 12 },
              { key: 'pin', label: t('warden.person.pin'), value: pin, onChange: setPin, maxLength: 8, secret: true },
            ]}
          />
          <div className="field">
            <label htmlFor={`${id}-note`} className="field-label">
              {t('warden.person.note')}
            </label>
            <input id={`${id}-note`} className="field-input" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <ErrorNotice error={error} message={problem} />
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)} disabled={busy}>
              {t('warden.common.cancel')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void submit()} disabled={busy}>
              {busy ? t('warden.common.saving') : t('warden.person.sign')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
