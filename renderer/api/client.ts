/**
 * The one way screens talk to the hub. Two transports implement it: HTTP in a browser, IPC in the
 * Electron shell. Only types come from the contract, so zod stays out of the renderer's bundle.
 */
import type { ErrorCode } from '../../shared/contract/errors.js';
import type { EventName, EventPayload } from '../../shared/contract/events.js';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods.js';

/** Whether this screen currently has a live event stream from the hub. */
export type ConnectionState = 'up' | 'down';

export type ClientEventMap = { [E in EventName]: EventPayload<E> } & { connection: ConnectionState };
export type ClientEventName = keyof ClientEventMap;
export type ClientListener<E extends ClientEventName> = (payload: ClientEventMap[E]) => void;

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Listens to a hub event (or the `connection` pseudo-event); returns the unsubscribe function. */
  on<E extends ClientEventName>(event: E, listener: ClientListener<E>): () => void;
}

export type ClientErrorCode = ErrorCode | 'network';
export type ErrorParams = Record<string, string | number>;

/** A refused or failed call. `status` is 0 when the hub could not be reached at all. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message || code);
    this.name = 'ApiCallError';
  }
}

export const networkError = () => new ApiCallError(0, 'network', 'network');

/** Any thrown value as an ApiCallError, so screens handle one shape only. */
export function asApiCallError(err: unknown): ApiCallError {
  if (err instanceof ApiCallError) return err;
  return new ApiCallError(0, 'internal', err instanceof Error ? err.message : String(err));
}
