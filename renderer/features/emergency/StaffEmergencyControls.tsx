/**
 * In the top bar of the warden's and the admin's screens: start an evacuation or drill, and the
 * drill history; under it, the warning when a drill is overdue.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrillHistoryDialog, DrillOverdueNotice } from './DrillHistory.js';
import { StartEmergencyDialog } from './StartEmergencyDialog.js';

type Open = 'start' | 'history' | null;

export function useStaffEmergencyControls() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const buttons = (
    <div className="staff-emergency">
      <button type="button" className="button button-secondary topbar-button" onClick={() => setOpen('history')}>
        {t('emergency.history.button')}
      </button>
      <button type="button" className="button emg-button-danger topbar-button" onClick={() => setOpen('start')}>
        {t('emergency.start.button')}
      </button>
    </div>
  );
  const notice = <DrillOverdueNotice onOpen={() => setOpen('history')} />;
  const dialog = open === 'start' ? <StartEmergencyDialog onClose={close} /> : open === 'history' ? <DrillHistoryDialog onClose={close} /> : null;
  return { buttons, notice, dialog, open: open !== null };
}
