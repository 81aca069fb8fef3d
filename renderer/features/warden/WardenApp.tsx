/**
 * The warden's screens: Overview, Extinguishers, Check, Hazards, one tap apart. Which screen is
 * showing is plain state (the tablet has no address bar to speak of); the round's inspector and
 * signature stay between units, so checking the next one is quick.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/contract/device.js';
import type { ExtinguisherUnit } from '../../../shared/contract/extinguisher.js';
import { CheckDone } from '../extinguishers/CheckDone.js';
import { CheckFinder } from '../extinguishers/CheckFinder.js';
import { CheckScreen, type CheckResult, type RoundMemory } from '../extinguishers/CheckScreen.js';
import { Labels } from '../extinguishers/Labels.js';
import { Registry } from '../extinguishers/Registry.js';
import { UnitForm } from '../extinguishers/UnitForm.js';
import type { RegistryFilter } from '../extinguishers/unit-status.js';
import { HazardDetail } from '../hazards/HazardDetail.js';
import { HazardList, type HazardFilter } from '../hazards/HazardList.js';
import { ReportHazard } from '../hazards/ReportHazard.js';
import { Dashboard } from './Dashboard.js';
import '../../styles/warden.css';

type Tab = 'dashboard' | 'units' | 'check' | 'hazards';

type View =
  | { name: 'dashboard' }
  | { name: 'registry'; filter: RegistryFilter; flash: string | null }
  | { name: 'unit-form'; unit: ExtinguisherUnit | null }
  | { name: 'labels'; tags: string[] }
  | { name: 'finder'; autoScan: boolean }
  | { name: 'check'; tag: string }
  | { name: 'check-done'; result: CheckResult }
  | { name: 'hazards'; filter: HazardFilter; flash: string | null }
  | { name: 'hazard'; id: number }
  | { name: 'hazard-report' };

const tabOf: Record<View['name'], Tab> = {
  dashboard: 'dashboard',
  registry: 'units',
  'unit-form': 'units',
  labels: 'units',
  finder: 'check',
  check: 'check',
  'check-done': 'check',
  hazards: 'hazards',
  hazard: 'hazards',
  'hazard-report': 'hazards',
};

const tabs: Tab[] = ['dashboard', 'units', 'check', 'hazards'];

export default function WardenApp({ device: _device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: 'dashboard' });
  const [memory, setMemory] = useState<RoundMemory>({ inspector: '', signature: '', signedBy: '' });
  const [registryFilter, setRegistryFilter] = useState<RegistryFilter>('all');

  const go = useCallback((next: View) => {
    setView(next);
    window.scrollTo({ top: 0 });
  }, []);

  const openTab = (tab: Tab) => {
    if (tab === 'dashboard') go({ name: 'dashboard' });
    else if (tab === 'units') go({ name: 'registry', filter: registryFilter, flash: null });
    else if (tab === 'check') go({ name: 'finder', autoScan: false });
    else go({ name: 'hazards', filter: 'open', flash: null });
  };
  const toRegistry = (filter: RegistryFilter, flash: string | null = null) => {
    setRegistryFilter(filter);
    go({ name: 'registry', filter, flash });
  };

  const current = tabOf[view.name];
  return (
    <>
      <nav className="warden-nav no-print" aria-label={t('warden.nav.label')}>
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            className="nav-tab"
            aria-current={current === tab ? 'page' : undefined}
            onClick={() => openTab(tab)}
          >
            {t(`warden.nav.${tab}`)}
          </button>
        ))}
      </nav>
      <main className="warden" aria-label={t('roles.warden')}>
        {view.name === 'dashboard' && (
          <Dashboard
            onUnits={(filter) => toRegistry(filter)}
            onHazards={() => go({ name: 'hazards', filter: 'open', flash: null })}
            onCheck={() => go({ name: 'finder', autoScan: false })}
          />
        )}
        {view.name === 'registry' && (
          <Registry
            filter={view.filter}
            flash={view.flash}
            onFilter={(filter) => toRegistry(filter)}
            onAdd={() => go({ name: 'unit-form', unit: null })}
            onEdit={(unit) => go({ name: 'unit-form', unit })}
            onCheck={(tag) => go({ name: 'check', tag })}
            onLabels={(tags) => go({ name: 'labels', tags })}
          />
        )}
        {view.name === 'unit-form' && (
          <UnitForm
            unit={view.unit}
            onSaved={(unit) => toRegistry(registryFilter, t('warden.registry.saved', { tag: unit.tag }))}
            onRetired={(tag) => toRegistry(registryFilter, t('warden.registry.retired', { tag }))}
            onCancel={() => toRegistry(registryFilter)}
          />
        )}
        {view.name === 'labels' && <Labels tags={view.tags} onBack={() => toRegistry(registryFilter)} />}
        {view.name === 'finder' && <CheckFinder autoScan={view.autoScan} onOpen={(tag) => go({ name: 'check', tag })} />}
        {view.name === 'check' && (
          <CheckScreen
            tag={view.tag}
            memory={memory}
            onCancel={() => go({ name: 'finder', autoScan: false })}
            onDone={(result, next) => {
              setMemory(next);
              go({ name: 'check-done', result });
            }}
          />
        )}
        {view.name === 'check-done' && (
          <CheckDone
            result={view.result}
            onScan={(tag) => go({ name: 'check', tag: tag.trim() })}
            onNext={() => go({ name: 'finder', autoScan: false })}
            onHazard={(id) => go({ name: 'hazard', id })}
            onRegistry={() => toRegistry(registryFilter)}
          />
        )}
        {view.name === 'hazards' && (
          <HazardList
            filter={view.filter}
            flash={view.flash}
            onFilter={(filter) => go({ name: 'hazards', filter, flash: null })}
            onOpen={(id) => go({ name: 'hazard', id })}
            onReport={() => go({ name: 'hazard-report' })}
          />
        )}
        {view.name === 'hazard' && <HazardDetail key={view.id} hazardId={view.id} onBack={() => go({ name: 'hazards', filter: 'open', flash: null })} />}
        {view.name === 'hazard-report' && (
          <ReportHazard onReported={(hazard) => go({ name: 'hazard', id: hazard.id })} onCancel={() => go({ name: 'hazards', filter: 'open', flash: null })} />
        )}
      </main>
    </>
  );
}
