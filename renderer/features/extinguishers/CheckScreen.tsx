/**
 * The monthly check of one unit. Prefilled from its last check, with its open defects first; "all
 * OK" in one tap; items 6 and 7 answered by the due-date engine (shown, not asked); the gauge; a
 * note; the inspector's employee number on the number pad and their signature on the pad.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract/methods.js';
import {
  engineAnswers,
  extinguisherChecklist,
  inspectorItems,
  type CheckGroup,
  type CheckItem,
  type ItemResult,
} from '../../../shared/domain/extinguisher-checklist.js';
import { isLanguage } from '../../../shared/i18n/index.js';
import { asApiCallError, type ApiCallError } from '../../api/client.js';
import { useApi } from '../../api/ApiProvider.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { formatDateTime, formatDay } from '../../components/format.js';
import { KeypadFields } from '../../components/KeypadFields.js';
import { SegmentedChoice, type Choice } from '../../components/SegmentedChoice.js';
import { SignaturePad } from '../../components/SignaturePad.js';
import { isSignature } from '../../components/signature-path.js';
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useHubQuery } from '../../components/useHubQuery.js';
import { hazardDescription } from '../hazards/describe.js';
import { UnitChips, UnitFacts } from './UnitFacts.js';

type UnitData = MethodOutput<'extinguisher.get'>;
export type CheckResult = MethodOutput<'extinguisher.check'>;
type Gauge = 'green' | 'red' | 'yellow' | 'na';

/** What the tablet remembers between units of one round: who is checking, and their last signature. */
export interface RoundMemory {
  inspector: string;
  signature: string;
  signedBy: string;
}

export interface CheckScreenProps {
  tag: string;
  memory: RoundMemory;
  onDone(result: CheckResult, memory: RoundMemory): void;
  onCancel(): void;
}

export function CheckScreen({ tag, memory, onDone, onCancel }: CheckScreenProps) {
  const { t } = useTranslation();
  const { data, error, reload } = useHubQuery((client) => client.call('extinguisher.get', { tag }), tag);
  if (!data) {
    return (
      <section className="screen" aria-labelledby="check-loading">
        <h1 id="check-loading" className="screen-title">
          {t('warden.check.title', { tag })}
        </h1>
        <ErrorNotice error={error} />
        {!error && <p className="screen-sub">{t('warden.common.loading')}</p>}
        <div className="toolbar">
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('warden.common.back')}
          </button>
          {error && (
            <button type="button" className="button button-secondary" onClick={reload}>
              {t('warden.common.retry')}
            </button>
          )}
        </div>
      </section>
    );
  }
  return <CheckForm key={tag} data={data} memory={memory} onDone={onDone} onCancel={onCancel} />;
}

function initialResults(data: UnitData): Record<number, ItemResult | undefined> {
  const out: Record<number, ItemResult | undefined> = {};
  for (const no of inspectorItems) out[no] = data.lastCheck?.results[String(no)];
  return out;
}

function CheckForm({ data, memory, onDone, onCancel }: { data: UnitData } & Omit<CheckScreenProps, 'tag'>) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const labelLanguage = isLanguage(lng) ? lng : 'zh-CN';
  const client = useApi();
  const heading = useFocusHeading();
  const id = useId();
  const { unit, lastCheck, openHazards } = data;

  const [results, setResults] = useState(() => initialResults(data));
  const [gauge, setGauge] = useState<Gauge | undefined>(() => (unit.hasGauge ? lastCheck?.gauge : 'na'));
  const [note, setNote] = useState('');
  const [inspector, setInspector] = useState(memory.inspector);
  const [signature, setSignature] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  const engine = engineAnswers(unit.lifeStatus);
  const missing = inspectorItems.filter((no) => !results[no]);
  const answered = inspectorItems.length - missing.length;
  const problems: string[] = [];
  if (missing.length > 0) problems.push(t('warden.check.problems.items', { items: missing.join(', ') }));
  if (!gauge) problems.push(t('warden.check.problems.gauge'));
  if (!inspector.trim()) problems.push(t('warden.check.problems.inspector'));
  if (!isSignature(signature)) problems.push(t('warden.check.problems.signature'));

  const passChoices: Choice<ItemResult>[] = [
    { value: 'pass', label: t('warden.check.pass'), tone: 'pass' },
    { value: 'fail', label: t('warden.check.fail'), tone: 'fail' },
    { value: 'na', label: t('warden.check.na'), tone: 'neutral' },
  ];
  const gaugeChoices: Choice<Gauge>[] = [
    { value: 'green', label: t('warden.check.gauge.green'), tone: 'pass' },
    { value: 'red', label: t('warden.check.gauge.red'), tone: 'fail' },
    { value: 'yellow', label: t('warden.check.gauge.yellow'), tone: 'fail' },
    { value: 'na', label: t('warden.check.gauge.na'), tone: 'neutral' },
  ];

  const answer = (no: number, value: ItemResult) => setResults((r) => ({ ...r, [no]: value }));
  const chooseGauge = (value: Gauge) => {
    setGauge(value);
    // A needle out of the green is item 17 failing (the hub records it so whatever is tapped).
    if (value === 'red' || value === 'yellow') answer(17, 'fail');
  };
  const allOk = () => {
    setResults(Object.fromEntries(inspectorItems.map((no) => [no, 'pass' as const])));
    setGauge(unit.hasGauge ? 'green' : 'na');
  };

  const defectItems = new Set(
    openHazards.map((h) => h.itemNo).filter((no): no is number => no !== null && inspectorItems.includes(no)),
  );
  const gaugeForced = gauge === 'red' || gauge === 'yellow';

  const itemRow = (item: CheckItem) => {
    const label = item.label[labelLanguage];
    if (item.engine) {
      const fails = engine[item.no as 6 | 7] === 'fail';
      const text =
        item.engine === 'repair'
          ? fails
            ? unit.lifeStatus === 'scrap_due'
              ? t('warden.check.engine.scrapDue', { date: formatDay(unit.scrapOn, lng) })
              : t('warden.check.engine.repairDue', { date: formatDay(unit.nextRepairOn, lng) })
            : t('warden.check.engine.repairOk', { date: formatDay(unit.nextRepairOn, lng) })
          : fails
            ? t('warden.check.engine.scrapDue', { date: formatDay(unit.scrapOn, lng) })
            : t('warden.check.engine.scrapOk', { date: formatDay(unit.scrapOn, lng) });
      return (
        <div key={item.no} className="check-item engine-item" role="group" aria-labelledby={`${id}-item-${item.no}`}>
          <p id={`${id}-item-${item.no}`} className="check-label">
            <span className="item-no">{item.no}</span> {label}
          </p>
          <div className="engine-answer">
            <span className={`chip ${fails ? 'chip-fail' : 'chip-pass'}`}>{fails ? t('warden.check.engine.yes') : t('warden.check.engine.no')}</span>
            <span>{text}</span>
          </div>
          <p className="rule-source">{t('warden.check.engine.source', { source: unit.ruleSource })}</p>
        </div>
      );
    }
    return (
      <div key={item.no} className="check-row" id={`${id}-row-${item.no}`}>
        <SegmentedChoice
          className="check-item"
          name={`${id}-item-${item.no}`}
          legend={
            <>
              <span className="item-no">{item.no}</span> {label}
            </>
          }
          choices={passChoices}
          value={results[item.no]}
          onChange={(value) => answer(item.no, value)}
          invalid={tried && !results[item.no]}
        />
        {item.no === 17 && gaugeForced && <p className="field-hint check-forced">{t('warden.check.gaugeForcesFail')}</p>}
      </div>
    );
  };

  const group = (name: CheckGroup) =>
    extinguisherChecklist.filter((item) => item.group === name && !defectItems.has(item.no)).map(itemRow);

  async function submit() {
    setTried(true);
    setError(null);
    if (problems.length > 0) {
      const first = missing[0];
      if (first !== undefined) document.getElementById(`${id}-row-${first}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    try {
      const answers = Object.fromEntries(inspectorItems.map((no) => [String(no), results[no]!]));
      const result = await client.call('extinguisher.check', {
        tag: unit.tag,
        results: answers,
        gauge: gauge!,
        note: note.trim(),
        inspectorEmployeeNo: inspector.trim(),
        signature,
      });
      onDone(result, { inspector: inspector.trim(), signature, signedBy: inspector.trim() });
    } catch (err) {
      setError(asApiCallError(err));
      setBusy(false);
    }
  }

  const canReuse = memory.signature !== '' && memory.signedBy === inspector.trim();

  return (
    <section className="screen check-screen" aria-labelledby="check-title">
      <header className="screen-head">
        <h1 id="check-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('warden.check.title', { tag: unit.tag })}
        </h1>
        <p className="unit-where">
          {unit.location}
          {unit.zone && <span className="unit-zone">{t('warden.units.zone', { zone: unit.zone })}</span>}
        </p>
        <UnitChips unit={unit} />
      </header>
      <details className="unit-details">
        <summary>{t('warden.check.unitDetails')}</summary>
        <UnitFacts unit={unit} />
      </details>

      <div className="all-ok-bar">
        <button type="button" className="button button-ok all-ok" onClick={allOk} disabled={busy}>
          {t('warden.check.allOk')}
        </button>
        <p className="field-hint">
          {lastCheck
            ? t('warden.check.prefilled', { date: formatDay(lastCheck.checkedOn, lng), name: lastCheck.inspector.name })
            : t('warden.check.firstCheck')}
        </p>
      </div>

      {openHazards.length > 0 && (
        <section className="check-group defects" aria-labelledby={`${id}-defects`}>
          <h2 id={`${id}-defects`} className="group-title">
            {t('warden.check.defectsTitle', { count: openHazards.length })}
          </h2>
          <ul className="defect-list">
            {openHazards.map((h) => (
              <li key={h.id} className={h.overdue ? 'defect is-overdue' : 'defect'}>
                <span className="defect-id">#{h.id}</span>
                {h.itemNo !== null && <span className="item-no">{h.itemNo}</span>}
                <span className="defect-text">{hazardDescription(h, lng)}</span>
                <span className="defect-meta">
                  <span className={`chip chip-hazard-${h.status}`}>{t(`warden.hazardStatus.${h.status}`)}</span>
                  {h.overdue && <span className="chip chip-overdue">{t('warden.hazards.overdue')}</span>}
                  <span className="defect-when">{t('warden.check.reportedAt', { at: formatDateTime(h.reportedAt, lng) })}</span>
                </span>
              </li>
            ))}
          </ul>
          {extinguisherChecklist.filter((item) => defectItems.has(item.no)).map(itemRow)}
        </section>
      )}

      <section className="check-group" aria-labelledby={`${id}-placement`}>
        <h2 id={`${id}-placement`} className="group-title">
          {t('warden.check.groups.placement')}
        </h2>
        {group('placement')}
      </section>
      <section className="check-group" aria-labelledby={`${id}-appearance`}>
        <h2 id={`${id}-appearance`} className="group-title">
          {t('warden.check.groups.appearance')}
        </h2>
        {group('appearance')}
      </section>

      <section className="check-group" aria-labelledby={`${id}-gauge`}>
        <h2 id={`${id}-gauge`} className="group-title">
          {t('warden.check.gauge.title')}
        </h2>
        {unit.hasGauge ? (
          <SegmentedChoice
            className="check-item gauge-choice"
            name={`${id}-gauge-zone`}
            legend={t('warden.check.gauge.legend')}
            choices={gaugeChoices}
            value={gauge}
            onChange={chooseGauge}
            invalid={tried && !gauge}
          />
        ) : (
          <p className="field-hint">{t('warden.check.gauge.none')}</p>
        )}
      </section>

      <section className="check-group" aria-labelledby={`${id}-note-title`}>
        <h2 id={`${id}-note-title`} className="group-title">
          {t('warden.check.note')}
        </h2>
        <label htmlFor={`${id}-note`} className="visually-hidden">
          {t('warden.check.note')}
        </label>
        <textarea id={`${id}-note`} className="field-input field-text" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </section>

      <section className="check-group" aria-labelledby={`${id}-sign`}>
        <h2 id={`${id}-sign`} className="group-title">
          {t('warden.check.inspectorTitle')}
        </h2>
        <div className="sign-grid">
          <KeypadFields
            disabled={busy}
            fields={[{ key: 'inspector', label: t('warden.person.employeeNo'), value: inspector, onChange: setInspector, maxLength: 12 }]}
          />
          <div className="sign-pad">
            <p className="field-label" id={`${id}-sig-label`}>
              {t('warden.check.signature')}
            </p>
            <SignaturePad
              value={signature}
              onChange={setSignature}
              label={t('warden.check.signaturePad')}
              disabled={busy}
              onReuse={canReuse ? () => setSignature(memory.signature) : undefined}
            />
          </div>
        </div>
      </section>

      <div className="submit-bar">
        <ErrorNotice error={error} message={tried && problems.length > 0 ? problems.join(' ') : null} />
        <div className="submit-row">
          <p className="submit-progress" aria-live="polite">
            {t('warden.check.progress', { answered, total: inspectorItems.length })}
          </p>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('warden.common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void submit()} disabled={busy}>
            {busy ? t('warden.common.saving') : t('warden.check.submit')}
          </button>
        </div>
      </div>
    </section>
  );
}
