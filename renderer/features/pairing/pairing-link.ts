/**
 * The one-time link `safefloor device pair` prints: `<hub>/pair#<code>`. The code rides in the
 * fragment, which browsers never send to a server; it is taken out of the address bar at once so it
 * stays out of the history and a reload cannot try to redeem it twice.
 */
export const pairingPath = '/pair';

/** The pairing code when this page was opened from a pairing link (maybe empty), else null. */
export function takePairingCode(location: Location, history: History): string | null {
  if (location.pathname.replace(/\/+$/, '') !== pairingPath) return null;
  let code = location.hash.replace(/^#/, '');
  try {
    code = decodeURIComponent(code).trim();
  } catch {
    code = '';
  }
  history.replaceState(null, '', '/');
  return code;
}
