/**
 * Drill history for the warden and the admin: past drills and emergencies with their reports, and
 * a warning on their home screens when the yearly drill is overdue.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyHistory } from '../../../shared/contract/emergency.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatLongDate, formatTime } from '../../app/format.js';
import { useErrorText } from '../presence/useErrorText.js';
import { useDrillHistory } from './drill-history-store.js';
import { formatDuration } from './format.js';
import { ModalDialog } from './ModalDialog.js';
import { savePdf } from './pdf.js';

/** The overdue warning, for the warden's and admin's home screens; nothing when all is well. */
export function DrillOverdueNotice({ onOpen }: { onOpen?: () => void }) {
  const { t, i18n } = useTranslation();
  const { history } = useDrillHistory();
  if (!history?.drillOverdue) return null;
  return (
    <aside className="drill-overdue" aria-label={t('emergency.history.title')} data-testid="drill-overdue">
      <p>
        {t('emergency.history.overdue', { days: history.drillIntervalDays })}{' '}
        {history.lastDrillAt ? t('emergency.history.lastDrill', { date: formatLongDate(history.lastDrillAt, i18n.language) }) : t('emergency.history.noDrill')}
      </p>
      {onOpen && (
        <button type="button" className="button button-secondary" onClick={onOpen}>
          {t('emergency.history.button')}
        </button>
      )}
    </aside>
  );
}

type Item = EmergencyHistory['items'][number];

/** The list of drills and emergencies, each with its report as a PDF. */
export function DrillHistoryList() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const client = useApi();
  const errorText = useErrorText();
  const { history, error } = useDrillHistory(true);
  const [printError, setPrintError] = useState<ApiCallError | null>(null);
  const [printing, setPrinting] = useState<number | null>(null);

  async function print(item: Item) {
    setPrinting(item.id);
    setPrintError(null);
    try {
      savePdf(await client.call('report.emergency', { emergencyId: item.id }));
    } catch (err) {
      setPrintError(asApiCallError(err));
    } finally {
      setPrinting(null);
    }
  }

  const when = (at: string) => `${formatLongDate(at, language)} ${formatTime(at, language)}`;
  return (
    <>
      {history && (
        <p className={`notice ${history.drillOverdue ? 'emg-notice-warn' : ''}`}>
          {history.drillOverdue && `${t('emergency.history.overdue', { days: history.drillIntervalDays })} `}
          {history.lastDrillAt ? t('emergency.history.lastDrill', { date: formatLongDate(history.lastDrillAt, language) }) : t('emergency.history.noDrill')}
        </p>
      )}
      <div role="alert">
        {error && <p className="notice notice-error">{errorText(error)}</p>}
        {printError && <p className="notice notice-error">{errorText(printError)}</p>}
      </div>
      {history && history.items.length === 0 && <p className="page-body">{t('emergency.history.empty')}</p>}
      {history && history.items.length > 0 && (
        <div className="emg-table-wrap">
          <table className="emg-table">
            <thead>
              <tr>
                <th scope="col">{t('emergency.history.when')}</th>
                <th scope="col">{t('emergency.history.kind')}</th>
                <th scope="col">{t('emergency.history.mode')}</th>
                <th scope="col">{t('emergency.history.onSite')}</th>
                <th scope="col">{t('emergency.history.timeToAll')}</th>
                <th scope="col">{t('emergency.history.report')}</th>
              </tr>
            </thead>
            <tbody>
              {history.items.map((item) => (
                <tr key={item.id} data-testid="history-item">
                  <td>{when(item.startedAt)}</td>
                  <td>{t(`emergency.kinds.${item.kind}`)}</td>
                  <td>{item.drill ? t('emergency.history.drill') : t('emergency.history.real')}</td>
                  <td>{item.onSite}</td>
                  <td>
                    {item.endedAt === null
                      ? t('emergency.history.ongoing')
                      : item.secondsToAllAccounted === null
                        ? t('emergency.report.notAll')
                        : formatDuration(item.secondsToAllAccounted, t, language)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary emg-table-button"
                      disabled={printing === item.id}
                      aria-label={t('emergency.history.reportFor', { date: when(item.startedAt) })}
                      onClick={() => void print(item)}
                    >
                      {t('emergency.history.pdf')}
                    </button>
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

/** The drill history as a dialog over the warden's or admin's screen. */
export function DrillHistoryDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <ModalDialog labelledBy={titleId} className="emg-dialog-wide" onCancel={onClose}>
        <div className="emg-dialog-head">
          <h2 id={titleId} className="entry-title">
            {t('emergency.history.title')}
          </h2>
          <button type="button" className="button button-secondary" ref={closeRef} onClick={onClose}>
            {t('emergency.history.close')}
          </button>
        </div>
        <DrillHistoryList />
    </ModalDialog>
  );
}
