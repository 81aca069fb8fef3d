/**
 * The frame of every screen: a banner with the site's name and the language switch, then the screen.
 * On the warden's tablet and the admin the banner also starts an evacuation and opens the drill
 * history, and a drill that is overdue is said under it.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffEmergencyControls } from '../features/emergency/StaffEmergencyControls.js';
import { useDevice } from './device-context.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppFrame({ subtitle, children }: { subtitle?: string; children: ReactNode }) {
  const role = useDevice()?.role;
  return role === 'warden' || role === 'admin' ? <StaffFrame subtitle={subtitle}>{children}</StaffFrame> : <Frame subtitle={subtitle}>{children}</Frame>;
}

function Frame({ subtitle, actions, notice, children }: { subtitle?: string; actions?: ReactNode; notice?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app-frame">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-subtitle">{subtitle ?? t('app.tagline')}</span>
        </div>
        <div className="topbar-end">
          {actions}
          <LanguageSwitch />
        </div>
      </header>
      {notice}
      {children}
    </div>
  );
}

function StaffFrame({ subtitle, children }: { subtitle?: string; children: ReactNode }) {
  const controls = useStaffEmergencyControls();
  return (
    <>
      <Frame subtitle={subtitle} actions={controls.buttons} notice={controls.notice}>
        {children}
      </Frame>
      {controls.dialog}
    </>
  );
}
