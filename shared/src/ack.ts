import { z } from 'zod';

export const ErrorCode = z.enum([
  'invalid_payload',
  'unauthorized',
  /** The password was right; the account also needs its authenticator app's code. */
  'second_factor_required',
  /**
   * A site of the account requires two-step sign-in and it is not on yet: until it is, the
   * account may only turn it on (and read itself, log out).
   */
  'second_factor_setup_required',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'rate_limited',
  'origin_not_allowed',
  'unknown_site',
  'identity_invalid',
  'no_conversation',
  'unavailable',
  'internal',
  /** Attachments: larger than the site allows. */
  'file_too_large',
  /** Attachments: the bytes are not a kind of file the site accepts, whatever the name says. */
  'file_type_not_allowed',
  /** Attachments: the file could not be read safely (a broken or oversized image) or a scan refused it. */
  'file_rejected',
  /** A file link past its expiry: ask for a new one (`file:link`). */
  'link_expired',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({ code: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Every socket request is answered with this envelope; REST errors use `{ error }` with a 4xx/5xx. */
export type Ok<T extends object = object> = { ok: true } & T;
export type Fail = { ok: false; error: ErrorBody };
export type Ack<T extends object = object> = Ok<T> | Fail;
export type AckFn<T extends object = object> = (response: Ack<T>) => void;

export const ok = <T extends object>(data: T): Ok<T> => ({ ok: true, ...data });
export const fail = (code: ErrorCode, message: string): Fail => ({ ok: false, error: { code, message } });

/** An error that carries a code the client can act on; anything else is reported as `internal`. */
export class CascadeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CascadeError';
  }
}

/** HTTP status for each error code, so REST and sockets speak the same codes. */
export const httpStatus: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  identity_invalid: 401,
  second_factor_required: 401,
  forbidden: 403,
  second_factor_setup_required: 403,
  origin_not_allowed: 403,
  not_found: 404,
  unknown_site: 404,
  no_conversation: 404,
  conflict: 409,
  invalid_state: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  file_too_large: 413,
  file_type_not_allowed: 415,
  file_rejected: 422,
  link_expired: 410,
};
