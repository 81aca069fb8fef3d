/**
 * Hazards and their rectification: overdue ones first and impossible to miss (a red band and the
 * word 逾期 / Overdue), then the rest, oldest first. Open ones by default; all on request.
 */
import { useTranslation } from 'react-i18next';
import type { HazardView } from '../../../shared/contract/extinguisher.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime, formatDay } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { hazardDescription } from './describe.js';

export type HazardFilter = 'open' | 'all';

export interface HazardListProps {
  filter: HazardFilter;
  onFilter(filter: HazardFilter): void;
  flash: string | null;
  onOpen(id: number): void;
  onReport(): void;
}

export function HazardStatusChip({ status }: { status: HazardView['status'] }) {
  const { t } = useTranslation();
  return <span className={`chip chip-hazard-${status}`}>{t(`warden.hazardStatus.${status}`)}</span>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="overdue-badge">
      <span aria-hidden="true">⚠</span>
      {t('warden.hazards.overdue')}
    </span>
  );
}

export function HazardList({ filter, onFilter, flash, onOpen, onReport }: HazardListProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const heading = useFocusHeading();
  const { data, error, loading } = useHubQuery((client) => client.call('hazard.list', { status: filter }), filter);
  const hazards = data?.hazards ?? [];
  const overdue = hazards.filter((h) => h.overdue).length;
  const open = hazards.filter((h) => h.status !== 'verified').length;

  return (
    <section className="screen" aria-labelledby="hazards-title">
      <header className="screen-head">
        <h1 id="hazards-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.hazards.title')}
        </h1>
        {data && (
          <p className={overdue > 0 ? 'screen-sub screen-sub-alert' : 'screen-sub'}>
            {t('warden.hazards.summary', { open, overdue })}
          </p>
        )}
      </header>
      {flash && (
        <p className="notice notice-ok" role="status">
          {flash}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={onReport}>
          {t('warden.hazards.report')}
        </button>
        <div className="filters" role="group" aria-label={t('warden.hazards.filterLabel')}>
          {(['open', 'all'] as const).map((f) => (
            <button key={f} type="button" className="filter" aria-pressed={filter === f} onClick={() => onFilter(f)}>
              {t(`warden.hazards.filters.${f}`)}
            </button>
          ))}
        </div>
      </div>
      <ErrorNotice error={error} />
      {loading && !data && <p className="screen-sub">{t('warden.common.loading')}</p>}
      {data && hazards.length === 0 && <p className="empty">{filter === 'open' ? t('warden.hazards.emptyOpen') : t('warden.hazards.emptyAll')}</p>}
      <ul className="hazard-list">
        {hazards.map((h) => (
          <li key={h.id}>
            <button type="button" className={`hazard-card${h.overdue ? ' is-overdue' : ''} status-${h.status}`} onClick={() => onOpen(h.id)}>
              <span className="hazard-top">
                <span className="hazard-id">#{h.id}</span>
                {h.overdue && <OverdueBadge />}
                <HazardStatusChip status={h.status} />
              </span>
              <span className="hazard-desc">{hazardDescription(h, lng)}</span>
              <span className="hazard-meta">
                {h.location}
                {h.extinguisherTag && ` · ${h.extinguisherTag}`}
                {h.itemNo !== null && ` · ${t('warden.hazards.item', { no: h.itemNo })}`}
              </span>
              <span className="hazard-meta">
                {t('warden.hazards.reportedAt', { at: formatDateTime(h.reportedAt, lng), source: t(`warden.hazards.sources.${h.source}`) })}
                {h.plan && ` · ${t('warden.hazards.deadline', { date: formatDay(h.plan.deadline, lng) })}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
