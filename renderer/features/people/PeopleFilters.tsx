/**
 * How the roster is narrowed down: a search by name, employee number or badge, who is active, whose
 * training needs attention, and one team. Each choice is a row of large pressable buttons.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export const statusFilters = ['active', 'inactive', 'all'] as const;
export const trainingFilters = ['any', 'problem', 'missing', 'expired', 'expiring'] as const;

export interface PeopleFilter {
  query: string;
  status: (typeof statusFilters)[number];
  training: (typeof trainingFilters)[number];
  /** Empty: every team. */
  team: string;
}

export const defaultFilter: PeopleFilter = { query: '', status: 'active', training: 'any', team: '' };

export function PeopleFilters({
  filter,
  teams,
  onChange,
}: {
  filter: PeopleFilter;
  teams: readonly string[];
  onChange(next: PeopleFilter): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const set = <K extends keyof PeopleFilter>(key: K, value: PeopleFilter[K]) => onChange({ ...filter, [key]: value });
  // A team chosen earlier stays choosable even when the hub no longer lists it (its last member left).
  const teamOptions = filter.team && !teams.includes(filter.team) ? [filter.team, ...teams] : teams;

  return (
    <div className="people-filters">
      <div className="people-filter-row">
        <div className="field people-search">
          <label htmlFor={`${id}-q`} className="field-label">
            {t('people.filters.search')}
          </label>
          <input
            id={`${id}-q`}
            className="field-input"
            type="search"
            value={filter.query}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('query', e.target.value)}
          />
        </div>
        <div className="field people-team">
          <label htmlFor={`${id}-team`} className="field-label">
            {t('people.filters.team')}
          </label>
          <select id={`${id}-team`} className="field-input" value={filter.team} onChange={(e) => set('team', e.target.value)}>
            <option value="">{t('people.filters.allTeams')}</option>
            {teamOptions.map((team) => (
              <option key={team} value={team}>
                {team}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="filters" role="group" aria-label={t('people.filters.statusLabel')}>
        <span className="filters-label" aria-hidden="true">
          {t('people.filters.statusLabel')}
        </span>
        {statusFilters.map((status) => (
          <button key={status} type="button" className="filter" aria-pressed={filter.status === status} onClick={() => set('status', status)}>
            {t(`people.filters.status.${status}`)}
          </button>
        ))}
      </div>
      <div className="filters" role="group" aria-label={t('people.filters.trainingLabel')}>
        <span className="filters-label" aria-hidden="true">
          {t('people.filters.trainingLabel')}
        </span>
        {trainingFilters.map((training) => (
          <button key={training} type="button" className="filter" aria-pressed={filter.training === training} onClick={() => set('training', training)}>
            {t(`people.filters.training.${training}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
