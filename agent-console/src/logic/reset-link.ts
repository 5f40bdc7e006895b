import { LinkToken } from '@cascade/shared';

/** The token of the reset link the console was opened with (`#reset/<token>`), if any. */
export function resetTokenFromHash(hash: string): string | null {
  const token = /^#\/?reset\/([^/?&#]+)$/.exec(hash)?.[1];
  return token && LinkToken.safeParse(token).success ? token : null;
}

/**
 * What a code typed at login is: the six digits of the app (spaces people copy along are
 * dropped), or a recovery code as written; null when it can be neither.
 */
export function loginCode(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  if (/^\d{6}$/.test(digits)) return digits;
  const recovery = typed.trim().toLowerCase();
  return /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/.test(recovery) ? recovery : null;
}

/** The six digits of a first code to turn two-step sign-in on, or null. */
export function appCode(typed: string): string | null {
  const digits = typed.replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
