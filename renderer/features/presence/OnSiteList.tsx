/** Everyone on site: name, team and since when, sorted as people look for a name. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnSitePerson } from '../../../shared/contract/presence.js';
import { formatTime } from '../../app/format.js';

/**
 * Names in the roster's own order (pinyin for Chinese names), whatever language the screen shows, so
 * that switching the language does not shuffle the list someone is reading.
 */
const byName = new Intl.Collator('zh-CN');

export function OnSiteList({ people }: { people: OnSitePerson[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const sorted = useMemo(() => [...people].sort((a, b) => byName.compare(a.name, b.name) || a.employeeNo.localeCompare(b.employeeNo)), [people]);

  if (sorted.length === 0) return <p className="onsite-empty">{t('display.empty')}</p>;
  return (
    <ul className="onsite-list" aria-label={t('display.listLabel')}>
      {sorted.map((person) => (
        <li key={person.employeeNo} className="onsite-person" data-employee-no={person.employeeNo}>
          <span className="onsite-name">{person.name}</span>
          <span className="onsite-team">{person.team}</span>
          <span className="onsite-since">{t('display.since', { time: formatTime(person.since, language) })}</span>
        </li>
      ))}
    </ul>
  );
}
