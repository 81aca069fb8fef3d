/** 中文 / English, on every screen. Each name is written in its own language so anyone finds theirs. */
import { useTranslation } from 'react-i18next';
import { languages } from '../../shared/i18n/index.js';
import { chooseLanguage } from '../i18n.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-option"
          aria-pressed={i18n.language === language}
          onClick={() => void chooseLanguage(i18n, language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
