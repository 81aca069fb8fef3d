import type { ApiCallError } from '../../api/client.js';

/** What became of a sign-in attempt: done (the confirmation shows), ignored (one was already running), or refused. */
export type ToggleOutcome = 'done' | 'ignored' | ApiCallError;
