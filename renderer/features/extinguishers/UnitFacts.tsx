/** A unit's status chips and its derived dates, with the rule set the dates come from beside them. */
import { useTranslation } from 'react-i18next';
import type { ExtinguisherUnit } from '../../../shared/contract/extinguisher.js';
import { formatDay, formatNumber } from '../../components/format.js';

export function CheckChip({ status }: { status: ExtinguisherUnit['checkStatus'] }) {
  const { t } = useTranslation();
  return <span className={`chip chip-check-${status}`}>{t(`warden.status.check.${status}`)}</span>;
}

export function LifeChip({ status }: { status: ExtinguisherUnit['lifeStatus'] }) {
  const { t } = useTranslation();
  return <span className={`chip chip-life-${status}`}>{t(`warden.status.life.${status}`)}</span>;
}

export function UnitChips({ unit }: { unit: ExtinguisherUnit }) {
  const { t } = useTranslation();
  return (
    <div className="chips">
      <CheckChip status={unit.checkStatus} />
      <LifeChip status={unit.lifeStatus} />
      {unit.openHazards > 0 && <span className="chip chip-hazard">{t('warden.units.openHazards', { count: unit.openHazards })}</span>}
    </div>
  );
}

/** Type and size, where, and when: what the warden needs to know the unit in front of them is the one. */
export function UnitFacts({ unit }: { unit: ExtinguisherUnit }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="unit-facts">
      <p className="unit-kind">
        {t('warden.units.kind', { type: t(`warden.types.${unit.type}`), size: formatNumber(unit.sizeKg, lng) })}
        {unit.halfMonthly && <span className="unit-flag">{t('warden.units.halfMonthly')}</span>}
        {!unit.hasGauge && <span className="unit-flag">{t('warden.units.noGauge')}</span>}
      </p>
      <dl className="unit-dates">
        <div>
          <dt>{t('warden.units.manufacturedOn')}</dt>
          <dd>{formatDay(unit.manufacturedOn, lng)}</dd>
        </div>
        <div>
          <dt>{t('warden.units.nextRepairOn')}</dt>
          <dd className={unit.lifeStatus === 'repair_due' ? 'date-due' : undefined}>{formatDay(unit.nextRepairOn, lng)}</dd>
        </div>
        <div>
          <dt>{t('warden.units.scrapOn')}</dt>
          <dd className={unit.lifeStatus === 'scrap_due' ? 'date-due' : undefined}>{formatDay(unit.scrapOn, lng)}</dd>
        </div>
        <div>
          <dt>{t('warden.units.lastChecked')}</dt>
          <dd>{unit.lastCheckedOn ? formatDay(unit.lastCheckedOn, lng) : t('warden.units.never')}</dd>
        </div>
      </dl>
      <p className="rule-source">{t('warden.units.ruleSource', { source: unit.ruleSource })}</p>
    </div>
  );
}
