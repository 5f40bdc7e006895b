import type {
  ApiToken,
  ApiTokenCreated,
  Delivery,
  TokenScope,
  TotpRequirement,
  TotpSetup,
  TotpStatus,
  WebhookTestResult,
} from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export async function listTokens(siteId: string): Promise<ApiToken[]> {
  return (await requestJson<{ tokens: ApiToken[] }>('GET', `/api/integrations/tokens${siteQuery(siteId)}`)).tokens;
}

export function createToken(
  siteId: string,
  name: string,
  scopes: TokenScope[],
  csrf: string,
): Promise<ApiTokenCreated> {
  return requestJson<ApiTokenCreated>('POST', '/api/integrations/tokens', { body: { siteId, name, scopes }, csrf });
}

export async function revokeToken(siteId: string, tokenId: string, csrf: string): Promise<void> {
  await requestJson<unknown>('DELETE', `/api/integrations/tokens/${tokenId}${siteQuery(siteId)}`, { csrf });
}

export function testWebhook(siteId: string, csrf: string): Promise<WebhookTestResult> {
  return requestJson<WebhookTestResult>('POST', '/api/integrations/webhooks/test', { body: { siteId }, csrf });
}

export async function listDeliveries(siteId: string): Promise<Delivery[]> {
  return (await requestJson<{ deliveries: Delivery[] }>('GET', `/api/deliveries${siteQuery(siteId, { limit: 50 })}`))
    .deliveries;
}

export function retryDelivery(deliveryId: string, csrf: string): Promise<{ delivery: Delivery }> {
  return requestJson<{ delivery: Delivery }>('POST', `/api/deliveries/${deliveryId}/retry`, { csrf });
}

export function totpStatus(): Promise<TotpStatus> {
  return requestJson<TotpStatus>('GET', '/api/auth/totp');
}

export function totpSetup(csrf: string): Promise<TotpSetup> {
  return requestJson<TotpSetup>('POST', '/api/auth/totp/setup', { csrf });
}

export function totpEnable(code: string, csrf: string): Promise<{ recoveryCodes: string[] }> {
  return requestJson<{ recoveryCodes: string[] }>('POST', '/api/auth/totp/enable', { body: { code }, csrf });
}

export async function totpDisable(password: string, csrf: string): Promise<void> {
  await requestJson<unknown>('POST', '/api/auth/totp/disable', { body: { password }, csrf });
}

export function setTotpRequired(siteId: string, required: boolean, csrf: string): Promise<TotpStatus> {
  return requestJson<TotpStatus>('POST', '/api/integrations/totp-requirement', { body: { siteId, required }, csrf });
}

export function totpRequirement(siteId: string): Promise<TotpRequirement> {
  return requestJson<TotpRequirement>('GET', `/api/integrations/totp-requirement${siteQuery(siteId)}`);
}
