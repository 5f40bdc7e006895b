import type { Installation, SetupBody, SetupTokenState, SiteCreate, SiteCreated } from '@cascade/shared';
import { requestJson } from './http.ts';
import { siteQuery } from './site-query.ts';

/** Whether the setup link the console was opened with can still create the owner. */
export async function setupTokenValid(token: string): Promise<boolean> {
  return (await requestJson<SetupTokenState>('GET', `/api/setup/${encodeURIComponent(token)}`)).valid;
}

/** Creates the owner and the first site; the answer's cookie signs the owner in. */
export function completeSetup(body: SetupBody): Promise<SiteCreated> {
  return requestJson<SiteCreated>('POST', '/api/setup', { body });
}

/** Another site, of which the signed-in admin becomes the admin. */
export function createSite(body: SiteCreate, csrf: string): Promise<SiteCreated> {
  return requestJson<SiteCreated>('POST', '/api/sites', { body, csrf });
}

/** A new public key; pages with the old snippet stop loading the chat. */
export function rotateSiteKey(siteId: string, csrf: string): Promise<SiteCreated> {
  return requestJson<SiteCreated>('POST', '/api/sites/key/rotate', { body: { siteId }, csrf });
}

/** Removes the site and everything it holds; `confirm` is its name, typed again. */
export async function removeSite(siteId: string, confirm: string, csrf: string): Promise<void> {
  await requestJson<unknown>('POST', '/api/sites/remove', { body: { siteId, confirm }, csrf });
}

export function getInstallation(siteId: string): Promise<Installation> {
  return requestJson<Installation>('GET', `/api/sites/installation${siteQuery(siteId)}`);
}
