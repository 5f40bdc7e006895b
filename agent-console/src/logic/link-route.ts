/** A one-time link the console can be opened with before anyone is signed in. */
export type LinkRoute = { kind: 'setup' | 'invite' | 'join'; token: string };

const link = /^#\/?(setup|invite|join)\/([A-Za-z0-9_-]{32,64})$/;

/** `#setup/<token>` (the first run), `#invite/<code>` (a new person) or `#join/<code>` (an existing account). */
export function linkFromHash(hash: string): LinkRoute | null {
  const m = link.exec(hash);
  if (!m?.[1] || !m[2]) return null;
  return { kind: m[1] as LinkRoute['kind'], token: m[2] };
}
