/**
 * How far a running preview or import has got: the step it is on and, while PINs are checked (the
 * slow part), a bar with how many of how many; and the button that stops it before it writes.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatNumber } from '../../components/format.js';
import type { RosterJob } from './useRosterJob.js';

export function JobProgress({ job, onCancel }: { job: Extract<RosterJob, { status: 'running' }>; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const progress = job.progress;
  const phase = progress?.phase ?? 'reading';
  const counting = phase === 'checking_pins' && progress !== null && progress.total > 0;
  const writing = phase === 'writing' || job.cancel === 'tooLate';

  return (
    <section className="panel roster-progress" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t(`people.import.running.${job.kind}`)}
      </h2>
      <p className="roster-phase" role="status">
        {job.cancel === 'asked' ? t('people.import.phase.cancelling') : t(`people.import.phase.${phase}`)}
      </p>
      <progress
        className="roster-bar"
        aria-labelledby={`${id}-title`}
        {...(counting ? { max: progress.total, value: progress.done } : {})}
        aria-valuetext={counting ? t('people.import.count', { done: progress.done, total: progress.total }) : undefined}
      />
      {counting && (
        <p className="roster-count" aria-hidden="true">
          {t('people.import.count', { done: formatNumber(progress.done, lng), total: formatNumber(progress.total, lng) })}
        </p>
      )}
      {job.cancel === 'tooLate' && <p className="notice notice-warn">{t('people.import.tooLate')}</p>}
      <ErrorNotice error={job.cancelError} />
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={onCancel} disabled={writing || job.cancel !== 'none'}>
          {job.cancel === 'asked' ? t('people.import.cancelling') : t('people.import.cancel')}
        </button>
      </div>
    </section>
  );
}
