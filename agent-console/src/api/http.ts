import type { ErrorCode } from '@cascade/shared';
import { announceSetupRequired } from './second-factor.ts';

/** A REST call that failed; `code` is one of the server's error codes, or `network`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Calls the REST API on the console's own origin (the session cookie rides along).
 * State-changing calls carry the CSRF token the server handed out with `Me`.
 */
export async function requestJson<T>(
  method: Method,
  path: string,
  options: { body?: unknown; csrf?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['content-type'] = 'application/json';
  if (options.csrf) headers['x-cascade-csrf'] = options.csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(options.body ?? {}),
    });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = toApiError(response, payload);
    if (error.code === 'second_factor_setup_required') announceSetupRequired();
    throw error;
  }
  return payload as T;
}

function toApiError(response: Response, payload: unknown): ApiError {
  const error = typeof payload === 'object' && payload !== null ? (payload as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(response.status, code as ErrorCode, message);
    }
  }
  return new ApiError(response.status, response.status === 401 ? 'unauthorized' : 'internal', response.statusText);
}
