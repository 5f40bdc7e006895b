/**
 * Redis keys of the integrations (API tokens, TOTP), beside the store's own (redis/keys.ts),
 * with the same prefix and the same per-site hash tag.
 */
export function integrationKeys(prefix: string) {
  const site = (s: string) => `${prefix}:{s:${s}}`;
  return {
    /** An API token's record, named by the SHA-256 of its secret (the secret itself is never stored). */
    apiToken: (secretHash: string) => `${prefix}:apitoken:${secretHash}`,
    /** The site's tokens: token id -> secret hash. */
    siteTokens: (s: string) => `${site(s)}:apitokens`,
    /** The agent's TOTP secret, whether it is on, and the hashes of the unused recovery codes. */
    totp: (agentId: string) => `${prefix}:agent:${agentId}:totp`,
    /** Marks a time step as used by the agent, so one code cannot log in twice. */
    totpUsed: (agentId: string, step: number) => `${prefix}:agent:${agentId}:totpstep:${step}`,
    /** Sites that require their members to use TOTP. */
    totpRequired: `${prefix}:totprequired`,
  };
}
export type IntegrationKeys = ReturnType<typeof integrationKeys>;
