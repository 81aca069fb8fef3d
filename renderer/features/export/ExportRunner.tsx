/**
 * Starts an export of a period and follows it on the hub's event stream (export.progress,
 * export.finished) with a progress bar and a Cancel button. The export runs on the hub: leaving the
 * screen does not stop it, and the list shows it once it is signed.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../shared/contract/events.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatCount } from '../../app/format.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useWhileUnlocked } from '../admin/admin-session.js';

type Finished = EventPayload<'export.finished'>;
type Run =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; exportId: string; done: number; total: number; stage: string; cancelling: boolean }
  | { phase: 'finished'; result: Finished };

/** While an export runs, the list is asked this often too, in case the event stream dropped its end. */
const fallbackPollMs = 3_000;

export function ExportRunner({ onFinished }: { onFinished(): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const client = useApi();
  const whileUnlocked = useWhileUnlocked();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const [error, setError] = useState<ApiCallError | null>(null);
  // A tiny export can finish before export.start has answered: keep what the stream said meanwhile.
  const early = useRef(new Map<string, Finished>());
  // The folder each export of ours will land in, for the fallback below.
  const folders = useRef(new Map<string, string>());
  const onFinishedRef = useRef(onFinished);
  useEffect(() => {
    onFinishedRef.current = onFinished;
  });

  const finish = useCallback((result: Finished) => {
    setRun({ phase: 'finished', result });
    onFinishedRef.current();
  }, []);

  useEffect(() => {
    const offProgress = client.on('export.progress', (p) =>
      setRun((r) => (r.phase === 'running' && r.exportId === p.exportId ? { ...r, done: p.done, total: p.total, stage: p.stage } : r)),
    );
    const offFinished = client.on('export.finished', (f) => {
      early.current.set(f.exportId, f);
      setRun((r) => {
        if (r.phase !== 'running' || r.exportId !== f.exportId) return r;
        queueMicrotask(() => onFinishedRef.current());
        return { phase: 'finished', result: f };
      });
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [client]);

  // The fallback: the signed folder shows up in the list even if the finished event was lost.
  const running = run.phase === 'running' ? run : null;
  const runningId = running?.exportId ?? null;
  useEffect(() => {
    if (!runningId) return;
    const timer = setInterval(() => {
      void client.call('export.list', {}).then(
        (list) => {
          const name = folders.current.get(runningId);
          if (name && list.exports.includes(name)) finish({ exportId: runningId, ok: true, folder: name });
        },
        () => undefined,
      );
    }, fallbackPollMs);
    return () => clearInterval(timer);
  }, [runningId, client, finish]);

  const badPeriod = from !== '' && to !== '' && from > to;

  async function start(event: FormEvent) {
    event.preventDefault();
    if (badPeriod || run.phase === 'starting' || run.phase === 'running') return;
    setError(null);
    setRun({ phase: 'starting' });
    try {
      const started = await whileUnlocked(() => client.call('export.start', { ...(from ? { from } : {}), ...(to ? { to } : {}) }));
      folders.current.set(started.exportId, started.folder);
      const already = early.current.get(started.exportId);
      if (already) finish(already);
      else setRun({ phase: 'running', exportId: started.exportId, done: 0, total: 0, stage: 'start', cancelling: false });
    } catch (err) {
      setError(asApiCallError(err));
      setRun({ phase: 'idle' });
    }
  }

  async function cancel() {
    if (run.phase !== 'running') return;
    setRun({ ...run, cancelling: true });
    try {
      await whileUnlocked(() => client.call('export.cancel', { exportId: run.exportId }));
    } catch (err) {
      setError(asApiCallError(err));
    }
  }

  const percent = running && running.total > 0 ? Math.min(100, Math.floor((running.done / running.total) * 100)) : 0;
  const busy = run.phase === 'starting' || run.phase === 'running';
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.start.title')}
      </h2>
      <p className="panel-body">{t('records.start.body')}</p>
      <form className="records-period" onSubmit={(e) => void start(e)}>
        <div className="field">
          <label htmlFor={`${id}-from`} className="field-label">
            {t('records.start.from')}
          </label>
          <input id={`${id}-from`} type="date" className="field-input" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} disabled={busy} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`} className="field-label">
            {t('records.start.to')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="field-input"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
            disabled={busy}
            aria-invalid={badPeriod || undefined}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy || badPeriod}>
          {run.phase === 'starting' ? t('records.start.starting') : t('records.start.start')}
        </button>
      </form>
      <ErrorNotice error={error} message={badPeriod ? t('records.start.badPeriod') : null} />
      {running && (
        <div className="records-progress">
          <label htmlFor={`${id}-progress`} className="field-label">
            {t('records.start.running', { percent })} · {t(`records.start.stage.${running.stage}`, { defaultValue: running.stage })}
          </label>
          <progress id={`${id}-progress`} value={running.done} max={Math.max(running.total, 1)} aria-label={t('records.start.progressLabel')} />
          <button type="button" className="button button-secondary" onClick={() => void cancel()} disabled={running.cancelling}>
            {running.cancelling ? t('records.start.cancelling') : t('records.start.cancel')}
          </button>
        </div>
      )}
      <div role="status" className="records-status">
        {run.phase === 'finished' && <FinishedNotice result={run.result} language={lng} />}
      </div>
    </section>
  );
}

function FinishedNotice({ result, language }: { result: Finished; language: string }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <p className="notice notice-ok">
        {result.records === undefined
          ? t('records.start.doneSigned')
          : t('records.start.done', { count: result.records, formatted: formatCount(result.records, language), fingerprint: result.fingerprint ?? '' })}
      </p>
    );
  }
  const reason = result.reason && ['cancelled', 'chain_broken', 'out_exists', 'bad_period'].includes(result.reason) ? result.reason : 'failed';
  return <p className={`notice ${reason === 'cancelled' ? 'notice-warn' : 'notice-error'}`}>{t(`records.start.failed.${reason}`, { detail: result.detail ?? '' })}</p>;
}
