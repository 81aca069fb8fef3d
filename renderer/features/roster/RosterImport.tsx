/**
 * Roster import (人员名册导入) on the admin desk: pick the CSV file HR exported, see what it would
 * change and every line it would reject, then import it — with progress and a Cancel button while
 * the PINs are checked — and read the final report. Nothing changes until Import is pressed, and a
 * preview belongs to the file and option it was made for: changing either asks for a new one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterReport } from '../../../shared/contract/roster.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatNumber } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { JobProgress } from './JobProgress.js';
import type { PickedFile } from './roster-file.js';
import { RosterFilePicker } from './RosterFilePicker.js';
import { RosterPreview } from './RosterPreview.js';
import { useRosterJob } from './useRosterJob.js';
import '../../styles/people.css';

export function RosterImport() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const heading = useFocusHeading();
  const { job, start, cancel, reset } = useRosterJob();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [preview, setPreview] = useState<RosterReport | null>(null);
  const running = job.status === 'running';
  const imported = job.status === 'done' && job.kind === 'import' ? job.report : null;
  const toDo = preview ? preview.counts.add + preview.counts.update + preview.counts.deactivate : 0;

  const changeInput = <T,>(apply: (value: T) => void) => (value: T) => {
    apply(value);
    setPreview(null);
    reset();
  };

  async function runPreview() {
    if (!file) return;
    setPreview(null);
    setPreview(await start('preview', file, deactivateMissing));
  }

  function startOver() {
    setFile(null);
    setDeactivateMissing(false);
    setPreview(null);
    reset();
  }

  return (
    <section className="screen roster-screen" aria-labelledby="roster-title">
      <header className="screen-head">
        <h1 id="roster-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('people.import.title')}
        </h1>
        <p className="screen-sub">{t('people.import.explain')}</p>
      </header>

      {imported ? (
        <section className="panel roster-done" aria-labelledby="roster-done-title">
          <h2 id="roster-done-title" className="panel-title">
            {t('people.import.done.title')}
          </h2>
          <p className="notice notice-ok" role="status">
            {t('people.import.done.summary', {
              add: formatNumber(imported.counts.add, lng),
              update: formatNumber(imported.counts.update, lng),
              deactivate: formatNumber(imported.counts.deactivate, lng),
              rejected: formatNumber(imported.counts.rejected, lng),
            })}
          </p>
          <RosterPreview report={imported} />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={startOver}>
              {t('people.import.done.again')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <RosterFilePicker
            file={file}
            deactivateMissing={deactivateMissing}
            disabled={running}
            onFile={changeInput(setFile)}
            onDeactivateMissing={changeInput(setDeactivateMissing)}
          />
          {!running && (
            <div className="toolbar">
              <button type="button" className="button button-primary" disabled={!file} onClick={() => void runPreview()}>
                {preview ? t('people.import.previewAgain') : t('people.import.preview')}
              </button>
            </div>
          )}
          {job.status === 'running' && <JobProgress job={job} onCancel={() => void cancel()} />}
          <div role="status" className="roster-outcome">
            {job.status === 'cancelled' && <p className="notice notice-warn">{t(`people.import.cancelled.${job.kind}`)}</p>}
          </div>
          <ErrorNotice error={job.status === 'failed' ? job.error : null} />

          {preview && !(running && job.kind === 'preview') && (
            <section className="panel roster-preview" aria-labelledby="roster-preview-title">
              <h2 id="roster-preview-title" className="panel-title">
                {t('people.import.previewTitle')}
              </h2>
              <p className="panel-body">{t('people.import.previewBody')}</p>
              <RosterPreview report={preview} />
              {!running && (
                <div className="roster-import-bar">
                  <p className="roster-import-what">
                    {toDo > 0
                      ? t('people.import.willDo', {
                          add: formatNumber(preview.counts.add, lng),
                          update: formatNumber(preview.counts.update, lng),
                          deactivate: formatNumber(preview.counts.deactivate, lng),
                        })
                      : t('people.import.nothingToDo')}
                    {preview.counts.rejected > 0 && ` ${t('people.import.rejectedStay', { count: preview.counts.rejected })}`}
                  </p>
                  <button type="button" className="button button-primary button-huge" disabled={!file || toDo === 0} onClick={() => file && void start('import', file, deactivateMissing)}>
                    {t('people.import.import')}
                  </button>
                </div>
              )}
            </section>
          )}
        </>
      )}
    </section>
  );
}
