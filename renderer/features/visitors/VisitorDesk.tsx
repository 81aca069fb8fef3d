/**
 * The visitors' corner of the kiosk (访客): arriving (sign in with the safety briefing) or leaving
 * (sign out). Everything a visitor types or picks lives below this component and goes when the
 * kiosk returns home.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DoorActions, DoorStep } from './DoorStep.js';
import { VisitorSignIn } from './VisitorSignIn.js';
import { VisitorSignOut } from './VisitorSignOut.js';

type DeskView = 'choose' | 'signIn' | 'signOut';

export function VisitorDesk({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<DeskView>('choose');
  if (view === 'signIn') return <VisitorSignIn onDone={onDone} />;
  if (view === 'signOut') return <VisitorSignOut onDone={onDone} />;
  return (
    <DoorStep id="visitor-desk" focusHeading title={t('door.visitor.desk.title')} hint={t('door.visitor.desk.hint')}>
      <div className="door-choices">
        <button type="button" className="door-choice door-choice-in" onClick={() => setView('signIn')}>
          <span className="door-choice-title">{t('door.visitor.desk.signIn')}</span>
          <span className="door-choice-text">{t('door.visitor.desk.signInText')}</span>
        </button>
        <button type="button" className="door-choice door-choice-out" onClick={() => setView('signOut')}>
          <span className="door-choice-title">{t('door.visitor.desk.signOut')}</span>
          <span className="door-choice-text">{t('door.visitor.desk.signOutText')}</span>
        </button>
      </div>
      <DoorActions onCancel={onDone} />
    </DoorStep>
  );
}
