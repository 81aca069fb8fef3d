/** The hub's push events: every subscriber (HTTP stream, Electron shell) gets every event. Runs in: the hub. */
import type { EventName, EventPayload } from '../../shared/contract/index.js';

export interface HubEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}

export type Listener = (event: HubEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as HubEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not keep the event from the others.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
