/**
 * How long personal data is kept (a site setting, changed with the desk's supervisor ticket) and the
 * purge that removes it from older records, after a confirmation that says how much and what copies
 * still hold it. Afterwards the audit chain is checked again on screen.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { purgeKinds, type ChainCheck, type PurgeCounts, type PurgeResult } from '../../../shared/contract/retention.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatCount, formatLongDate } from '../../app/format.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';
import { ModalDialog } from '../emergency/ModalDialog.js';
import { ChainResult } from './ChainCheck.js';

const total = (counts: PurgeCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

export function RetentionPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const status = useHubQuery((c) => c.call('retention.status', {}));
  const backups = useHubQuery((c) => c.call('backup.list', {}));
  // What the admin typed; until then the field shows the site's setting.
  const [typed, setTyped] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [purged, setPurged] = useState<{ result: PurgeResult; chain: ChainCheck | null } | null>(null);

  const months = typed ?? (status.data ? String(status.data.retentionMonths) : '');
  const parsed = /^\d{1,3}$/.test(months.trim()) ? Number(months.trim()) : NaN;
  const monthsOk = Number.isInteger(parsed) && parsed >= 1 && parsed <= 240;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!monthsOk || saving) return;
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      await whileUnlocked(() => client.call('retention.update', { auth, retentionMonths: parsed }));
      setSaved(parsed);
      setPurged(null);
      status.reload();
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setSaving(false);
    }
  }

  const data = status.data;
  const due = data ? total(data.due) : 0;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.retention.title')}
      </h2>
      <p className="panel-body">{t('records.retention.body')}</p>
      <form className="records-period" onSubmit={(e) => void save(e)}>
        <div className="field">
          <label htmlFor={`${id}-months`} className="field-label">
            {t('records.retention.months')}
          </label>
          <input
            id={`${id}-months`}
            className="field-input records-months"
            inputMode="numeric"
            value={months}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={(months !== '' && !monthsOk) || undefined}
            aria-describedby={`${id}-months-hint`}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={saving || !monthsOk}>
          {saving ? t('records.retention.saving') : t('records.retention.save')}
        </button>
      </form>
      <p id={`${id}-months-hint`} className="field-hint">
        {t('records.retention.monthsHint')}
      </p>
      <ErrorNotice error={error ?? status.error} message={months !== '' && !monthsOk ? t('records.retention.badMonths') : null} />
      <div role="status" className="records-status">
        {saved !== null && <p className="notice notice-ok">{t('records.retention.saved', { count: saved })}</p>}
      </div>
      {data && (
        <>
          <p className="records-cutoff">{t('records.retention.cutoff', { date: formatLongDate(data.cutoff, lng) })}</p>
          {due === 0 ? (
            <p className="panel-body" data-testid="retention-due">
              {t('records.retention.none')}
            </p>
          ) : (
            <div data-testid="retention-due">
              <p className="panel-body">{t('records.retention.due')}</p>
              <ul className="records-due">
                {purgeKinds
                  .filter((kind) => data.due[kind] > 0)
                  .map((kind) => (
                    <li key={kind}>{t('records.retention.kindCount', { kind: t(`records.retention.kinds.${kind}`), count: data.due[kind] })}</li>
                  ))}
              </ul>
            </div>
          )}
          <div className="toolbar">
            <button type="button" className="button button-danger" disabled={due === 0} onClick={() => setConfirming(true)}>
              {t('records.retention.purge')}
            </button>
          </div>
          <p className="panel-body">
            {data.lastPurge
              ? t('records.retention.last', {
                  at: formatDateTime(data.lastPurge.at, lng),
                  count: total(data.lastPurge.counts),
                  cutoff: formatLongDate(data.lastPurge.cutoff, lng),
                })
              : t('records.retention.never')}
          </p>
        </>
      )}
      <div role="status" className="records-status">
        {purged && (
          <>
            <p className="notice notice-ok" data-testid="purge-result">
              {purged.result.total === 0 ? t('records.retention.nothing') : t('records.retention.done', { formatted: formatCount(purged.result.total, lng) })}
            </p>
            {purged.chain && <ChainResult result={purged.chain} />}
          </>
        )}
      </div>
      {confirming && data && (
        <PurgeDialog
          count={due}
          cutoff={data.cutoff}
          keepDays={backups.data?.keepDays ?? null}
          onCancel={() => setConfirming(false)}
          onDone={(result, chain) => {
            setConfirming(false);
            setPurged({ result, chain });
            status.reload();
          }}
        />
      )}
    </section>
  );
}

function PurgeDialog({
  count,
  cutoff,
  keepDays,
  onCancel,
  onDone,
}: {
  count: number;
  cutoff: string;
  keepDays: number | null;
  onCancel(): void;
  onDone(result: PurgeResult, chain: ChainCheck | null): void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const titleId = useId();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: Enter keeps the data.
  useEffect(() => cancelRef.current?.focus(), []);

  async function purge() {
    setBusy(true);
    setError(null);
    try {
      const result = await whileUnlocked(() => client.call('retention.purge', { auth, dryRun: false }));
      const chain = await client.call('audit.check', {}).catch(() => null);
      onDone(result, chain);
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <ModalDialog labelledBy={titleId} className="emg-dialog-wide emg-dialog-danger records-dialog" onCancel={() => !busy && onCancel()}>
      <h2 id={titleId} className="panel-title">
        {t('records.retention.confirmTitle')}
      </h2>
      <p>{t('records.retention.confirmBody', { formatted: formatCount(count, lng), date: formatLongDate(cutoff, lng) })}</p>
      {keepDays !== null && <p className="emg-dialog-explain">{t('records.retention.confirmCopies', { days: keepDays })}</p>}
      <ErrorNotice error={error} />
      <div className="form-actions">
        <button type="button" ref={cancelRef} className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('records.retention.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={() => void purge()} disabled={busy}>
          {busy ? t('records.retention.purging') : t('records.retention.confirm')}
        </button>
      </div>
    </ModalDialog>
  );
}
