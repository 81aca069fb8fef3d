/**
 * What a roster file does (a preview) or did (the import's report): counts, every line that was
 * rejected with its line number and why, the people added or changed and what changed, and who is
 * deactivated. Reasons are put in words here from their codes, so they follow the language switch.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterReport } from '../../../shared/contract/roster.js';
import { formatNumber } from '../../components/format.js';

/** Long lists show this many first; the rest are a press away (rejected lines always show in full). */
const firstRows = 100;

type Tone = 'ok' | 'warn' | 'alert' | 'plain';

export function RosterPreview({ report }: { report: RosterReport }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [allRows, setAllRows] = useState(false);
  const [allGone, setAllGone] = useState(false);
  const n = (value: number) => formatNumber(value, lng);
  const changed = report.rows.filter((r) => r.action !== 'unchanged');
  const rows = allRows ? changed : changed.slice(0, firstRows);
  const gone = allGone ? report.deactivate : report.deactivate.slice(0, firstRows);
  const mode = report.applied ? 'done' : 'preview';

  const tiles: { key: keyof RosterReport['counts']; tone: Tone }[] = [
    { key: 'add', tone: 'ok' },
    { key: 'update', tone: 'ok' },
    { key: 'unchanged', tone: 'plain' },
    { key: 'deactivate', tone: report.counts.deactivate > 0 ? 'warn' : 'plain' },
    { key: 'rejected', tone: report.counts.rejected > 0 ? 'alert' : 'plain' },
  ];

  return (
    <div className="roster-report">
      <p className="roster-read">
        {t('people.import.report.read', {
          encoding: t(`people.import.encoding.${report.encoding === 'utf-8' ? 'utf8' : 'gbk'}`),
          rows: n(report.counts.rows),
          columns: report.columns.join(', '),
        })}
      </p>
      {report.ignoredColumns.length > 0 && (
        <p className="notice notice-warn">{t('people.import.report.ignored', { columns: report.ignoredColumns.join(', ') })}</p>
      )}
      <ul className="tiles roster-tiles" aria-label={t(`people.import.report.countsLabel.${mode}`)}>
        {tiles.map(({ key, tone }) => (
          <li key={key}>
            <div className={`tile tile-${tone}`}>
              <span className="tile-value">{n(report.counts[key])}</span>
              <span className="tile-label">{t(`people.import.counts.${mode}.${key}`)}</span>
            </div>
          </li>
        ))}
      </ul>

      {report.rejected.length > 0 && (
        <section className="panel panel-danger" aria-labelledby="roster-rejected-title">
          <h3 id="roster-rejected-title" className="panel-title">
            {t(`people.import.report.rejectedTitle.${mode}`, { count: report.rejected.length })}
          </h3>
          <ol className="roster-rejected">
            {report.rejected.map((r) => (
              <li key={r.line} className="roster-rejected-line">
                <span className="roster-line">{t('people.import.report.line', { line: r.line })}</span>
                {r.employeeNo && <span className="roster-who">{t('people.import.report.employeeNo', { employeeNo: r.employeeNo })}</span>}
                <span className="roster-why">
                  {r.reasons
                    .map((reason) => t(`roster.reasons.${reason.code}`, { ...reason.params, defaultValue: reason.message }))
                    .join(lng === 'zh-CN' ? '；' : '; ')}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {changed.length > 0 && (
        <section className="panel" aria-labelledby="roster-changes-title">
          <h3 id="roster-changes-title" className="panel-title">
            {t(`people.import.report.changesTitle.${mode}`, { count: changed.length })}
          </h3>
          <table className="roster-changes">
            <caption className="visually-hidden">{t(`people.import.report.changesTitle.${mode}`, { count: changed.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.import.report.lineColumn')}</th>
                <th scope="col">{t('people.table.employeeNo')}</th>
                <th scope="col">{t('people.table.name')}</th>
                <th scope="col">{t('people.import.report.what')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line}>
                  <td data-label={t('people.import.report.lineColumn')}>{r.line}</td>
                  <td data-label={t('people.table.employeeNo')}>{r.employeeNo}</td>
                  <th scope="row" data-label={t('people.table.name')}>
                    {r.name}
                  </th>
                  <td data-label={t('people.import.report.what')}>
                    <span className={`chip chip-roster-${r.action}`}>{t(`people.import.action.${r.action}`)}</span>{' '}
                    {r.action === 'update' && r.changes.map((c) => t(`roster.fields.${c}`)).join(lng === 'zh-CN' ? '、' : ', ')}
                    {!r.active && <span className="chip chip-person-inactive">{t('people.status.inactive')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {changed.length > rows.length && (
            <button type="button" className="button button-secondary" onClick={() => setAllRows(true)}>
              {t('people.import.report.showAll', { count: changed.length })}
            </button>
          )}
        </section>
      )}

      {report.deactivate.length > 0 && (
        <section className="panel" aria-labelledby="roster-gone-title">
          <h3 id="roster-gone-title" className="panel-title">
            {t(`people.import.report.goneTitle.${mode}`, { count: report.deactivate.length })}
          </h3>
          <ul className="roster-gone">
            {gone.map((p) => (
              <li key={p.employeeNo}>
                {p.name} <span className="people-no">({p.employeeNo})</span>
              </li>
            ))}
          </ul>
          {report.deactivate.length > gone.length && (
            <button type="button" className="button button-secondary" onClick={() => setAllGone(true)}>
              {t('people.import.report.showAll', { count: report.deactivate.length })}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
