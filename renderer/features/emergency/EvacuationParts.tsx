/** The pieces of the evacuation display, shared by the wall display, the kiosk and the roll call. */
import { createContext, useContext, useEffect, useId, useMemo, useRef, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmergencyKind, MissingPerson, RollCounts, SiteEmergencyInfo } from '../../../shared/contract/emergency.js';
import { formatCount, formatTime } from '../../app/format.js';
import { useNow } from '../../app/useNow.js';
import { alarm } from './alarm.js';
import { Bi, BiText, useBothLanguages } from './Bilingual.js';
import type { EmergencySnapshot, ShownEmergency } from './emergency-store.js';
import { formatAge } from './format.js';

/** True inside the unseen rehearsal of the takeover (see TakeoverRehearsal): no test ids there. */
export const Rehearsal = createContext(false);
const useTestId = (id: string) => (useContext(Rehearsal) ? undefined : id);

export const stepsByKind: Record<EmergencyKind, readonly string[]> = {
  fire: ['exits', 'lifts', 'smoke', 'belongings', 'report'],
  gas: ['switches', 'flames', 'air', 'lifts', 'report'],
  power: ['calm', 'lifts', 'stairs', 'report'],
  other: ['follow', 'lifts', 'exits', 'report'],
};

/** 119, 120 and 110 are the same everywhere in China; the site adds its own. */
const publicNumbers = [
  { key: 'fire', number: '119' },
  { key: 'ambulance', number: '120' },
  { key: 'police', number: '110' },
] as const;

function WarningSign() {
  return (
    <svg className="evac-sign" viewBox="0 0 100 90" aria-hidden="true" focusable="false">
      <path d="M50 4 L96 86 H4 Z" fill="currentColor" stroke="currentColor" strokeWidth="6" strokeLinejoin="round" />
      <path d="M50 30 V58" stroke="var(--evac-band-bg)" strokeWidth="11" strokeLinecap="round" />
      <circle cx="50" cy="72" r="6.5" fill="var(--evac-band-bg)" />
    </svg>
  );
}

/** The top of every emergency screen: what is happening, and for a drill, that it is one. */
export function EmergencyBand({ emergency, titleId, compact = false }: { emergency: ShownEmergency; titleId: string; compact?: boolean }) {
  const { first, second, t1, t2 } = useBothLanguages();
  const drillTestId = useTestId('drill-label');
  const kind = { [first]: { kind: t1(`emergency.kinds.${emergency.kind}`) }, [second]: { kind: t2(`emergency.kinds.${emergency.kind}`) } };
  return (
    <header className={`evac-band ${emergency.drill ? 'evac-band-drill' : 'evac-band-real'} ${compact ? 'evac-band-compact' : ''}`}>
      {emergency.drill && (
        <p className="evac-drill-label" data-testid={drillTestId}>
          <Bi k="emergency.drill.label" />
        </p>
      )}
      <div className="evac-band-main">
        <WarningSign />
        <h1 id={titleId} className="evac-title" tabIndex={-1}>
          <Bi k="emergency.title" valuesByLanguage={kind} />
        </h1>
      </div>
      {emergency.drill && !compact && (
        <p className="evac-drill-note">
          <Bi k="emergency.drill.note" />
        </p>
      )}
    </header>
  );
}

export function AssemblyPoint({ info }: { info: SiteEmergencyInfo | null }) {
  const titleId = useId();
  const testId = useTestId('assembly-point');
  return (
    <section className="evac-where" aria-labelledby={titleId}>
      <h2 id={titleId} className="evac-where-title">
        <Bi k="emergency.assemblyPoint" />
      </h2>
      {info && (
        <p className="evac-where-place" data-testid={testId}>
          <BiText text={info.assemblyPoint} />
        </p>
      )}
    </section>
  );
}

export function Steps({ kind }: { kind: EmergencyKind }) {
  const titleId = useId();
  return (
    <section className="evac-steps" aria-labelledby={titleId}>
      <h2 id={titleId} className="evac-section-title">
        <Bi k="emergency.steps.title" />
      </h2>
      <ol className="evac-step-list">
        {stepsByKind[kind].map((step) => (
          <li key={step} className={`evac-step ${step === 'lifts' ? 'evac-step-warn' : ''}`}>
            <Bi k={`emergency.steps.${kind}.${step}`} />
          </li>
        ))}
      </ol>
    </section>
  );
}

export function EmergencyNumbers({ info }: { info: SiteEmergencyInfo | null }) {
  const titleId = useId();
  return (
    <section className="evac-numbers" aria-labelledby={titleId}>
      <h2 id={titleId} className="evac-numbers-title">
        <Bi k="emergency.numbers.title" />
      </h2>
      <ul className="evac-number-list">
        {publicNumbers.map(({ key, number }) => (
          <li key={key} className="evac-number">
            <span className="evac-number-digits">{number}</span>
            <Bi k={`emergency.numbers.${key}`} className="evac-number-label" />
          </li>
        ))}
        {info?.numbers.map((entry) => (
          <li key={`${entry.number}-${entry.label.en}`} className="evac-number">
            <span className="evac-number-digits">{entry.number}</span>
            <BiText text={entry.label} className="evac-number-label" />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Counts({ counts }: { counts: RollCounts | null }) {
  const titleId = useId();
  const { i18n } = useTranslation();
  const show = (n: number | undefined) => (n === undefined ? '–' : formatCount(n, i18n.language));
  const allSafe = counts !== null && counts.missing === 0;
  const rehearsal = useContext(Rehearsal);
  const testId = (id: string) => (rehearsal ? undefined : id);
  return (
    <section className="evac-counts" aria-labelledby={titleId} aria-live="polite">
      <h2 id={titleId} className="emg-sr-only">
        <Bi k="emergency.counts.label" />
      </h2>
      <dl className="evac-count-grid">
        <div className="evac-count">
          <dt>
            <Bi k="emergency.counts.onSite" />
          </dt>
          <dd data-testid={testId('count-on-site')}>{show(counts?.onSite)}</dd>
        </div>
        <div className="evac-count evac-count-safe">
          <dt>
            <Bi k="emergency.counts.accounted" />
          </dt>
          <dd data-testid={testId('count-accounted')}>{show(counts?.accounted)}</dd>
        </div>
        <div className={`evac-count ${allSafe ? 'evac-count-safe' : 'evac-count-missing'}`}>
          <dt>
            <Bi k="emergency.counts.missing" />
          </dt>
          <dd data-testid={testId('count-missing')}>{show(counts?.missing)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** Names in the roster's own order (pinyin for Chinese names), whatever the screen's language. */
export const byName = new Intl.Collator('zh-CN');

export const personKey = (p: MissingPerson) => (p.visitorId !== undefined ? `v${p.visitorId}` : `p${p.employeeNo ?? p.name}`);

export function sortMissing(missing: MissingPerson[]): MissingPerson[] {
  return [...missing].sort((a, b) => byName.compare(a.name, b.name) || personKey(a).localeCompare(personKey(b)));
}

/** A wall display has nobody to scroll it: a list longer than its box turns a page every few seconds. */
function useAutoPage(ref: RefObject<HTMLElement | null>, active: boolean) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      const el = ref.current;
      if (!el || el.scrollHeight <= el.clientHeight + 4) return;
      const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
      el.scrollTop = atEnd ? 0 : el.scrollTop + el.clientHeight - 24;
    }, 8_000);
    return () => clearInterval(timer);
  }, [ref, active]);
}

export function MissingList({ missing, autoPage }: { missing: MissingPerson[] | null; autoPage: boolean }) {
  const titleId = useId();
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLUListElement>(null);
  const sorted = useMemo(() => (missing ? sortMissing(missing) : null), [missing]);
  useAutoPage(ref, autoPage);
  return (
    <section className="evac-missing" aria-labelledby={titleId}>
      <h2 id={titleId} className="evac-section-title">
        <Bi k="emergency.missing.title" />
      </h2>
      {sorted === null ? (
        <p className="evac-missing-empty">
          <Bi k="emergency.missing.loading" />
        </p>
      ) : sorted.length === 0 ? (
        <p className="evac-missing-empty evac-missing-done">
          <Bi k="emergency.missing.none" />
        </p>
      ) : (
        // Focusable so that a keyboard can scroll it; the wall display pages it by itself.
        <ul className="evac-missing-list" ref={ref} data-testid="missing-list" tabIndex={0} aria-labelledby={titleId}>
          {sorted.map((person) => (
            <li key={personKey(person)} className="evac-person" data-employee-no={person.employeeNo}>
              <span className="evac-person-name">{person.name}</span>
              <span className="evac-person-team">
                {person.visitorId !== undefined && (
                  <span className="evac-visitor">
                    <Bi k="emergency.missing.visitor" />
                  </span>
                )}
                {person.team}
              </span>
              {/* A time reads the same in both languages: said once. */}
              <span className="evac-person-since">{t('emergency.missing.since', { time: formatTime(person.since, i18n.language) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Live, or how old what is shown is, in plain words in both languages. */
export function LinkStatus({ snapshot }: { snapshot: Pick<EmergencySnapshot, 'link' | 'stale' | 'updatedAt'> }) {
  const { first, second } = useBothLanguages();
  const now = useNow(1_000);
  const live = snapshot.link === 'up' && !snapshot.stale;
  const age = snapshot.updatedAt === null ? null : Math.max(0, now - snapshot.updatedAt);
  return (
    <div className={`evac-link ${live ? 'evac-link-live' : 'evac-link-down'}`} role="status" data-testid="link-status">
      <span className="evac-link-dot" aria-hidden="true" />
      {live ? (
        <Bi k="emergency.link.live" />
      ) : (
        <span className="evac-link-text">
          <Bi k="emergency.link.down" />{' '}
          {age === null ? (
            <Bi k="emergency.link.never" />
          ) : (
            <Bi
              k="emergency.link.updated"
              className="evac-link-age"
              valuesByLanguage={{ [first]: { age: formatAge(age, first) }, [second]: { age: formatAge(age, second) } }}
            />
          )}
        </span>
      )}
    </div>
  );
}

export function SoundButton() {
  const state = useSyncExternalStore(alarm.subscribe, alarm.state);
  const playing = state === 'playing';
  return (
    <button
      type="button"
      className={`button evac-sound ${playing ? 'button-secondary' : 'evac-sound-off'}`}
      data-sound={state}
      onClick={() => (playing ? alarm.mute() : alarm.unmute())}
    >
      <Bi k={playing ? 'emergency.sound.off' : 'emergency.sound.on'} />
    </button>
  );
}
