/**
 * Every error Konbit reports to a caller has a stable code, an HTTP status and
 * a message that tells the user what to do. One handler (app.ts) renders them
 * as `{ error: { code, message, details } }`.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BODY_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OVER_PLEDGE: 409,
  OVER_REPATRIATION: 409,
  OVER_DISBURSEMENT: 409,
  ROADS_EMPTY: 422,
  ROADS_MALFORMED: 422,
  ROADS_UNSUPPORTED_FORMAT: 415,
  ROADS_UNREADABLE: 400,
  OFF_NETWORK: 422,
  INVALID_POLYGON: 422,
  INVALID_GEOMETRY: 422,
  VETTING_BLOCKED: 409,
  NEWS_UNREADABLE: 422,
  NEWS_UNDATED: 422,
  NEWS_ADDRESS_REFUSED: 422,
  NEWS_TOO_LARGE: 413,
  NEWS_FETCH_FAILED: 502,
  LOGIN_THROTTLED: 429,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = details;
  }
}

/** "Not found or no access": the same answer for both, so a refusal reveals nothing. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}
