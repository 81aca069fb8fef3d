/**
 * The site's time zone. Every site starts on Asia/Shanghai (shared/domain/site-settings.ts); the hub
 * has no method yet that tells a screen a different one, and a kiosk's own clock may be set wrong.
 */
export const siteTimeZone = 'Asia/Shanghai';
