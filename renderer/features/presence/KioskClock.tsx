/** The time and date at the door, in the site's time zone. */
import { useTranslation } from 'react-i18next';
import { formatLongDate, formatTime } from '../../app/format.js';
import { useNow } from '../../app/useNow.js';

export function KioskClock() {
  const { i18n } = useTranslation();
  const now = useNow();
  const instant = new Date(now);
  return (
    <div className="kiosk-clock">
      <time className="kiosk-time" dateTime={instant.toISOString()}>
        {formatTime(now, i18n.language)}
      </time>
      <p className="kiosk-date">{formatLongDate(now, i18n.language)}</p>
    </div>
  );
}
