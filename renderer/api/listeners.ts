/** A small registry of event listeners, shared by both transports. */
import type { ClientEventMap, ClientEventName, ClientListener } from './client.js';

export class ListenerRegistry {
  private readonly byEvent = new Map<ClientEventName, Set<(payload: unknown) => void>>();

  add<E extends ClientEventName>(event: E, listener: ClientListener<E>): () => void {
    const set = this.byEvent.get(event) ?? new Set();
    this.byEvent.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
      if (set.size === 0) this.byEvent.delete(event);
    };
  }

  emit<E extends ClientEventName>(event: E, payload: ClientEventMap[E]): void {
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        // One broken screen component must not keep the event from the others.
        console.error(err);
      }
    }
  }

  get size(): number {
    let total = 0;
    for (const set of this.byEvent.values()) total += set.size;
    return total;
  }
}
