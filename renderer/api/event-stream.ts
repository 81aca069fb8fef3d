/**
 * Keeps one event stream open to the hub: reconnects with back-off after any failure, and treats a
 * stream that has gone quiet for longer than the hub's heartbeat allows as dead.
 */
import { SseParser, type SseMessage } from './sse-parser.js';

export interface EventStreamOptions {
  url: string;
  headers(): Record<string, string>;
  onMessage(message: SseMessage): void;
  onStateChange(up: boolean): void;
  onUnauthorized(): void;
  fetch?: typeof fetch;
}

/** The hub sends a comment every 15 s; three missed beats means the link is gone. */
const silenceLimitMs = 45_000;
const firstRetryMs = 1_000;
const longestRetryMs = 15_000;

export function retryDelay(attempt: number): number {
  const base = Math.min(longestRetryMs, firstRetryMs * 2 ** attempt);
  // Jitter keeps a room full of screens from reconnecting in lockstep after the hub restarts.
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openEventStream(options: EventStreamOptions): () => void {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  let closed = false;
  let current: AbortController | null = null;
  let wake: (() => void) | null = null;
  let up = false;

  const setUp = (next: boolean) => {
    if (next === up) return;
    up = next;
    options.onStateChange(next);
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function readOnce(): Promise<'read' | 'unauthorized' | 'failed'> {
    const controller = new AbortController();
    current = controller;
    let silence = setTimeout(() => controller.abort(), silenceLimitMs);
    try {
      const res = await doFetch(options.url, {
        headers: { ...options.headers(), Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (res.status === 401) return 'unauthorized';
      if (!res.ok || !res.body) return 'failed';
      setUp(true);
      const parser = new SseParser();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'read';
        clearTimeout(silence);
        silence = setTimeout(() => controller.abort(), silenceLimitMs);
        for (const message of parser.push(value)) options.onMessage(message);
      }
    } catch {
      return up ? 'read' : 'failed';
    } finally {
      clearTimeout(silence);
      current = null;
    }
  }

  async function run() {
    let attempt = 0;
    while (!closed) {
      const outcome = await readOnce();
      setUp(false);
      if (closed) break;
      if (outcome === 'unauthorized') options.onUnauthorized();
      // A stream that was read from worked: start the back-off again from the shortest wait.
      attempt = outcome === 'read' ? 0 : attempt + 1;
      await pause(outcome === 'unauthorized' ? longestRetryMs : retryDelay(attempt));
    }
  }

  void run();
  return () => {
    closed = true;
    current?.abort();
    wake?.();
    setUp(false);
  };
}
