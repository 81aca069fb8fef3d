/**
 * The printable reports the hub makes (shared/contract/report.ts), reachable from the records
 * screen: the monthly fire-extinguisher record by month, and the report of each drill or emergency.
 * The roll-call list belongs to a running emergency and is printed from the roll call itself.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatMonth, recentMonths, siteToday } from '../../components/format.js';
import { DrillHistoryList } from '../emergency/DrillHistory.js';
import { savePdf } from '../emergency/pdf.js';

export function Reports() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const id = useId();
  const client = useApi();
  const [months] = useState(() => recentMonths(siteToday(), 24));
  const [month, setMonth] = useState(months[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function make() {
    setBusy(true);
    setError(null);
    try {
      savePdf(await client.call('report.extinguisherMonth', { month }));
    } catch (err) {
      setError(asApiCallError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel-title">
        {t('records.reports.title')}
      </h2>
      <p className="panel-body">{t('records.reports.body')}</p>
      <h3 className="subhead">{t('records.reports.extinguisherMonth')}</h3>
      <div className="records-period">
        <div className="field">
          <label htmlFor={`${id}-month`} className="field-label">
            {t('records.reports.month')}
          </label>
          <select id={`${id}-month`} className="field-input" value={month} onChange={(e) => setMonth(e.target.value)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, lng)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void make()} disabled={busy || !month}>
          {busy ? t('records.reports.making') : t('records.reports.make')}
        </button>
      </div>
      <ErrorNotice error={error} />
      <h3 className="subhead">{t('records.reports.drills')}</h3>
      <DrillHistoryList />
      <p className="panel-body">{t('records.reports.rollCall')}</p>
    </section>
  );
}
