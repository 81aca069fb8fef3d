/**
 * The registry: every unit in service with its statuses and derived dates, most urgent first;
 * filters for what is due, a search by tag or place, and the way to add, edit, check and label units.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtinguisherUnit } from '../../../shared/contract/extinguisher.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDay } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { UnitChips, UnitFacts } from './UnitFacts.js';
import { byUrgency, matchesFilter, matchesSearch, registryFilters, type RegistryFilter } from './unit-status.js';

export interface RegistryProps {
  filter: RegistryFilter;
  onFilter(filter: RegistryFilter): void;
  /** A short note of what was just done (saved, retired), shown once at the top. */
  flash: string | null;
  onAdd(): void;
  onEdit(unit: ExtinguisherUnit): void;
  onCheck(tag: string): void;
  onLabels(tags: string[]): void;
}

export function Registry({ filter, onFilter, flash, onAdd, onEdit, onCheck, onLabels }: RegistryProps) {
  const { t, i18n } = useTranslation();
  const heading = useFocusHeading();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const { data, error, loading, reload } = useHubQuery((client) => client.call('extinguisher.list', {}));
  const units = (data?.units ?? []).filter((u) => matchesFilter(u, filter) && matchesSearch(u, search)).sort(byUrgency);

  return (
    <section className="screen" aria-labelledby="registry-title">
      <header className="screen-head">
        <h1 id="registry-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.registry.title')}
        </h1>
        {data && <p className="screen-sub">{t('warden.registry.summary', { count: data.units.length, today: formatDay(data.today, i18n.language) })}</p>}
      </header>
      {flash && (
        <p className="notice notice-ok" role="status">
          {flash}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={onAdd}>
          {t('warden.registry.add')}
        </button>
        <button type="button" className="button button-secondary" disabled={units.length === 0} onClick={() => onLabels(units.map((u) => u.tag))}>
          {t('warden.registry.labels', { count: units.length })}
        </button>
      </div>
      <div className="filters" role="group" aria-label={t('warden.registry.filterLabel')}>
        {registryFilters.map((f) => (
          <button key={f} type="button" className="filter" aria-pressed={filter === f} onClick={() => onFilter(f)}>
            {t(`warden.registry.filters.${f}`)}
            {data && <span className="filter-count">{data.units.filter((u) => matchesFilter(u, f)).length}</span>}
          </button>
        ))}
      </div>
      <div className="search">
        <label htmlFor={searchId} className="field-label">
          {t('warden.registry.search')}
        </label>
        <input id={searchId} className="field-input" type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      </div>
      <ErrorNotice error={error} />
      {error && (
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('warden.common.retry')}
        </button>
      )}
      {loading && !data && <p className="screen-sub">{t('warden.common.loading')}</p>}
      {data && units.length === 0 && (
        <p className="empty">{data.units.length === 0 ? t('warden.registry.emptyAll') : t('warden.registry.emptyFilter')}</p>
      )}
      <ul className="unit-list">
        {units.map((unit) => (
          <li key={unit.tag} className={`unit-card unit-${unit.checkStatus} life-${unit.lifeStatus}`}>
            <div className="unit-head">
              <h2 id={`unit-${unit.tag}`} className="unit-tag">
                {unit.tag}
              </h2>
              <UnitChips unit={unit} />
            </div>
            <p className="unit-where">
              {unit.location}
              {unit.zone && <span className="unit-zone">{t('warden.units.zone', { zone: unit.zone })}</span>}
            </p>
            <UnitFacts unit={unit} />
            <div className="card-actions">
              <button type="button" className="button button-primary" onClick={() => onCheck(unit.tag)} aria-label={t('warden.registry.checkUnit', { tag: unit.tag })}>
                {t('warden.registry.check')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => onEdit(unit)} aria-label={t('warden.registry.editUnit', { tag: unit.tag })}>
                {t('warden.registry.edit')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
