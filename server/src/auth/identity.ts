import { jwtVerify } from 'jose';
import { ATTRIBUTES_MAX, AttributeKey, ATTRIBUTE_VALUE_MAX, type VisitorAttributes } from '@cascade/shared';
import { z } from 'zod';

const MAX_LIFETIME_SECONDS = 24 * 3600;
const CLOCK_SKEW_SECONDS = 60;

const Claims = z.looseObject({
  sub: z.string().min(1).max(128),
  name: z.string().max(100).optional(),
  email: z.email().max(254).optional(),
  exp: z.number(),
  iat: z.number().optional(),
});
export type IdentityClaims = z.infer<typeof Claims>;

/** Claims with a meaning of their own: never attributes. */
const REGISTERED = new Set(['sub', 'name', 'email', 'exp', 'iat', 'nbf', 'iss', 'aud', 'jti']);

/**
 * The token's other claims (a plan, an account id) as visitor attributes: only plain values
 * under a valid name, a value too long skipped rather than cut, at most the bound.
 */
export function claimAttributes(claims: IdentityClaims): VisitorAttributes {
  const out: VisitorAttributes = {};
  for (const [key, raw] of Object.entries(claims)) {
    if (Object.keys(out).length >= ATTRIBUTES_MAX) break;
    if (REGISTERED.has(key) || !AttributeKey.safeParse(key).success) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') continue;
    const value = String(raw);
    if (value !== '' && value.length <= ATTRIBUTE_VALUE_MAX) out[key] = value;
  }
  return out;
}

/**
 * Verifies the identity token a site's backend signed (HS256 with the site's identity
 * secret). `exp` is required and at most 24 h ahead; a little clock skew is tolerated.
 * Returns null for anything else.
 */
export async function verifyIdentity(token: string, secret: string): Promise<IdentityClaims | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'sub'],
    });
    const claims = Claims.safeParse(payload);
    if (!claims.success) return null;
    if (claims.data.exp - Date.now() / 1000 > MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) return null;
    return claims.data;
  } catch {
    return null;
  }
}
