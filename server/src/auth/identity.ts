import { jwtVerify } from 'jose';
import { z } from 'zod';

const MAX_LIFETIME_SECONDS = 24 * 3600;
const CLOCK_SKEW_SECONDS = 60;

const Claims = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().max(100).optional(),
  email: z.email().max(254).optional(),
  exp: z.number(),
  iat: z.number().optional(),
});
export type IdentityClaims = z.infer<typeof Claims>;

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
