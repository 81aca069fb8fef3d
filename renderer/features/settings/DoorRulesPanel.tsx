/**
 * The door's rules: whether missing or expired training only warns or refuses the sign-in, when
 * training counts as expiring, how long training without an expiry date lasts, and the daily close
 * of forgotten sign-outs (which also starts the site day).
 */
import { useId, useState, type FormEvent } from 'react';
import type { DoorSettings } from '../../../shared/contract/dashboard.js';
import { isClockTime } from '../../../shared/domain/shift.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { SegmentedChoice } from '../../components/SegmentedChoice.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { useSupervisorWords } from '../dashboard/words.js';

interface Draft {
  trainingGate: DoorSettings['trainingGate'];
  trainingExpiringDays: string;
  trainingValidMonths: string;
  dailyCloseAt: string;
}

const toDraft = (s: DoorSettings): Draft => ({
  trainingGate: s.trainingGate,
  trainingExpiringDays: String(s.trainingExpiringDays),
  trainingValidMonths: String(s.trainingValidMonths),
  dailyCloseAt: s.dailyCloseAt,
});

const wholeIn = (value: string, min: number, max: number) => /^\d{1,3}$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;

export function DoorRulesPanel() {
  const { t } = useSupervisorWords();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const id = useId();
  const { data, error: loadError } = useHubQuery((c) => c.call('doorSettings.current', {}));
  // Untouched, the form shows what the hub has; the first edit makes it the supervisor's draft.
  const [edited, setEdited] = useState<Draft | null>(null);
  const draft = edited ?? (data ? toDraft(data) : null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [saved, setSaved] = useState(false);

  const problems = draft && {
    trainingExpiringDays: !wholeIn(draft.trainingExpiringDays, 0, 365),
    trainingValidMonths: !wholeIn(draft.trainingValidMonths, 1, 120),
    dailyCloseAt: !isClockTime(draft.dailyCloseAt.trim()),
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    if (draft) setEdited({ ...draft, [key]: value });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft || !problems || busy) return;
    setTried(true);
    setError(null);
    setSaved(false);
    const first = (Object.keys(problems) as (keyof typeof problems)[]).find((k) => problems[k]);
    if (first) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const next = await whileUnlocked(() =>
        client.call('doorSettings.update', {
          auth,
          trainingGate: draft.trainingGate,
          trainingExpiringDays: Number(draft.trainingExpiringDays),
          trainingValidMonths: Number(draft.trainingValidMonths),
          dailyCloseAt: draft.dailyCloseAt.trim(),
        }),
      );
      setEdited(toDraft(next));
      setSaved(true);
      setTried(false);
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  const numberField = (key: 'trainingExpiringDays' | 'trainingValidMonths', label: string, problem: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`} className="field-label">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        className="field-input"
        inputMode="numeric"
        autoComplete="off"
        value={draft?.[key] ?? ''}
        onChange={(e) => set(key, e.target.value)}
        aria-invalid={(tried && problems?.[key]) || undefined}
        aria-describedby={tried && problems?.[key] ? `${id}-${key}-problem` : undefined}
        disabled={busy}
      />
      {tried && problems?.[key] && (
        <p id={`${id}-${key}-problem`} className="field-problem">
          {problem}
        </p>
      )}
    </div>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('door.settings.title')}
      </h2>
      <ErrorNotice error={loadError} />
      {draft && (
        <form className="form" onSubmit={submit} noValidate>
          <SegmentedChoice
            name={`${id}-gate`}
            className="door-gate"
            legend={t('door.settings.gate')}
            choices={[
              { value: 'warn', label: t('door.settings.gates.warn'), tone: 'warn' },
              { value: 'block', label: t('door.settings.gates.block'), tone: 'fail' },
            ]}
            value={draft.trainingGate}
            onChange={(v) => set('trainingGate', v)}
            disabled={busy}
          />
          <div className="form-grid">
            {numberField('trainingExpiringDays', t('door.settings.expiringDays'), t('door.settings.invalidExpiringDays'))}
            {numberField('trainingValidMonths', t('door.settings.validMonths'), t('door.settings.invalidValidMonths'))}
            <div className="field">
              <label htmlFor={`${id}-dailyCloseAt`} className="field-label">
                {t('door.settings.dailyCloseAt')}
              </label>
              <input
                id={`${id}-dailyCloseAt`}
                className="field-input"
                inputMode="numeric"
                autoComplete="off"
                maxLength={5}
                value={draft.dailyCloseAt}
                onChange={(e) => set('dailyCloseAt', e.target.value)}
                aria-invalid={(tried && problems?.dailyCloseAt) || undefined}
                aria-describedby={`${id}-close-hint${tried && problems?.dailyCloseAt ? ` ${id}-dailyCloseAt-problem` : ''}`}
                disabled={busy}
              />
              <p id={`${id}-close-hint`} className="field-hint">
                {t('door.settings.dailyCloseHint')}
              </p>
              {tried && problems?.dailyCloseAt && (
                <p id={`${id}-dailyCloseAt-problem`} className="field-problem">
                  {t('door.settings.invalidCloseAt')}
                </p>
              )}
            </div>
          </div>
          <ErrorNotice error={error} />
          <div role="status">{saved && <p className="notice notice-ok">{t('door.settings.saved')}</p>}</div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('common.saving') : t('door.settings.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
