/**
 * The one place every call passes: method known, caller authenticated, role allowed, input valid,
 * then the service. Every door (HTTP, Electron IPC via the shell, tests) goes through here.
 * Runs in: the hub.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  ApiError,
  contract,
  errorStatus,
  isMethodName,
  roleMayCall,
  type ApiErrorBody,
  type Contract,
  type ErrorCode,
  type MethodName,
  type MethodOutput,
} from '../../shared/contract/index.js';
import { formatError } from '../../shared/i18n/format-error.js';
import type { Language } from '../../shared/i18n/index.js';
import type { Caller } from './context.js';
import { DatabaseFileError } from './db/errors.js';
import type { DeviceRow } from './db/stores/devices.js';
import type { Logger } from './log.js';
import { parseInput } from './validation.js';

/** One handler per contract method, typed by its schemas: a handler that drifts fails the type check. */
export type Handlers = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>, caller: Caller) => Promise<MethodOutput<M>>;
};

export interface CallRequest {
  method: string;
  input: unknown;
  /** The bearer token, or null when none was sent. */
  token: string | null;
  /**
   * A caller already known by the channel it came on (the Electron shell talking to its own hub
   * process); only trusted in-process doors set this, never a network door.
   */
  device?: DeviceRow;
  language: Language;
}

export type CallResult = { status: 200; body: unknown } | { status: number; body: ApiErrorBody };

export interface DispatcherDeps {
  handlers: Handlers;
  authenticate(token: string): Promise<DeviceRow | null>;
  t: TFunction;
  timeZone(): Promise<string>;
  log: Logger;
  /** Check each answer against the contract too (on in tests, so drift fails loudly). */
  validateOutput?: boolean;
}

export function createDispatcher(deps: DispatcherDeps) {
  async function fail(code: ErrorCode, language: Language, params: Record<string, string | number> = {}): Promise<CallResult> {
    const message = formatError(deps.t, language, code, params, await deps.timeZone().catch(() => undefined));
    return { status: errorStatus[code], body: { error: { code, message, ...(Object.keys(params).length ? { params } : {}) } } };
  }

  return async function dispatch(request: CallRequest): Promise<CallResult> {
    const { method, language } = request;
    try {
      const spec = isMethodName(method) ? contract[method] : null;
      let device: DeviceRow | null = null;
      if (spec?.roles !== 'public') {
        device = request.device ?? (request.token ? await deps.authenticate(request.token) : null);
        if (!device) return fail('unauthorized', language);
      }
      if (!spec || !isMethodName(method)) return fail('unknown_method', language, { method: method.slice(0, 80) });
      if (device && !roleMayCall(device.role, method)) return fail('forbidden', language, { role: device.role });
      const parsed = parseInput(spec.input, request.input ?? {}, language);
      if (!parsed.ok) return fail('invalid_input', language, { detail: parsed.detail });
      const handler = deps.handlers[method] as (input: unknown, caller: Caller) => Promise<unknown>;
      const output = await handler(parsed.data, { device, language });
      if (deps.validateOutput) spec.output.parse(output);
      return { status: 200, body: output };
    } catch (err) {
      if (err instanceof ApiError) return fail(err.code, language, err.params);
      if (err instanceof DatabaseFileError) {
        // Full disk, read-only folder, or a file gone bad: nothing was saved, and the message says why
        // (i18next picks errors.unavailable_storage / errors.unavailable_damaged by this context).
        deps.log.error('call refused by the database file', { method, reason: err.reason });
        return fail('unavailable', language, { context: err.reason === 'damaged' ? 'damaged' : 'storage' });
      }
      deps.log.error('call failed', { method, error: (err as Error)?.name, detail: (err as Error)?.message });
      return fail('internal', language);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
