/**
 * What an export folder's name says: `safefloor-export-<from|start>_<to|now>-<UTC stamp>` (see
 * electron/hub/services/exports.ts). The list shows the period and when it was made from it.
 */
export interface ExportName {
  name: string;
  from: string | null;
  to: string | null;
  /** When it was made (ISO), or null for a name in another shape. */
  madeAt: string | null;
}

const pattern = /^safefloor-export-(start|\d{4}-\d{2}-\d{2})_(now|\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

export function parseExportName(name: string): ExportName {
  const m = pattern.exec(name);
  if (!m) return { name, from: null, to: null, madeAt: null };
  return {
    name,
    from: m[1] === 'start' ? null : m[1]!,
    to: m[2] === 'now' ? null : m[2]!,
    madeAt: `${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`,
  };
}
