/** The warden reports a hazard: what, where, and the extinguisher it concerns if any. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HazardView } from '../../../shared/contract/extinguisher.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';

export function ReportHazard({ onReported, onCancel }: { onReported(hazard: HazardView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const heading = useFocusHeading();
  const id = useId();
  const units = useHubQuery((c) => c.call('extinguisher.list', {}));
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [tag, setTag] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const missing = { description: !description.trim(), location: !location.trim() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (missing.description || missing.location) return;
    setBusy(true);
    try {
      onReported(
        await client.call('hazard.report', {
          description: description.trim(),
          location: location.trim(),
          ...(tag ? { extinguisherTag: tag } : {}),
        }),
      );
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  const chooseUnit = (value: string) => {
    setTag(value);
    const unit = units.data?.units.find((u) => u.tag === value);
    if (unit && !location.trim()) setLocation(unit.location);
  };

  return (
    <section className="screen" aria-labelledby="report-title">
      <header className="screen-head">
        <h1 id="report-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.report.title')}
        </h1>
      </header>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={`${id}-description`} className="field-label">
            {t('warden.report.description')}
          </label>
          <textarea
            id={`${id}-description`}
            className="field-input field-text"
            rows={3}
            maxLength={500}
            value={description}
            aria-invalid={(tried && missing.description) || undefined}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-unit`} className="field-label">
              {t('warden.report.unit')}
            </label>
            <select id={`${id}-unit`} className="field-input" value={tag} onChange={(e) => chooseUnit(e.target.value)}>
              <option value="">{t('warden.report.noUnit')}</option>
              {(units.data?.units ?? []).map((u) => (
                <option key={u.tag} value={u.tag}>
                  {u.tag} · {u.location}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-location`} className="field-label">
              {t('warden.report.location')}
            </label>
            <input
              id={`${id}-location`}
              className="field-input"
              value={location}
              maxLength={120}
              aria-invalid={(tried && missing.location) || undefined}
              onChange={(e) => setLocation(e.target.value)}
            />
          </div>
        </div>
        <ErrorNotice error={error} message={tried && (missing.description || missing.location) ? t('warden.report.missing') : null} />
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('warden.common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('warden.report.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
