import type { LoginBody, Me, PasswordChange } from '@cascade/shared';
import { ApiError, requestJson } from './http.ts';

export function login(body: LoginBody): Promise<Me> {
  return requestJson<Me>('POST', '/api/auth/login', { body });
}

/** The signed-in agent, or null when there is no valid session. */
export async function currentAgent(): Promise<Me | null> {
  try {
    return await requestJson<Me>('GET', '/api/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function logout(csrf: string, everywhere = false): Promise<void> {
  return requestJson<void>('POST', everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout', { csrf });
}

/** Changes the signed-in agent's password; their other sessions end, this one stays. */
export function changePassword(body: PasswordChange, csrf: string): Promise<void> {
  return requestJson<void>('POST', '/api/auth/password', { body, csrf });
}
