import type { Visitor } from '@cascade/shared';

/** The visitor's name or email when known; otherwise null and the caller shows a short id. */
export function knownVisitorName(visitor: Pick<Visitor, 'name' | 'email'>): string | null {
  return visitor.name?.trim() || visitor.email || null;
}

/**
 * A short, stable tag for an anonymous visitor, e.g. "4F2A". The catalogue adds any "#":
 * in a right-to-left label a "#" before Latin letters would show on the wrong side.
 */
export function shortVisitorTag(visitorId: string): string {
  return visitorId.slice(-4).toUpperCase();
}
