/**
 * The restart policy for whatever the shell keeps alive (the hub process, a crashed renderer):
 * wait 1 s, 2 s, 4 s … up to 30 s between tries, and start again from 1 s once a run has stayed up
 * for a minute. Pure: no timers, the clock is passed in. Runs in: the main process.
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** A run that lasted this long counts as healthy: the next failure waits `initialMs` again. */
  stableMs: number;
}

export const defaultBackoff: BackoffPolicy = { initialMs: 1_000, maxMs: 30_000, factor: 2, stableMs: 60_000 };

/** The wait before try number `attempt` (0-based) under `policy`. */
export const backoffDelay = (attempt: number, policy: BackoffPolicy = defaultBackoff): number =>
  Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt));

export class Backoff {
  private attempt = 0;
  private startedAt: number | null = null;

  constructor(
    private readonly policy: BackoffPolicy = defaultBackoff,
    private readonly now: () => number = Date.now,
  ) {}

  /** The thing came up (the hub said ready, the page finished loading). */
  started(): void {
    this.startedAt = this.now();
  }

  /** The thing went down: how long to wait before the next try. */
  failed(): number {
    if (this.startedAt !== null && this.now() - this.startedAt >= this.policy.stableMs) this.attempt = 0;
    this.startedAt = null;
    return backoffDelay(this.attempt++, this.policy);
  }
}
