/**
 * Everyone who signed in on the day, by team and name: first sign-in, last sign-out (or still on
 * site), the self-check and training. A filter narrows it to the people a supervisor must go and see.
 */
import type { DashboardToday } from '../../../shared/contract/dashboard.js';
import { formatNumber } from '../../components/format.js';
import { formatTimeOn } from './when.js';
import { useSupervisorWords } from './words.js';

export const peopleFilters = ['all', 'missing', 'failed', 'onSite'] as const;
export type PeopleFilter = (typeof peopleFilters)[number];

type Person = DashboardToday['people'][number];

const matches = (p: Person, filter: PeopleFilter) =>
  filter === 'all' || (filter === 'onSite' ? p.onSite : p.selfCheck === filter);

export function SelfCheckChip({ state }: { state: Person['selfCheck'] }) {
  const { t } = useSupervisorWords();
  const tone = state === 'passed' ? 'pass' : state === 'failed' ? 'fail' : 'check-due';
  return <span className={`chip chip-${tone}`}>{t(`today.selfCheck.${state}`)}</span>;
}

export function TrainingStatusChip({ status }: { status: Person['training'] }) {
  const { tc } = useSupervisorWords();
  const tone = status === 'ok' ? 'pass' : status === 'expiring' ? 'check-due' : 'fail';
  return <span className={`chip chip-${tone}`}>{tc(`training.status.${status}`)}</span>;
}

export interface TodayPeopleProps {
  data: DashboardToday;
  filter: PeopleFilter;
  onFilter(filter: PeopleFilter): void;
}

export function TodayPeople({ data, filter, onFilter }: TodayPeopleProps) {
  const { t, lng } = useSupervisorWords();
  const shown = data.people.filter((p) => matches(p, filter));
  const count = (f: PeopleFilter) => data.people.filter((p) => matches(p, f)).length;
  const filterLabel: Record<PeopleFilter, string> = {
    all: t('review.filters.all'),
    missing: t('today.tiles.selfChecksMissing'),
    failed: t('today.tiles.selfChecksFailed'),
    onSite: t('today.tiles.onSiteNow'),
  };

  return (
    <section id="today-people" className="panel" aria-labelledby="today-people-title" tabIndex={-1}>
      <div className="panel-head">
        <h2 id="today-people-title" className="panel-title">
          {t('today.people.title')}
        </h2>
        <span className="panel-count">{t('today.people.count', { count: data.people.length })}</span>
      </div>
      {data.people.length === 0 ? (
        <p className="empty">{t('today.people.empty')}</p>
      ) : (
        <>
          <div className="filters" role="group" aria-label={t('review.filterLabel')}>
            {peopleFilters.map((f) => (
              <button key={f} type="button" className="filter" aria-pressed={filter === f} onClick={() => onFilter(f)}>
                {filterLabel[f]}
                <span className="filter-count">{formatNumber(count(f), lng)}</span>
              </button>
            ))}
          </div>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="today-people-title">
            <table className="data-table people-table">
              <thead>
                <tr>
                  <th scope="col">{t('today.people.team')}</th>
                  <th scope="col">{t('today.people.name')}</th>
                  <th scope="col">{t('today.people.firstIn')}</th>
                  <th scope="col">{t('today.people.lastOut')}</th>
                  <th scope="col">{t('today.people.selfCheck')}</th>
                  <th scope="col">{t('today.people.training')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.employeeNo}>
                    <td>{p.team}</td>
                    <th scope="row">
                      {p.name} <span className="muted">({p.employeeNo})</span>
                    </th>
                    <td className="cell-time">{formatTimeOn(p.firstIn, data.day, lng)}</td>
                    <td className="cell-time">{p.lastOut ? formatTimeOn(p.lastOut, data.day, lng) : <span className="chip chip-onsite">{t('today.people.stillOnSite')}</span>}</td>
                    <td>
                      <SelfCheckChip state={p.selfCheck} />
                    </td>
                    <td>
                      <TrainingStatusChip status={p.training} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
