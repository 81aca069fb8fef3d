/**
 * This period at a glance: units checked out of all, what is due, overdue, due for repair or scrap,
 * and hazards open and overdue. Each figure opens the list behind it. Below: the monthly record.
 */
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDay, formatNumber, siteToday } from '../../components/format.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { MonthlyRecord } from '../extinguishers/MonthlyRecord.js';
import type { RegistryFilter } from '../extinguishers/unit-status.js';

export interface DashboardProps {
  onUnits(filter: RegistryFilter): void;
  onHazards(): void;
  onCheck(): void;
}

type Tone = 'ok' | 'warn' | 'alert' | 'plain';

export function Dashboard({ onUnits, onHazards, onCheck }: DashboardProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const heading = useFocusHeading();
  const { data, error, reload } = useHubQuery((client) => client.call('extinguisher.dashboard', {}));
  const n = (value: number) => formatNumber(value, lng);

  const tiles: { key: string; label: string; value: string; tone: Tone; onClick(): void }[] = data
    ? [
        {
          key: 'checked',
          label: t('warden.dashboard.checked'),
          value: t('warden.dashboard.ofAll', { checked: n(data.checked), total: n(data.total) }),
          tone: data.total > 0 && data.checked === data.total ? 'ok' : 'plain',
          onClick: () => onUnits('all'),
        },
        { key: 'due', label: t('warden.dashboard.due'), value: n(data.due), tone: data.due > 0 ? 'warn' : 'ok', onClick: () => onUnits('due') },
        { key: 'overdue', label: t('warden.dashboard.overdue'), value: n(data.overdue), tone: data.overdue > 0 ? 'alert' : 'ok', onClick: () => onUnits('overdue') },
        { key: 'repair', label: t('warden.dashboard.repairDue'), value: n(data.repairDue), tone: data.repairDue > 0 ? 'warn' : 'ok', onClick: () => onUnits('repair_due') },
        { key: 'scrap', label: t('warden.dashboard.scrapDue'), value: n(data.scrapDue), tone: data.scrapDue > 0 ? 'alert' : 'ok', onClick: () => onUnits('scrap_due') },
        { key: 'hazards', label: t('warden.dashboard.hazardsOpen'), value: n(data.hazardsOpen), tone: data.hazardsOpen > 0 ? 'warn' : 'ok', onClick: onHazards },
        {
          key: 'hazardsOverdue',
          label: t('warden.dashboard.hazardsOverdue'),
          value: n(data.hazardsOverdue),
          tone: data.hazardsOverdue > 0 ? 'alert' : 'ok',
          onClick: onHazards,
        },
      ]
    : [];

  return (
    <section className="screen" aria-labelledby="dashboard-title">
      <header className="screen-head">
        <h1 id="dashboard-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.dashboard.title')}
        </h1>
        {data && <p className="screen-sub">{t('warden.dashboard.today', { today: formatDay(data.today, lng) })}</p>}
      </header>
      <ErrorNotice error={error} />
      {error && (
        <button type="button" className="button button-secondary" onClick={reload}>
          {t('warden.common.retry')}
        </button>
      )}
      {!data && !error && <p className="screen-sub">{t('warden.common.loading')}</p>}
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <button type="button" className={`tile tile-${tile.tone}`} onClick={tile.onClick}>
              <span className="tile-value">{tile.value}</span>
              <span className="tile-label">{tile.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" className="button button-primary button-huge" onClick={onCheck}>
          {t('warden.dashboard.startCheck')}
        </button>
      </div>
      <MonthlyRecord today={data?.today ?? siteToday()} />
    </section>
  );
}
