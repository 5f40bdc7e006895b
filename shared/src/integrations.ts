import { z } from 'zod';
import { AgentId, SiteId, Timestamp } from './ids.ts';

/** What an API token may do; each REST route a token can reach names one of these. */
export const TokenScope = z.enum(['tickets:read', 'tickets:write', 'conversations:read', 'kb:write', 'metrics:read']);
export type TokenScope = z.infer<typeof TokenScope>;

export const ApiTokenId = z.string().regex(/^[a-f0-9]{16}$/, 'token id must be 16 hex digits');

/** An integration's token as its site's admins see it; the secret itself is shown once, at creation. */
export const ApiToken = z.object({
  id: ApiTokenId,
  siteId: SiteId,
  name: z.string().trim().min(1).max(80),
  scopes: z.array(TokenScope).min(1),
  createdAt: Timestamp,
  createdBy: AgentId,
  lastUsedAt: Timestamp.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const ApiTokenCreate = z.object({
  siteId: SiteId,
  name: z.string().trim().min(1, 'name: give the token a name').max(80),
  scopes: z
    .array(TokenScope)
    .min(1, 'scopes: choose at least one')
    .max(TokenScope.options.length)
    .transform((s) => [...new Set(s)]),
});
export type ApiTokenCreate = z.infer<typeof ApiTokenCreate>;

export const ApiTokenParams = z.object({ tokenId: ApiTokenId });

/** The answer to a creation: the record, and the secret to copy now (it is stored only as a hash). */
export const ApiTokenCreated = z.object({ token: ApiToken, secret: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
export const ApiTokens = z.object({ tokens: z.array(ApiToken) });
export type ApiTokens = z.infer<typeof ApiTokens>;

/** Asks the site's webhook URL to take a test event; the answer shows what the receiver said. */
export const WebhookTest = z.object({ siteId: SiteId });
export const WebhookTestResult = z.object({
  url: z.string(),
  /** The receiver's HTTP status; null when it could not be reached. */
  status: z.number().int().nullable(),
  /** The start of its answer, or why it could not be reached. */
  body: z.string(),
  ok: z.boolean(),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;

/** A TOTP code from an authenticator app (6 digits) or a recovery code (xxxx-xxxx-xxxx). */
export const SecondFactorCode = z
  .string()
  .trim()
  .min(6)
  .max(20)
  .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/i, 'code: enter the 6 digits from your app or a recovery code');

export const TotpEnable = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'code: enter the 6 digits from your app'),
});
export const TotpDisable = z.object({ password: z.string().min(1).max(200) });
export const TotpRequirement = z.object({ siteId: SiteId, required: z.boolean() });
export type TotpRequirement = z.infer<typeof TotpRequirement>;

/** A secret to add to an authenticator app, before it is turned on with a first code. */
export const TotpSetup = z.object({ secret: z.string(), uri: z.string() });
export type TotpSetup = z.infer<typeof TotpSetup>;
export const TotpStatus = z.object({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int().nonnegative(),
  /** The names of the agent's sites that require it. */
  requiredBy: z.array(z.string()),
});
export type TotpStatus = z.infer<typeof TotpStatus>;
/** Shown once, when two-step sign-in is turned on. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;
