/** Time is an input: services read it from here so tests can run at fixed instants. Runs in: the hub. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const toInstant = (ms: number): string => new Date(ms).toISOString();
