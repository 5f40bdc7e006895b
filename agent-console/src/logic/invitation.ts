import { InvitationCode } from '@cascade/shared';

const candidate = /[A-Za-z0-9_-]{32,64}/g;

/** The invitation code in what was pasted: the code itself, or the link that carries it. */
export function invitationCode(text: string): string | null {
  const found = text.trim().match(candidate);
  const last = found?.at(-1);
  return last && InvitationCode.safeParse(last).success ? last : null;
}

/** The code of an invitation link the console was opened with (`#join/<code>`), if any. */
export function codeFromHash(hash: string): string | null {
  const m = /^#\/?join\/([A-Za-z0-9_-]{32,64})$/.exec(hash);
  return m?.[1] ?? null;
}
