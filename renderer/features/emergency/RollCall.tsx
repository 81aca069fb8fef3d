/**
 * Roll call at the assembly point (warden tablet, admin): find a person by name or employee number,
 * or scan their badge, and tap to mark them safe. Counts move on every screen; a person someone
 * else already marked is counted once and said so.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingPerson } from '../../../shared/contract/emergency.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatTime } from '../../app/format.js';
import { useBadgeWedge } from '../presence/useBadgeWedge.js';
import { useErrorText } from '../presence/useErrorText.js';
import { Bi } from './Bilingual.js';
import { useEmergencyStore } from './context.js';
import type { EmergencySnapshot, ShownEmergency } from './emergency-store.js';
import { AssemblyPoint, Counts, LinkStatus, personKey, SoundButton, sortMissing } from './EvacuationParts.js';
import { savePdf } from './pdf.js';

/** More than this many rows only slow the tablet down; searching narrows the list. */
const maxRows = 150;

type Message =
  | { kind: 'marked' | 'already'; name: string }
  | { kind: 'noMatch'; query: string }
  | { kind: 'badgeUnknown' }
  | { kind: 'error'; error: ApiCallError };

const normalise = (s: string) => s.trim().toLowerCase();

function matchesQuery(person: MissingPerson, query: string): boolean {
  if (!query) return true;
  return normalise(person.name).includes(query) || (person.employeeNo?.toLowerCase().includes(query) ?? false);
}

export interface RollCallProps {
  snapshot: EmergencySnapshot;
  emergency: ShownEmergency;
  /** Opens the end-of-emergency dialog (owned by the screen, so that it can cover everything). */
  onEnd(): void;
  /** While a dialog covers the roll call, scans are not taken for it. */
  paused?: boolean;
}

/** The roll-call panel; shown by the warden's and the admin's emergency screen. */
export function RollCall({ snapshot, emergency, onEnd, paused = false }: RollCallProps) {
  const { t, i18n } = useTranslation();
  const client = useApi();
  const store = useEmergencyStore();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<ApiCallError | null>(null);

  const sorted = useMemo(() => (emergency.missing ? sortMissing(emergency.missing) : null), [emergency.missing]);
  const needle = normalise(query);
  const matches = useMemo(() => sorted?.filter((p) => matchesQuery(p, needle)) ?? [], [sorted, needle]);
  const shown = matches.slice(0, maxRows);

  async function mark(person: MissingPerson) {
    const who = person.visitorId !== undefined ? { visitorId: person.visitorId } : { employeeNo: person.employeeNo ?? '' };
    store.removeMissing(emergency.id, who);
    try {
      const result = await client.call('emergency.markSafe', { emergencyId: emergency.id, ...who });
      store.applyCounts(emergency.id, result.counts);
      setMessage({ kind: result.marked ? 'marked' : 'already', name: person.name });
    } catch (err) {
      setMessage({ kind: 'error', error: asApiCallError(err) });
      store.refresh();
    }
  }

  /**
   * A scanned badge: the hub knows whose it is (the tablet holds no badge codes). A code nobody has
   * is said as such; typed into the search field, it reads as a search that found nobody.
   */
  async function markByBadge(code: string, unknown: Message) {
    try {
      const result = await client.call('emergency.markSafe', { emergencyId: emergency.id, badge: code });
      store.applyCounts(emergency.id, result.counts);
      setMessage({ kind: result.marked ? 'marked' : 'already', name: result.name });
    } catch (err) {
      const error = asApiCallError(err);
      setMessage(error.code === 'unknown_badge' ? unknown : { kind: 'error', error });
    }
    store.refresh();
  }

  useBadgeWedge((code) => {
    if (paused) return;
    setQuery('');
    void markByBadge(code.trim(), { kind: 'badgeUnknown' });
  });

  function submitSearch() {
    if (!needle || !sorted) return;
    // A badge reader typing into the focused field ends in Enter, like a person choosing the one match.
    const person = matches.length === 1 ? matches[0]! : null;
    const typed = query.trim();
    setQuery('');
    if (person) void mark(person);
    else if (/^\S+$/.test(typed)) void markByBadge(typed, { kind: 'noMatch', query: typed });
    else setMessage({ kind: 'noMatch', query: typed });
  }

  async function printList() {
    setPrinting(true);
    setPrintError(null);
    try {
      savePdf(await client.call('report.rollCall', {}));
    } catch (err) {
      setPrintError(asApiCallError(err));
    } finally {
      setPrinting(false);
    }
  }

  let messageText: ReactNode = null;
  if (message?.kind === 'marked') messageText = t('emergency.rollCall.marked', { name: message.name });
  else if (message?.kind === 'already') messageText = t('emergency.rollCall.alreadyMarked', { name: message.name });
  else if (message?.kind === 'noMatch') messageText = t('emergency.rollCall.noMatch', { query: message.query });
  else if (message?.kind === 'badgeUnknown') messageText = t('emergency.rollCall.badgeUnknown');
  else if (message?.kind === 'error') messageText = errorText(message.error);

  return (
    <div className="roll">
      <section className="roll-main" aria-labelledby="roll-title">
        <h2 id="roll-title" className="emg-sr-only">
          <Bi k="emergency.rollCall.title" />
        </h2>
        <form
          className="roll-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            submitSearch();
          }}
        >
          <label htmlFor="roll-search-input" className="roll-search-label">
            {t('emergency.rollCall.search')}
          </label>
          <div className="roll-search-row">
            <input
              id="roll-search-input"
              className="roll-search-input"
              type="search"
              inputMode="search"
              autoComplete="off"
              spellCheck={false}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <button type="button" className="button button-secondary roll-search-clear" onClick={() => setQuery('')} disabled={query === ''}>
              {t('emergency.rollCall.clear')}
            </button>
          </div>
          <p className="roll-hint">{t('emergency.rollCall.searchHint')}</p>
        </form>
        <div className="roll-message" role="status">
          {messageText && <p className={`notice ${message?.kind === 'marked' ? 'emg-notice-ok' : message?.kind === 'already' ? '' : 'notice-error'}`}>{messageText}</p>}
        </div>
        {sorted === null ? (
          <p className="roll-empty">{t('emergency.missing.loading')}</p>
        ) : sorted.length === 0 ? (
          <p className="roll-empty roll-all-safe">{t('emergency.missing.none')}</p>
        ) : (
          <>
            {matches.length === 0 && needle && <p className="roll-empty">{t('emergency.rollCall.noMatch', { query: query.trim() })}</p>}
            <ul className="roll-list" aria-label={t('emergency.missing.title')}>
              {shown.map((person) => (
                <li key={personKey(person)}>
                  <button type="button" className="roll-person" data-employee-no={person.employeeNo} onClick={() => void mark(person)}>
                    <span className="roll-person-name">{person.name}</span>
                    <span className="roll-person-detail">
                      {person.visitorId !== undefined ? `${t('emergency.missing.visitor')} · ` : ''}
                      {person.team}
                      {person.employeeNo ? ` · ${person.employeeNo}` : ''}
                      {' · '}
                      {t('emergency.missing.since', { time: formatTime(person.since, i18n.language) })}
                    </span>
                    <span className="roll-person-action">{t('emergency.rollCall.markSafe')}</span>
                  </button>
                </li>
              ))}
            </ul>
            {matches.length > shown.length && <p className="roll-more">{t('emergency.rollCall.shown', { shown: shown.length, total: matches.length })}</p>}
          </>
        )}
      </section>
      <aside className="roll-side">
        <Counts counts={emergency.counts} />
        <AssemblyPoint info={snapshot.info} />
        <div className="roll-actions">
          <button type="button" className="button button-secondary" onClick={() => void printList()} disabled={printing}>
            {t('emergency.rollCall.printList')}
          </button>
          {printError && (
            <p className="notice notice-error" role="alert">
              {errorText(printError)}
            </p>
          )}
          <button type="button" className="button emg-button-danger" onClick={onEnd}>
            {emergency.drill ? t('emergency.end.drillButton') : t('emergency.end.button')}
          </button>
        </div>
        <div className="roll-side-foot">
          <LinkStatus snapshot={snapshot} />
          <SoundButton />
        </div>
      </aside>
    </div>
  );
}
