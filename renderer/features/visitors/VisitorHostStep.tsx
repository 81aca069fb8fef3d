/**
 * Whom the visitor has come to see: they type part of a name (or an employee number, or a team),
 * the roster answers as they type (`people.search`: name, team and number only), and they tap
 * their host. Only someone picked from the roster can be the host.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonHit } from '../../../shared/contract/people.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { DoorActions, DoorStep, type StepPosition } from './DoorStep.js';
import { visitorLimits } from './visitor-form.js';

/** A pause in typing (or an IME composition ending) before asking the hub. */
const searchDelayMs = 250;
const resultLimit = 8;

export interface VisitorHostStepProps {
  position: StepPosition;
  query: string;
  host: PersonHit | null;
  /** A refusal from the sign-in about the host (no longer on the roster), shown on arrival. */
  refusal: ApiCallError | null;
  onQuery(query: string): void;
  onPick(host: PersonHit): void;
  onNext(): void;
  onBack(): void;
  onCancel(): void;
}

export function VisitorHostStep({ position, query, host, refusal, onQuery, onPick, onNext, onBack, onCancel }: VisitorHostStepProps) {
  const { t } = useTranslation();
  const client = useApi();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [hits, setHits] = useState<PersonHit[] | null>(null);
  const [searchError, setSearchError] = useState<ApiCallError | null>(null);
  const [tried, setTried] = useState(false);
  // Pinyin being composed by an IME is not yet the name: the roster is asked once it is committed.
  const [composing, setComposing] = useState(false);

  useEffect(() => inputRef.current?.focus(), []);

  const trimmed = query.trim();
  useEffect(() => {
    if (composing || !trimmed) return;
    let alive = true;
    const timer = setTimeout(() => {
      client.call('people.search', { query: trimmed.slice(0, visitorLimits.hostQuery), limit: resultLimit }).then(
        (answer) => {
          if (!alive) return;
          setHits(answer.people);
          setSearchError(null);
        },
        (err: unknown) => {
          if (alive) setSearchError(asApiCallError(err));
        },
      );
    }, searchDelayMs);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [client, trimmed, composing]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (host) onNext();
  }

  // Emptied: nothing to show (an answer still on its way for the old text is dropped above).
  const shownHits = trimmed ? hits : null;
  const problem = tried && !host ? t('door.visitor.host.notPicked') : null;
  return (
    <DoorStep id={id} position={position} title={t('door.visitor.host.title')} hint={t('door.visitor.host.hint')}>
      <form className="door-form" onSubmit={submit} noValidate>
        <div className="door-field">
          <label htmlFor={`${id}-input`} className="door-label">
            {t('door.visitor.host.label')}
          </label>
          <input
            ref={inputRef}
            id={`${id}-input`}
            className="door-input door-input-big"
            type="search"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            maxLength={visitorLimits.hostQuery}
            value={query}
            aria-describedby={`${id}-problem`}
            aria-controls={`${id}-hits`}
            onChange={(event) => onQuery(event.target.value)}
            onCompositionStart={() => setComposing(true)}
            onCompositionEnd={() => setComposing(false)}
          />
          <p id={`${id}-problem`} className="door-problem" role="alert">
            {problem}
          </p>
        </div>
        {host && (
          <p className="door-picked" role="status">
            {t('door.visitor.host.picked', { name: host.name, team: host.team })}
          </p>
        )}
        {/* The hub's own words for this name the roster's view ("inactive"); a visitor needs to know what to do. */}
        <ErrorNotice error={refusal ? null : searchError} message={refusal ? t('door.visitor.host.unavailable') : null} />
        <div id={`${id}-hits`} className="door-hits" aria-live="polite">
          {shownHits && shownHits.length === 0 && <p className="door-empty">{t('door.visitor.host.none')}</p>}
          {shownHits && shownHits.length > 0 && (
            <ul className="door-hit-list" aria-label={t('door.visitor.host.results')}>
              {shownHits.map((hit) => {
                const picked = host?.employeeNo === hit.employeeNo;
                return (
                  <li key={hit.employeeNo}>
                    <button type="button" className={`door-hit${picked ? ' is-picked' : ''}`} aria-pressed={picked} onClick={() => onPick(hit)}>
                      <span className="door-hit-name">{hit.name}</span>
                      <span className="door-hit-team">{hit.team}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
        <DoorActions
          onCancel={onCancel}
          onBack={onBack}
          next={
            <button type="submit" className="button button-primary door-next">
              {t('door.next')}
            </button>
          }
        />
      </form>
    </DoorStep>
  );
}
