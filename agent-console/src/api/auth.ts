import type { Locale, LoginBody, Me, PasswordChange, PasswordReset, ProfileUpdate } from '@cascade/shared';
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

export async function logout(csrf: string, everywhere = false): Promise<void> {
  await requestJson('POST', everywhere ? '/api/auth/logout-everywhere' : '/api/auth/logout', { csrf });
}

/** Changes the signed-in agent's password; their other sessions end, this one stays. */
export async function changePassword(body: PasswordChange, csrf: string): Promise<void> {
  await requestJson('POST', '/api/auth/password', { body, csrf });
}

/** Asks for a reset link by email; the server answers the same whether the email has an account or not. */
export async function forgotPassword(email: string): Promise<void> {
  await requestJson('POST', '/api/auth/forgot', { body: { email } });
}

/** Sets a new password from a reset link; every session of the account ends. */
export async function resetPassword(body: PasswordReset): Promise<void> {
  await requestJson('POST', '/api/auth/reset', { body });
}

/** The languages the signed-in agent answers chats in, on every site of theirs. */
export async function setMyLanguages(languages: Locale[], csrf: string): Promise<Me> {
  const body: ProfileUpdate = { languages };
  return requestJson<Me>('PATCH', '/api/auth/me', { body, csrf });
}
