/**
 * Downloads an export as a zip. The hub serves it at /api/v1/exports/<name>.zip to an admin device's
 * bearer token (see electron/hub/http/export-zip.ts). The token is sent in the Authorization header,
 * as every call sends it, never in the address (it would end up in the history and in logs); the
 * answer becomes a local object URL that the browser saves under the export's name.
 */
import { isErrorCode } from '../../../shared/contract/errors.js';
import { ApiCallError, networkError } from '../../api/client.js';
import { deviceStorage } from '../../app/device-storage.js';

export const zipPath = (name: string) => `/api/v1/exports/${encodeURIComponent(name)}.zip`;

export async function downloadExportZip(name: string, language: string): Promise<void> {
  const token = deviceStorage.token();
  let res: Response;
  try {
    res = await fetch(new URL(zipPath(name), window.location.href).href, {
      headers: { 'Accept-Language': language, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      cache: 'no-store',
    });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const code = isErrorCode(body?.error?.code) ? body.error.code : res.status >= 500 ? 'unavailable' : 'internal';
    throw new ApiCallError(res.status, code, body?.error?.message ?? code);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.zip`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
