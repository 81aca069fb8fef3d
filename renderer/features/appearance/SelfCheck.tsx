/**
 * Straight after a staff sign-in that starts the day: the sign-in is confirmed at the top (with the
 * training warning, if any), and the appearance / uniform self-check (仪容仪表自检) follows on the
 * same screen. Everything starts as OK; the person flags what is not, adds a note if they like,
 * and submits once. The sign-in's one-time ticket says who they are; when the hub refuses it (it
 * expired, or the hub restarted) the kiosk asks for the PIN instead and keeps every flag.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppearanceChecklist } from '../../../shared/contract/appearance.js';
import type { PresenceResult } from '../../../shared/contract/presence.js';
import { ApiCallError, asApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { formatTime } from '../../app/format.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { KeypadEntry } from '../presence/KeypadEntry.js';
import type { ToggleOutcome } from '../presence/kiosk-outcome.js';
import { TrainingWarning } from '../presence/TrainingWarning.js';
import { flaggedInOrder, toggled } from './self-check.js';
import { SelfCheckList } from './SelfCheckList.js';
import { SelfCheckMirror } from './SelfCheckMirror.js';
import { SelfCheckResult, type SelfCheckOutcome } from './SelfCheckResult.js';
import '../../styles/door.css';

const maxNote = 500;

/** Line breaks stay; other control characters (a pasted tab) would only get the note refused. */
const cleanNote = (text: string) => text.replace(/(?![\r\n])\p{Cc}/gu, ' ').trim();

type Phase = { name: 'check' } | { name: 'pin' } | { name: 'result'; outcome: SelfCheckOutcome };

export function SelfCheck({ result, onDone }: { result: PresenceResult; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const client = useApi();
  const checklist = useHubQuery((c) => c.call('checklist.current', {}));
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'check' });
  // Once refused, the ticket is not tried again: the next submit goes to the PIN.
  const [ticket, setTicket] = useState(result.selfCheckTicket?.ticket ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const list = checklist.data;

  async function send(shown: AppearanceChecklist, who: { ticket: string } | { employeeNo: string; pin: string }): Promise<ToggleOutcome> {
    if (busy) return 'ignored';
    setBusy(true);
    setError(null);
    try {
      const outcome = await client.call('appearance.submit', {
        ...who,
        checklistVersion: shown.version,
        flagged: flaggedInOrder(shown.items, flagged),
        note: cleanNote(note),
      });
      setPhase({ name: 'result', outcome });
      return 'done';
    } catch (err) {
      const refusal = asApiCallError(err);
      if (refusal.code === 'self_check_ticket_invalid') {
        setTicket(null);
        setPhase({ name: 'pin' });
        return 'ignored';
      }
      if (!('ticket' in who)) return refusal;
      setError(refusal);
      return refusal;
    } finally {
      setBusy(false);
    }
  }

  function submit() {
    if (!list) return;
    if (ticket) void send(list, { ticket });
    else setPhase({ name: 'pin' });
  }

  if (phase.name === 'result' && list) {
    return <SelfCheckResult outcome={phase.outcome} flagged={list.items.filter((item) => flagged.has(item.id))} onDone={onDone} />;
  }
  if (phase.name === 'pin' && list) {
    return (
      <KeypadEntry
        busy={busy}
        initialEmployeeNo={result.person.employeeNo}
        submitLabel={t('door.selfCheck.submitWithPin')}
        intro={<p className="notice door-pin-intro">{t('errors.self_check_ticket_invalid')}</p>}
        onSubmit={(credential) => ('employeeNo' in credential ? send(list, credential) : Promise.resolve<ToggleOutcome>('ignored'))}
        onCancel={() => setPhase({ name: 'check' })}
      />
    );
  }

  const time = formatTime(result.event.at, i18n.language);
  const flaggedCount = flagged.size;
  return (
    <main className="door self-check" aria-labelledby="self-check-signed self-check-title">
      <section className="self-check-signed" role="status">
        <span className="self-check-signed-mark" aria-hidden="true">
          ✓
        </span>
        <div className="self-check-signed-text">
          <h1 id="self-check-signed" className="self-check-signed-title">
            {t('confirmation.signedInTitle')}
          </h1>
          <p className="self-check-signed-who">
            <span className="self-check-name">{result.person.name}</span> <span className="self-check-team">{result.person.team}</span>
          </p>
          <p className="self-check-signed-time">{t('confirmation.signedInAt', { time })}</p>
        </div>
      </section>
      <TrainingWarning training={result.training} />
      <header className="door-head self-check-head">
        <h2 id="self-check-title" className="door-title">
          {t('door.selfCheck.title')}
        </h2>
        <p className="door-hint">{t('door.selfCheck.hint')}</p>
      </header>
      <SelfCheckMirror />
      {list ? (
        <SelfCheckList items={list.items} flagged={flagged} disabled={busy} onToggle={(id) => setFlagged((current) => toggled(current, id))} />
      ) : (
        <p className="notice">{checklist.error ? null : t('door.loading')}</p>
      )}
      {checklist.error && (
        <div className="door-actions">
          <ErrorNotice error={checklist.error} />
          <button type="button" className="button button-secondary" onClick={checklist.reload}>
            {t('door.retry')}
          </button>
        </div>
      )}
      <div className="door-field">
        <label htmlFor="self-check-note" className="door-label">
          {t('door.selfCheck.note')}
        </label>
        <textarea
          id="self-check-note"
          className="door-input door-textarea"
          rows={2}
          maxLength={maxNote}
          value={note}
          disabled={busy}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <ErrorNotice error={error} />
      <div className="self-check-submit">
        <p className="self-check-count" aria-live="polite">
          {flaggedCount === 0 ? t('door.selfCheck.allOk') : t('door.selfCheck.flaggedCount', { count: flaggedCount })}
        </p>
        <button type="button" className="button button-primary self-check-send" disabled={!list || busy} onClick={submit}>
          {busy ? t('kiosk.processing') : t('door.selfCheck.submit')}
        </button>
      </div>
    </main>
  );
}
