/**
 * Saves a PDF the hub made (report.emergency, report.rollCall) as a download: the browser or the
 * system viewer prints it. A blob: frame or window would need a looser CSP than the app has.
 */
import type { PdfFile } from '../../../shared/contract/report.js';

export function savePdf(file: PdfFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
