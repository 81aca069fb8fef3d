/**
 * Copies text for the admin: the Clipboard API where the page may use it (HTTPS or localhost), else
 * the selected text of the field it shows in (a plain-HTTP page on the LAN has no Clipboard API).
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the selection below.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    // Deprecated, but the only way left on an insecure origin; the text stays selected either way.
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
