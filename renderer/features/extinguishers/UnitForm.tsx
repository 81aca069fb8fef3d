/**
 * Add a unit, or edit one (its tag is its identity, so it stays as it is); an edited unit can also
 * be taken out of service here, with a reason. Mistakes are named before anything is sent; what
 * the hub refuses is shown in the warden's language.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtinguisherUnit } from '../../../shared/contract/extinguisher.js';
import { extinguisherTypes, type ExtinguisherType } from '../../../shared/domain/extinguisher-rules.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { siteToday } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';

const tagPattern = /^[A-Za-z0-9_.-]{1,40}$/;

interface Draft {
  tag: string;
  location: string;
  zone: string;
  type: ExtinguisherType | '';
  sizeKg: string;
  manufacturedOn: string;
  lastRepairOn: string;
  halfMonthly: boolean;
  hasGauge: boolean;
}

const draftOf = (unit: ExtinguisherUnit | null): Draft =>
  unit
    ? {
        tag: unit.tag,
        location: unit.location,
        zone: unit.zone,
        type: unit.type,
        sizeKg: String(unit.sizeKg),
        manufacturedOn: unit.manufacturedOn,
        lastRepairOn: unit.lastRepairOn ?? '',
        halfMonthly: unit.halfMonthly,
        hasGauge: unit.hasGauge,
      }
    : { tag: '', location: '', zone: '', type: '', sizeKg: '', manufacturedOn: '', lastRepairOn: '', halfMonthly: false, hasGauge: true };

type Problem = 'tag' | 'tagTaken' | 'location' | 'type' | 'sizeKg' | 'manufacturedOn';

/** What the form can tell by itself; whether the dates fit together is the hub's to say. */
function problemsOf(d: Draft, isNew: boolean, existingTags: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const tag = d.tag.trim();
  if (!tagPattern.test(tag)) out.push('tag');
  else if (isNew && existingTags.includes(tag)) out.push('tagTaken');
  if (!d.location.trim()) out.push('location');
  if (!d.type) out.push('type');
  const size = Number(d.sizeKg);
  if (!(size > 0 && size <= 100)) out.push('sizeKg');
  if (!d.manufacturedOn) out.push('manufacturedOn');
  return out;
}

export interface UnitFormProps {
  unit: ExtinguisherUnit | null;
  onSaved(unit: ExtinguisherUnit): void;
  onRetired(tag: string): void;
  onCancel(): void;
}

export function UnitForm({ unit, onSaved, onRetired, onCancel }: UnitFormProps) {
  const { t } = useTranslation();
  const client = useApi();
  const heading = useFocusHeading();
  const id = useId();
  const today = siteToday();
  // Tags already in service: a new unit may not take one (saving would silently edit that unit).
  const registry = useHubQuery((c) => c.call('extinguisher.list', {}));
  const existingTags = (registry.data?.units ?? []).map((u) => u.tag);
  const [draft, setDraft] = useState<Draft>(() => draftOf(unit));
  const [shown, setShown] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [reason, setReason] = useState('');
  const [retireProblem, setRetireProblem] = useState(false);
  const [retireError, setRetireError] = useState<ApiCallError | null>(null);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problemFor = (key: string): Problem | undefined =>
    shown.find((p) => p === key || (key === 'tag' && p === 'tagTaken'));
  const field = (key: Problem | 'zone' | 'lastRepairOn') => ({
    id: `${id}-${key}`,
    'aria-invalid': problemFor(key) ? true : undefined,
    'aria-describedby': problemFor(key) ? `${id}-${key}-problem` : undefined,
  });
  const problem = (key: Problem) => {
    const found = problemFor(key);
    return (
      found && (
        <p id={`${id}-${key}-problem`} className="field-problem">
          {t(`warden.form.problems.${found}`, { tag: draft.tag.trim() })}
        </p>
      )
    );
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const problems = problemsOf(draft, unit === null, existingTags);
    setShown(problems);
    setError(null);
    if (problems.length > 0 || !draft.type) {
      document.getElementById(`${id}-${problems[0] === 'tagTaken' ? 'tag' : problems[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await client.call('extinguisher.save', {
        tag: draft.tag.trim(),
        location: draft.location.trim(),
        zone: draft.zone.trim(),
        type: draft.type,
        sizeKg: Number(draft.sizeKg),
        manufacturedOn: draft.manufacturedOn,
        lastRepairOn: draft.lastRepairOn || null,
        halfMonthly: draft.halfMonthly,
        hasGauge: draft.hasGauge,
      });
      onSaved(saved);
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  async function retire() {
    if (!unit) return;
    const why = reason.trim();
    setRetireProblem(!why);
    setRetireError(null);
    if (!why) return;
    setBusy(true);
    try {
      await client.call('extinguisher.retire', { tag: unit.tag, reason: why });
      onRetired(unit.tag);
    } catch (err) {
      setRetireError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen" aria-labelledby="unit-form-title">
      <header className="screen-head">
        <h1 id="unit-form-title" className="screen-title" ref={heading} tabIndex={-1}>
          {unit ? t('warden.form.editTitle', { tag: unit.tag }) : t('warden.form.addTitle')}
        </h1>
      </header>
      <form className="form" noValidate onSubmit={(e) => void save(e)}>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-tag`} className="field-label">
              {t('warden.form.tag')}
            </label>
            <input
              {...field('tag')}
              className="field-input"
              value={draft.tag}
              readOnly={unit !== null}
              maxLength={40}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              onChange={(e) => set('tag', e.target.value)}
            />
            <p className="field-hint">{unit ? t('warden.form.tagFixed') : t('warden.form.tagHint')}</p>
            {problem('tag')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-location`} className="field-label">
              {t('warden.form.location')}
            </label>
            <input {...field('location')} className="field-input" value={draft.location} maxLength={120} onChange={(e) => set('location', e.target.value)} />
            {problem('location')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-zone`} className="field-label">
              {t('warden.form.zone')}
            </label>
            <input {...field('zone')} className="field-input" value={draft.zone} maxLength={60} onChange={(e) => set('zone', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`} className="field-label">
              {t('warden.form.type')}
            </label>
            <select {...field('type')} className="field-input" value={draft.type} onChange={(e) => set('type', e.target.value as ExtinguisherType | '')}>
              <option value="">{t('warden.form.choose')}</option>
              {extinguisherTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`warden.types.${type}`)}
                </option>
              ))}
            </select>
            {problem('type')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-sizeKg`} className="field-label">
              {t('warden.form.sizeKg')}
            </label>
            <input
              {...field('sizeKg')}
              className="field-input"
              type="number"
              inputMode="decimal"
              min="0.1"
              max="100"
              step="0.1"
              value={draft.sizeKg}
              onChange={(e) => set('sizeKg', e.target.value)}
            />
            {problem('sizeKg')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-manufacturedOn`} className="field-label">
              {t('warden.form.manufacturedOn')}
            </label>
            <input
              {...field('manufacturedOn')}
              className="field-input"
              type="date"
              max={today}
              value={draft.manufacturedOn}
              onChange={(e) => set('manufacturedOn', e.target.value)}
            />
            {problem('manufacturedOn')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-lastRepairOn`} className="field-label">
              {t('warden.form.lastRepairOn')}
            </label>
            <div className="field-row">
              <input
                {...field('lastRepairOn')}
                className="field-input"
                type="date"
                max={today}
                min={draft.manufacturedOn || undefined}
                value={draft.lastRepairOn}
                onChange={(e) => set('lastRepairOn', e.target.value)}
              />
              <button type="button" className="button button-secondary" disabled={!draft.lastRepairOn} onClick={() => set('lastRepairOn', '')}>
                {t('warden.form.noRepair')}
              </button>
            </div>
            <p className="field-hint">{t('warden.form.lastRepairHint')}</p>
          </div>
        </div>
        <div className="toggles">
          <label className="toggle">
            <input type="checkbox" checked={draft.halfMonthly} onChange={(e) => set('halfMonthly', e.target.checked)} />
            <span>
              <strong>{t('warden.form.halfMonthly')}</strong>
              <span className="field-hint">{t('warden.form.halfMonthlyHint')}</span>
            </span>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={draft.hasGauge} onChange={(e) => set('hasGauge', e.target.checked)} />
            <span>
              <strong>{t('warden.form.hasGauge')}</strong>
              <span className="field-hint">{t('warden.form.hasGaugeHint')}</span>
            </span>
          </label>
        </div>
        <ErrorNotice error={error} message={shown.length > 0 ? t('warden.form.fixProblems', { count: shown.length }) : null} />
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('warden.common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('warden.common.saving') : t('warden.form.save')}
          </button>
        </div>
      </form>

      {unit && (
        <section className="panel panel-danger" aria-labelledby={`${id}-retire`}>
          <h2 id={`${id}-retire`} className="panel-title">
            {t('warden.retire.title')}
          </h2>
          <p className="panel-body">{t('warden.retire.body')}</p>
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field-label">
              {t('warden.retire.reason')}
            </label>
            <input
              id={`${id}-reason`}
              className="field-input"
              value={reason}
              maxLength={200}
              aria-invalid={retireProblem || undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <ErrorNotice error={retireError} message={retireProblem ? t('warden.retire.reasonMissing') : null} />
          <button type="button" className="button button-danger" onClick={() => void retire()} disabled={busy}>
            {t('warden.retire.confirm', { tag: unit.tag })}
          </button>
        </section>
      )}
    </section>
  );
}
