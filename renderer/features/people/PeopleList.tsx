/**
 * The roster, filtered and paged by the hub: find a person, open them, or tick several to record
 * one training session for all of them. The filters, the page and the ticks live in PeopleScreen,
 * so coming back from a person finds the list as it was left.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatNumber } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { PeopleFilters, type PeopleFilter } from './PeopleFilters.js';
import { PeopleTable } from './PeopleTable.js';

export const pageSize = 50;

export interface PeopleListProps {
  filter: PeopleFilter;
  offset: number;
  /** Ticked people (employee number → name), across pages. */
  selected: ReadonlyMap<string, string>;
  flash: string | null;
  onFilter(filter: PeopleFilter): void;
  onOffset(offset: number): void;
  onSelected(next: Map<string, string>): void;
  onAdd(): void;
  onOpen(employeeNo: string): void;
  onRecordTraining(): void;
}

/** The value once it has stopped changing for a moment: a search is sent when typing pauses. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function PeopleList({ filter, offset, selected, flash, onFilter, onOffset, onSelected, onAdd, onOpen, onRecordTraining }: PeopleListProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const heading = useFocusHeading();
  const query = useSettled(filter.query.trim(), 300);
  const request = {
    ...(query ? { query } : {}),
    ...(filter.team ? { team: filter.team } : {}),
    status: filter.status,
    training: filter.training,
    offset,
    limit: pageSize,
  };
  const { data, error, loading, reload } = useHubQuery((client) => client.call('people.list', request), JSON.stringify(request));
  const people = data?.people ?? [];
  const total = data?.total ?? 0;

  const toggle = (person: PersonDetail) => {
    const next = new Map(selected);
    if (next.has(person.employeeNo)) next.delete(person.employeeNo);
    else next.set(person.employeeNo, person.name);
    onSelected(next);
  };
  const togglePage = (select: boolean) => {
    const next = new Map(selected);
    for (const person of people) {
      if (select) next.set(person.employeeNo, person.name);
      else next.delete(person.employeeNo);
    }
    onSelected(next);
  };

  return (
    <section className="screen people-screen" aria-labelledby="people-title">
      <header className="screen-head">
        <h1 id="people-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('people.title')}
        </h1>
        <p className="screen-sub">{t('people.explain')}</p>
      </header>
      {flash && (
        <p className="notice notice-ok" role="status">
          {flash}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={onAdd}>
          {t('people.add')}
        </button>
      </div>
      <PeopleFilters filter={filter} teams={data?.teams ?? []} onChange={onFilter} />

      {selected.size > 0 && (
        <div className="people-selection" role="region" aria-label={t('people.selection.label')}>
          <p className="people-selection-count">{t('people.selection.count', { count: selected.size })}</p>
          <button type="button" className="button button-primary" onClick={onRecordTraining}>
            {t('people.selection.recordTraining', { count: selected.size })}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onSelected(new Map())}>
            {t('people.selection.clear')}
          </button>
        </div>
      )}

      <ErrorNotice error={error} />
      {error && (
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('people.common.retry')}
        </button>
      )}
      <p className="people-count" aria-live="polite">
        {loading ? t('people.common.loading') : data ? t('people.list.count', { count: total, shown: formatNumber(total, lng) }) : ''}
      </p>
      {data && people.length === 0 ? (
        <p className="empty">{t('people.list.empty')}</p>
      ) : (
        <PeopleTable people={people} selected={new Set(selected.keys())} onToggle={toggle} onTogglePage={togglePage} onOpen={onOpen} />
      )}
      {data && total > pageSize && (
        <nav className="people-paging" aria-label={t('people.paging.label')}>
          <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
            {t('people.paging.previous')}
          </button>
          <span className="people-paging-where">
            {t('people.paging.where', {
              from: formatNumber(Math.min(offset + 1, total), lng),
              to: formatNumber(Math.min(offset + pageSize, total), lng),
              total: formatNumber(total, lng),
            })}
          </span>
          <button type="button" className="button button-secondary" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
            {t('people.paging.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
