/** The frame of every screen: a banner with the site's name and the language switch, then the screen. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppFrame({ subtitle, children }: { subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app-frame">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-subtitle">{subtitle ?? t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
      </header>
      {children}
    </div>
  );
}
