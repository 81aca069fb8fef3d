/** The check is recorded: which hazards it opened, and straight on to the next unit. */
import { useTranslation } from 'react-i18next';
import { QrScanner } from '../../components/QrScanner.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { hazardDescription } from '../hazards/describe.js';
import type { CheckResult } from './CheckScreen.js';
import { UnitChips } from './UnitFacts.js';

export interface CheckDoneProps {
  result: CheckResult;
  /** The next unit's tag, read by the camera right here. */
  onScan(tag: string): void;
  onNext(): void;
  onHazard(id: number): void;
  onRegistry(): void;
}

export function CheckDone({ result, onScan, onNext, onHazard, onRegistry }: CheckDoneProps) {
  const { t, i18n } = useTranslation();
  const heading = useFocusHeading();
  const opened = result.hazardsOpened;
  const hazards = useHubQuery(
    (client) => (opened.length > 0 ? client.call('hazard.list', { status: 'open' }) : Promise.resolve({ hazards: [] })),
    String(result.checkId),
  );
  const shown = (hazards.data?.hazards ?? []).filter((h) => opened.includes(h.id));

  return (
    <section className="screen check-done" aria-labelledby="done-title">
      <header className="screen-head">
        <h1 id="done-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.done.title', { tag: result.unit.tag })}
        </h1>
        <p className="unit-where">{result.unit.location}</p>
        <UnitChips unit={result.unit} />
      </header>
      <div role="status" className={opened.length > 0 ? 'notice notice-warn' : 'notice notice-ok'}>
        {opened.length > 0 ? t('warden.done.opened', { count: opened.length }) : t('warden.done.noneOpened')}
      </div>
      {opened.length > 0 && (
        <ul className="pick-list">
          {opened.map((id) => {
            const hazard = shown.find((h) => h.id === id);
            return (
              <li key={id}>
                <button type="button" className="pick" onClick={() => onHazard(id)}>
                  <span className="pick-tag">#{id}</span>
                  {hazard?.itemNo != null && <span className="item-no">{hazard.itemNo}</span>}
                  <span className="pick-where">{hazard ? hazardDescription(hazard, i18n.language) : ''}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <section className="panel" aria-labelledby="done-next">
        <h2 id="done-next" className="panel-title">
          {t('warden.done.scanNext')}
        </h2>
        {/* Straight on: the camera is already looking for the next unit's tag. */}
        <QrScanner autoStart ignore={result.unit.tag} onResult={onScan} />
      </section>
      <div className="toolbar toolbar-big">
        <button type="button" className="button button-primary button-huge" onClick={onNext}>
          {t('warden.done.next')}
        </button>
        <button type="button" className="button button-secondary" onClick={onRegistry}>
          {t('warden.done.registry')}
        </button>
      </div>
    </section>
  );
}
