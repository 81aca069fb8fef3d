/**
 * The hub's event names, checked against the contract by the compiler. The contract's own list is
 * built from zod schemas; importing it would put zod into the renderer's bundle.
 */
import type { EventName } from '../../shared/contract/events.js';

const known: Record<EventName, true> = {
  'presence.changed': true,
  'appearance.changed': true,
  'emergency.started': true,
  'emergency.ended': true,
  'rollcall.changed': true,
  'export.progress': true,
  'export.finished': true,
};

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(known, name);
}
