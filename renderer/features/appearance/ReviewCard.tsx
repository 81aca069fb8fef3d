/** One failed self-check in the review queue, and the form that records what the supervisor did. */
import { useId, useState, type FormEvent } from 'react';
import type { ReviewItem } from '../../../shared/contract/appearance.js';
import { appearanceActions, type AppearanceAction } from '../../../shared/domain/checklist.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime } from '../../components/format.js';
import { useSupervisorWords } from '../dashboard/words.js';
import { useAdminAuth, useWhileUnlocked } from '../admin/admin-session.js';

/** The hub keeps at most this much of a note. */
const noteMax = 500;

export function ReviewCard({ item, onResolved }: { item: ReviewItem; onResolved(item: ReviewItem): void }) {
  const { t, tc, lng } = useSupervisorWords();
  const itemLabel = (label: ReviewItem['flagged'][number]['label']) => (lng === 'en' ? label.en : label['zh-CN']);
  const titleId = useId();
  return (
    <article className={`review-card${item.resolution ? ' is-resolved' : ''}`} aria-labelledby={titleId}>
      <div className="review-head">
        <h2 id={titleId} className="review-who">
          {item.person.name} <span className="muted">({item.person.employeeNo})</span>
        </h2>
        <span className={`chip ${item.resolution ? 'chip-pass' : 'chip-fail'}`}>{item.resolution ? t('review.resolvedChip') : t('review.open')}</span>
      </div>
      <p className="muted">
        {item.person.team} · {t('review.checkedAt', { at: formatDateTime(item.at, lng) })} · {t('review.checklistVersion', { version: item.checklistVersion })}
      </p>
      <div>
        <h3 className="subhead">{t('review.flagged')}</h3>
        <ul className="review-flags">
          {item.flagged.map((flag) => (
            <li key={flag.id} className={`review-flag${flag.required ? '' : ' is-optional'}`}>
              <span className="chip">{tc(`appearance.groups.${flag.group}`)}</span>
              <span className="review-flag-label">{itemLabel(flag.label)}</span>
              <span className="muted">{flag.required ? t('review.required') : t('review.optional')}</span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="subhead">{t('review.theirNote')}</h3>
        <p className={item.note ? 'review-note' : 'muted'}>{item.note || t('review.noNote')}</p>
      </div>
      {item.resolution ? (
        <div className="notice notice-ok">
          <p>
            {t('review.resolvedBy', {
              action: tc(`appearance.actions.${item.resolution.action}`),
              name: item.resolution.by.name,
              at: formatDateTime(item.resolution.at, lng),
            })}
          </p>
          {item.resolution.note && <p className="review-note">{item.resolution.note}</p>}
        </div>
      ) : (
        <ResolveForm item={item} onResolved={onResolved} />
      )}
    </article>
  );
}

function ResolveForm({ item, onResolved }: { item: ReviewItem; onResolved(item: ReviewItem): void }) {
  const { t, tc } = useSupervisorWords();
  const client = useApi();
  const auth = useAdminAuth();
  const whileUnlocked = useWhileUnlocked();
  const id = useId();
  const [action, setAction] = useState<AppearanceAction | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const noteTooLong = note.trim().length > noteMax;
  const actionMissing = action === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setError(null);
    if (actionMissing || noteTooLong || busy) return;
    setBusy(true);
    try {
      const done = await whileUnlocked(() => client.call('appearance.resolve', { auth, checkId: item.checkId, action, note: note.trim().replace(/\t/g, ' ') }));
      onResolved(done);
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  return (
    <form className="resolve-form" onSubmit={submit} noValidate>
      <fieldset className="choice-grid" aria-describedby={tried && actionMissing ? `${id}-action-problem` : undefined}>
        <legend>{t('review.action')}</legend>
        <div className="choice-options">
          {appearanceActions.map((a) => (
            <label key={a} className={`segment${action === a ? ' is-checked' : ''}`}>
              <input type="radio" className="segment-input" name={`${id}-action`} value={a} checked={action === a} onChange={() => setAction(a)} disabled={busy} />
              <span className="segment-mark" aria-hidden="true">
                {action === a ? '●' : '○'}
              </span>
              <span className="segment-label">{tc(`appearance.actions.${a}`)}</span>
            </label>
          ))}
        </div>
        {tried && actionMissing && (
          <p id={`${id}-action-problem`} className="field-problem">
            {t('review.chooseAction')}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-note`} className="field-label">
          {t('review.note')}
        </label>
        <textarea
          id={`${id}-note`}
          className="field-input field-text"
          value={note}
          placeholder={t('review.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={noteTooLong || undefined}
          aria-describedby={noteTooLong ? `${id}-note-problem` : undefined}
          disabled={busy}
        />
        {noteTooLong && (
          <p id={`${id}-note-problem`} className="field-problem">
            {t('review.noteTooLong', { max: noteMax })}
          </p>
        )}
      </div>
      <ErrorNotice error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('review.resolve')}
        </button>
      </div>
    </form>
  );
}
