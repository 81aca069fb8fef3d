/**
 * Which unit to check: scan its QR tag with the camera, type its tag, or pick it from the units still
 * to be checked this period (overdue first).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { QrScanner } from '../../components/QrScanner.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { CheckChip, LifeChip } from './UnitFacts.js';
import { byUrgency } from './unit-status.js';

export interface CheckFinderProps {
  autoScan: boolean;
  onOpen(tag: string): void;
}

export function CheckFinder({ autoScan, onOpen }: CheckFinderProps) {
  const { t } = useTranslation();
  const client = useApi();
  const heading = useFocusHeading();
  const tagId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [showDone, setShowDone] = useState(false);
  const list = useHubQuery((c) => c.call('extinguisher.list', {}));
  const units = [...(list.data?.units ?? [])].sort(byUrgency);
  const toDo = units.filter((u) => u.checkStatus !== 'done');
  const shown = showDone ? units : toDo;

  async function open(raw: string) {
    const tag = raw.trim();
    if (!tag || busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.call('extinguisher.get', { tag });
      onOpen(tag);
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    void open(typed);
  };

  return (
    <section className="screen" aria-labelledby="finder-title">
      <header className="screen-head">
        <h1 id="finder-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.finder.title')}
        </h1>
        {list.data && <p className="screen-sub">{t('warden.finder.progress', { toDo: toDo.length, total: units.length })}</p>}
      </header>
      <ErrorNotice error={error ?? list.error} />
      <div className="finder">
        <section className="panel" aria-labelledby="finder-scan">
          <h2 id="finder-scan" className="panel-title">
            {t('warden.finder.scanTitle')}
          </h2>
          <QrScanner autoStart={autoScan} onResult={(text) => void open(text)} />
        </section>
        <section className="panel" aria-labelledby="finder-type">
          <h2 id="finder-type" className="panel-title">
            {t('warden.finder.typeTitle')}
          </h2>
          <form className="field-row" onSubmit={submitTyped}>
            <label htmlFor={tagId} className="visually-hidden">
              {t('warden.finder.tagLabel')}
            </label>
            <input
              id={tagId}
              className="field-input"
              value={typed}
              placeholder={t('warden.finder.tagPlaceholder')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              onChange={(e) => setTyped(e.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={busy || !typed.trim()}>
              {t('warden.finder.open')}
            </button>
          </form>
        </section>
      </div>
      <section className="panel" aria-labelledby="finder-pick">
        <h2 id="finder-pick" className="panel-title">
          {showDone ? t('warden.finder.pickAll') : t('warden.finder.pickTitle')}
        </h2>
        {list.data && shown.length === 0 && <p className="empty">{units.length === 0 ? t('warden.registry.emptyAll') : t('warden.finder.allDone')}</p>}
        <ul className="pick-list">
          {shown.map((unit) => (
            <li key={unit.tag}>
              <button type="button" className="pick" disabled={busy} onClick={() => void open(unit.tag)}>
                <span className="pick-tag">{unit.tag}</span>
                <span className="pick-where">{unit.location}</span>
                <span className="chips">
                  <CheckChip status={unit.checkStatus} />
                  {unit.lifeStatus !== 'ok' && <LifeChip status={unit.lifeStatus} />}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {units.length > toDo.length && (
          <button type="button" className="button button-secondary" onClick={() => setShowDone((v) => !v)}>
            {showDone ? t('warden.finder.hideDone') : t('warden.finder.showDone', { count: units.length - toDo.length })}
          </button>
        )}
      </section>
    </section>
  );
}
