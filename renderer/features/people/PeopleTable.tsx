/**
 * One page of the roster as a table: tick people to record a training session for all of them at
 * once, or open one person. Narrow screens show each row as a card (people.css).
 */
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../shared/contract/people.js';
import { formatDateTime } from '../../components/format.js';
import { TrainingChip } from './TrainingChip.js';

export interface PeopleTableProps {
  people: readonly PersonDetail[];
  selected: ReadonlySet<string>;
  onToggle(person: PersonDetail): void;
  onTogglePage(select: boolean): void;
  onOpen(employeeNo: string): void;
}

export function PeopleTable({ people, selected, onToggle, onTogglePage, onOpen }: PeopleTableProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const allOnPage = people.length > 0 && people.every((p) => selected.has(p.employeeNo));

  return (
    <table className="people-table">
      <caption className="visually-hidden">{t('people.table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="people-select-col">
            <label className="people-check">
              <input type="checkbox" checked={allOnPage} disabled={people.length === 0} onChange={(e) => onTogglePage(e.target.checked)} />
              <span className="visually-hidden">{t('people.table.selectPage')}</span>
            </label>
          </th>
          <th scope="col">{t('people.table.name')}</th>
          <th scope="col">{t('people.table.employeeNo')}</th>
          <th scope="col">{t('people.table.team')}</th>
          <th scope="col">{t('people.table.role')}</th>
          <th scope="col">{t('people.table.badge')}</th>
          <th scope="col">{t('people.table.training')}</th>
          <th scope="col">{t('people.table.status')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.employeeNo} className={`${person.active ? '' : 'is-inactive'} ${selected.has(person.employeeNo) ? 'is-selected' : ''}`}>
            <td className="people-select-col">
              <label className="people-check">
                <input type="checkbox" checked={selected.has(person.employeeNo)} onChange={() => onToggle(person)} />
                <span className="visually-hidden">{t('people.table.select', { name: person.name, employeeNo: person.employeeNo })}</span>
              </label>
            </td>
            <th scope="row" className="people-name-cell">
              <button type="button" className="people-open" onClick={() => onOpen(person.employeeNo)} aria-label={t('people.table.open', { name: person.name, employeeNo: person.employeeNo })}>
                {person.name}
              </button>
            </th>
            <td data-label={t('people.table.employeeNo')} className="people-no">
              {person.employeeNo}
            </td>
            <td data-label={t('people.table.team')}>{person.team || <span className="people-none">{t('people.table.noTeam')}</span>}</td>
            <td data-label={t('people.table.role')}>{t(`people.roles.${person.role}`)}</td>
            <td data-label={t('people.table.badge')} className="people-badge">
              {person.badge ?? <span className="people-none">{t('people.table.noBadge')}</span>}
            </td>
            <td data-label={t('people.table.training')}>
              <TrainingChip training={person.training} />
            </td>
            <td data-label={t('people.table.status')}>
              <span className="chips">
                <span className={`chip ${person.active ? 'chip-person-active' : 'chip-person-inactive'}`}>
                  {person.active ? t('people.status.active') : t('people.status.inactive')}
                </span>
                {person.lockedUntil && (
                  <span className="chip chip-person-locked">{t('people.status.lockedUntil', { until: formatDateTime(person.lockedUntil, lng) })}</span>
                )}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
