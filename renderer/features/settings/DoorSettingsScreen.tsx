/**
 * The door's settings on the admin desk: the training gate and daily close, the self-check list
 * (versioned) and the visitors' safety briefing (versioned, per language). Each part saves on its
 * own, with the supervisor's unlocked desk as the authority.
 */
import { useFocusHeading } from '../../components/useFocusHeading.js';
import { useSupervisorWords } from '../dashboard/words.js';
import { BriefingEditor } from './BriefingEditor.js';
import { ChecklistEditor } from './ChecklistEditor.js';
import { DoorRulesPanel } from './DoorRulesPanel.js';
import '../../styles/supervisor.css';

export function DoorSettingsScreen() {
  const { t } = useSupervisorWords();
  const heading = useFocusHeading();
  return (
    <section className="screen" aria-labelledby="door-title">
      <header className="screen-head">
        <h1 id="door-title" className="screen-title" ref={heading} tabIndex={-1}>
          {t('door.title')}
        </h1>
        <p className="screen-sub">{t('door.intro')}</p>
      </header>
      <DoorRulesPanel />
      <ChecklistEditor />
      <BriefingEditor />
    </section>
  );
}
