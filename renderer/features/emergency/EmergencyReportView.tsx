/**
 * After the end, on the warden's tablet and the admin: the report (who started and ended it, when,
 * how long until everyone was accounted for, who was missing and for how long) and its PDF.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyReport } from '../../../shared/contract/emergency.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { AppFrame } from '../../app/AppFrame.js';
import { formatLongDate, formatTime } from '../../app/format.js';
import { useErrorText } from '../presence/useErrorText.js';
import { byName } from './EvacuationParts.js';
import type { EndedEmergency } from './emergency-store.js';
import { formatDuration } from './format.js';
import { savePdf } from './pdf.js';

export function EmergencyReportView({ ended, onDone }: { ended: EndedEmergency; onDone(): void }) {
  const { t } = useTranslation();
  const client = useApi();
  const errorText = useErrorText();
  const titleId = useId();
  const [fetched, setFetched] = useState<EmergencyReport | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [printing, setPrinting] = useState(false);
  const report = ended.report ?? fetched;

  useEffect(() => {
    if (ended.report) return;
    let alive = true;
    client.call('emergency.report', { emergencyId: ended.emergencyId }).then(
      (r) => alive && setFetched(r),
      (err: unknown) => alive && setError(asApiCallError(err)),
    );
    return () => {
      alive = false;
    };
  }, [client, ended]);

  useEffect(() => document.getElementById(titleId)?.focus(), [titleId]);

  async function print() {
    setPrinting(true);
    setError(null);
    try {
      savePdf(await client.call('report.emergency', { emergencyId: ended.emergencyId }));
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setPrinting(false);
    }
  }

  return (
    <AppFrame>
      <main className="page emg-report" aria-labelledby={titleId} data-testid="emergency-report">
        <h1 id={titleId} className="page-title" tabIndex={-1}>
          {ended.drill ? t('emergency.report.drillTitle') : t('emergency.report.title')}
        </h1>
        {report ? <ReportBody report={report} /> : !error && <p className="page-body">{t('emergency.report.loading')}</p>}
        <div role="alert">{error && <p className="notice notice-error">{errorText(error)}</p>}</div>
        <div className="emg-report-actions">
          <button type="button" className="button button-secondary" onClick={() => void print()} disabled={printing}>
            {t('emergency.report.print')}
          </button>
          <button type="button" className="button button-primary" onClick={onDone}>
            {t('emergency.report.done')}
          </button>
        </div>
      </main>
    </AppFrame>
  );
}

function ReportBody({ report }: { report: EmergencyReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const when = (at: string) => `${formatLongDate(at, language)} ${formatTime(at, language)}`;
  // Everyone who was not accounted for at the start, longest missing first.
  const people = useMemo(
    () =>
      [...report.people].sort(
        (a, b) => (b.missingForSeconds ?? Infinity) - (a.missingForSeconds ?? Infinity) || byName.compare(a.name, b.name),
      ),
    [report.people],
  );
  return (
    <>
      <p className="emg-report-kind">
        {t(`emergency.kinds.${report.kind}`)}
        {report.drill ? ` · ${t('emergency.history.drill')}` : ` · ${t('emergency.history.real')}`}
      </p>
      <dl className="emg-report-facts">
        <div>
          <dt>{t('emergency.report.startedAt')}</dt>
          <dd>{when(report.startedAt)}</dd>
        </div>
        <div>
          <dt>{t('emergency.report.startedBy')}</dt>
          <dd>{report.startedBy}</dd>
        </div>
        {report.endedAt && (
          <div>
            <dt>{t('emergency.report.endedAt')}</dt>
            <dd>{when(report.endedAt)}</dd>
          </div>
        )}
        {report.endedBy && (
          <div>
            <dt>{t('emergency.report.endedBy')}</dt>
            <dd>{report.endedBy}</dd>
          </div>
        )}
        <div>
          <dt>{t('emergency.report.timeToAll')}</dt>
          <dd data-testid="time-to-all">
            {report.secondsToAllAccounted === null ? t('emergency.report.notAll') : formatDuration(report.secondsToAllAccounted, t, language)}
          </dd>
        </div>
        <div>
          <dt>{t('emergency.counts.onSite')}</dt>
          <dd>{report.counts.onSite}</dd>
        </div>
        <div>
          <dt>{t('emergency.counts.accounted')}</dt>
          <dd>{report.counts.accounted}</dd>
        </div>
        <div>
          <dt>{t('emergency.counts.missing')}</dt>
          <dd>{report.counts.missing}</dd>
        </div>
      </dl>
      <h2 className="emg-report-subtitle">{t('emergency.report.people')}</h2>
      {people.length === 0 ? (
        <p className="page-body">{t('emergency.report.nobody')}</p>
      ) : (
        <div className="emg-table-wrap">
          <table className="emg-table">
            <thead>
              <tr>
                <th scope="col">{t('emergency.report.name')}</th>
                <th scope="col">{t('emergency.report.team')}</th>
                <th scope="col">{t('emergency.report.missingFor')}</th>
                <th scope="col">{t('emergency.report.how')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.visitorId !== undefined ? `v${p.visitorId}` : `p${p.employeeNo}`}>
                  <td>{p.name}</td>
                  <td>{p.visitorId !== undefined ? `${t('emergency.missing.visitor')} · ${p.team}` : p.team}</td>
                  <td>{p.missingForSeconds === null ? t('emergency.report.never') : formatDuration(p.missingForSeconds, t, language)}</td>
                  <td>
                    {p.how === 'marked' ? t('emergency.report.howMarked') : p.how === 'signed_out' ? t('emergency.report.howSignedOut') : t('emergency.report.never')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
