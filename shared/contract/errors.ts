/**
 * Error codes the hub can answer with. The code is stable and machine-readable; the message is
 * translated (i18n key `errors.<code>`), so clients may show either.
 */
export const errorStatus = {
  bad_request: 400,
  invalid_input: 400,
  payload_too_large: 413,
  method_not_allowed: 405,
  unauthorized: 401,
  forbidden: 403,
  unknown_method: 404,
  not_found: 404,
  // Refusals of a well-formed request: the request was understood and the answer is no.
  unknown_badge: 422,
  unknown_person: 422,
  person_inactive: 422,
  pin_not_set: 422,
  wrong_pin: 422,
  pin_locked: 423,
  already_signed_in: 409,
  not_signed_in: 409,
  pairing_invalid: 410,
  pin_not_authorised: 403,
  unknown_visitor: 422,
  emergency_active: 409,
  emergency_not_active: 409,
  unknown_extinguisher: 422,
  check_incomplete: 422,
  unknown_hazard: 422,
  hazard_wrong_state: 409,
  verifier_must_differ: 409,
  export_running: 409,
  // People at the door: roster, people admin, visitors, training gate, self-check.
  supervisor_pin_required: 403,
  admin_session_expired: 410,
  training_missing: 422,
  training_expired: 422,
  employee_no_taken: 409,
  badge_taken: 409,
  invalid_training_dates: 422,
  briefing_outdated: 409,
  self_check_ticket_invalid: 410,
  unknown_checklist_version: 422,
  unknown_checklist_item: 422,
  duplicate_checklist_item: 422,
  unknown_check: 422,
  already_resolved: 409,
  roster_file_empty: 422,
  roster_file_malformed: 422,
  roster_missing_columns: 422,
  roster_duplicate_column: 422,
  roster_busy: 409,
  roster_cancelled: 409,
  // Devices and the hub's own limits.
  unknown_device: 422,
  cannot_revoke_self: 409,
  too_deep: 400,
  // The hub's own fault; never used for anything a client sent.
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; params?: Record<string, string | number> };
}

/** Thrown by services for a refusal; the dispatcher turns it into an error response. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'ApiError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorStatus, value);
}
