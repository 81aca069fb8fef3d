/**
 * People (人员管理) on the admin desk: the roster to search and filter, one person to look after,
 * a new person to add, or a training session for several people. Which one shows is plain state;
 * the list's filters, page and ticks are kept here so that going back finds the list as it was.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddPerson } from './AddPerson.js';
import { BulkTraining } from './BulkTraining.js';
import { PeopleList } from './PeopleList.js';
import { defaultFilter, type PeopleFilter } from './PeopleFilters.js';
import { PersonDetail } from './PersonDetail.js';
import '../../styles/people.css';

type View = { kind: 'list' } | { kind: 'add' } | { kind: 'person'; employeeNo: string; flash: string | null } | { kind: 'bulk' };

export function PeopleScreen() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [filter, setFilter] = useState<PeopleFilter>(defaultFilter);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Map<string, string>>(() => new Map());
  const [flash, setFlash] = useState<string | null>(null);

  const toList = (note: string | null = null) => {
    setFlash(note);
    setView({ kind: 'list' });
  };

  switch (view.kind) {
    case 'add':
      return (
        <AddPerson
          onAdded={(person) => setView({ kind: 'person', employeeNo: person.employeeNo, flash: t('people.done.added', { name: person.name }) })}
          onCancel={() => toList()}
        />
      );
    case 'person':
      return <PersonDetail key={view.employeeNo} employeeNo={view.employeeNo} flash={view.flash} onBack={() => toList()} />;
    case 'bulk':
      return (
        <BulkTraining
          people={selected}
          onCancel={() => toList()}
          onRecorded={(people) => {
            setSelected(new Map());
            toList(t('people.done.trainingMany', { count: people.length }));
          }}
        />
      );
    default:
      return (
        <PeopleList
          filter={filter}
          offset={offset}
          selected={selected}
          flash={flash}
          onFilter={(next) => {
            setFilter(next);
            setOffset(0);
          }}
          onOffset={setOffset}
          onSelected={setSelected}
          onAdd={() => {
            setFlash(null);
            setView({ kind: 'add' });
          }}
          onOpen={(employeeNo) => {
            setFlash(null);
            setView({ kind: 'person', employeeNo, flash: null });
          }}
          onRecordTraining={() => {
            setFlash(null);
            setView({ kind: 'bulk' });
          }}
        />
      );
  }
}
