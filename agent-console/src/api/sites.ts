import type { Site, SiteSettingsPatch } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

export interface SiteSettingsReply {
  site: Site;
  /** The script tag to paste into the site's pages. */
  snippet: string;
}

export type SecretKind = 'identity' | 'webhook';

export function getSiteSettings(siteId: string): Promise<SiteSettingsReply> {
  return requestJson<SiteSettingsReply>('GET', `/api/sites/settings${siteQuery(siteId)}`);
}

export function patchSiteSettings(siteId: string, patch: SiteSettingsPatch, csrf: string): Promise<SiteSettingsReply> {
  return requestJson<SiteSettingsReply>('PATCH', `/api/sites/settings${siteQuery(siteId)}`, { body: patch, csrf });
}

export async function rotateSecret(siteId: string, secret: SecretKind, csrf: string): Promise<string> {
  const reply = await requestJson<{ secret: string }>('POST', '/api/sites/secrets/rotate', {
    body: { siteId, secret },
    csrf,
  });
  return reply.secret;
}
