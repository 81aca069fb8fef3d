/**
 * The day's lists under the people table: training problems (who signed in anyway, and the roster's
 * totals), forgotten sign-outs the daily close recorded over the last week, and the day's visitors.
 */
import { useEffect } from 'react';
import type { DashboardToday } from '../../../shared/contract/dashboard.js';
import { addDays } from '../../../shared/domain/shift.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDay, formatNumber } from '../../components/format.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { TrainingStatusChip } from './TodayPeople.js';
import { formatTimeOn } from './when.js';
import { useSupervisorWords } from './words.js';

export function TrainingPanel({ data }: { data: DashboardToday }) {
  const { t, lng } = useSupervisorWords();
  const { signedIn, totals } = data.training;
  return (
    <section id="today-training" className="panel" aria-labelledby="today-training-title" tabIndex={-1}>
      <h2 id="today-training-title" className="panel-title">
        {t('today.training.title')}
      </h2>
      <h3 className="subhead">{t('today.training.signedInTitle')}</h3>
      {signedIn.length === 0 ? (
        <p className="empty">{t('today.training.empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="today-training-title">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('today.people.name')}</th>
                <th scope="col">{t('today.people.training')}</th>
                <th scope="col">{t('today.training.expiresOn')}</th>
                <th scope="col">{t('today.training.signedInAt')}</th>
              </tr>
            </thead>
            <tbody>
              {signedIn.map((p) => (
                <tr key={p.employeeNo}>
                  <th scope="row">
                    {p.name} <span className="muted">({p.employeeNo})</span>
                    <span className="cell-sub">{p.team}</span>
                  </th>
                  <td>
                    <TrainingStatusChip status={p.status} />
                  </td>
                  <td>{p.expiresOn ? formatDay(p.expiresOn, lng) : t('common.none')}</td>
                  <td className="cell-time">{formatTimeOn(p.signedInAt, data.day, lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className="subhead">{t('today.training.totalsTitle')}</h3>
      <dl className="figures">
        {(['missing', 'expired', 'expiring'] as const).map((k) => (
          <div key={k} className={`figure figure-${totals[k] > 0 ? (k === 'expiring' ? 'warn' : 'alert') : 'ok'}`}>
            <dt>{t(`today.training.totals.${k}`)}</dt>
            <dd>{formatNumber(totals[k], lng)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function AutoClosedPanel({ day, tick }: { day: string; tick: number }) {
  const { t, lng } = useSupervisorWords();
  const from = addDays(day, -6);
  const { data, error, reload } = useHubQuery((client) => client.call('dashboard.autoClosed', { from, to: day }), day);
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);
  const items = data?.items ?? [];
  return (
    <section id="today-auto" className="panel" aria-labelledby="today-auto-title" tabIndex={-1}>
      <div className="panel-head">
        <h2 id="today-auto-title" className="panel-title">
          {t('today.autoClosed.title')}
        </h2>
        <span className="panel-count">{t('today.autoClosed.period', { from: formatDay(from, lng), to: formatDay(day, lng) })}</span>
      </div>
      <ErrorNotice error={error} />
      {data && items.length === 0 && <p className="empty">{t('today.autoClosed.empty')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="today-auto-title">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('today.autoClosed.who')}</th>
                <th scope="col">{t('today.autoClosed.teamOrCompany')}</th>
                <th scope="col">{t('today.autoClosed.signedInAt')}</th>
                <th scope="col">{t('today.autoClosed.closedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.employeeNo ?? item.visitorId}-${item.closedAt}`}>
                  <th scope="row">
                    {item.name}{' '}
                    <span className="muted">({item.kind === 'staff' ? item.employeeNo : t('today.autoClosed.visitor')})</span>
                  </th>
                  <td>{item.team}</td>
                  <td className="cell-time">{formatTimeOn(item.signedInAt, '', lng)}</td>
                  <td className="cell-time">{formatTimeOn(item.closedAt, '', lng)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function VisitorsPanel({ data }: { data: DashboardToday }) {
  const { t, lng } = useSupervisorWords();
  return (
    <section id="today-visitors" className="panel" aria-labelledby="today-visitors-title" tabIndex={-1}>
      <div className="panel-head">
        <h2 id="today-visitors-title" className="panel-title">
          {t('today.visitors.title')}
        </h2>
        <span className="panel-count">{formatNumber(data.visitors.length, lng)}</span>
      </div>
      {data.visitors.length === 0 ? (
        <p className="empty">{t('today.visitors.empty')}</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="today-visitors-title">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('today.visitors.name')}</th>
                <th scope="col">{t('today.visitors.company')}</th>
                <th scope="col">{t('today.visitors.host')}</th>
                <th scope="col">{t('today.visitors.since')}</th>
                <th scope="col">{t('today.visitors.until')}</th>
              </tr>
            </thead>
            <tbody>
              {data.visitors.map((v) => (
                <tr key={v.visitorId}>
                  <th scope="row">{v.name}</th>
                  <td>{v.company}</td>
                  <td>
                    {v.host.name} <span className="muted">({v.host.team})</span>
                  </td>
                  <td className="cell-time">{formatTimeOn(v.since, data.day, lng)}</td>
                  <td className="cell-time">
                    {v.until === null ? (
                      <span className="chip chip-onsite">{t('today.visitors.onSite')}</span>
                    ) : (
                      <>
                        {formatTimeOn(v.until, data.day, lng)}
                        {v.automatic && <span className="muted"> · {t('today.visitors.automatic')}</span>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
