import { randomBytes } from 'node:crypto';
import { CascadeError, RotateSecret, SiteQuery, SiteSettings, SiteSettingsPatch } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { SiteStore } from '../store/sites.ts';
import { parse } from './parse.ts';

/** The script tag a site owner pastes; the same text the README shows. */
export function snippet(serverUrl: string, siteKey: string): string {
  return `<script async src="${serverUrl}/widget.js" data-site-key="${siteKey}"></script>`;
}

/** Site settings for admins (supervisors may read them); secrets are shown only when rotated. */
export function siteRoutes(
  app: FastifyInstance,
  deps: { sites: SiteStore; publicUrl: string },
  done: (err?: Error) => void,
): void {
  app.get('/api/sites/settings', { config: { role: 'supervisor', site: 'query' } }, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const site = await deps.sites.get(siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    return { site, snippet: snippet(deps.publicUrl, site.publicKey) };
  });

  app.patch('/api/sites/settings', { config: { role: 'admin', site: 'query' } }, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const patch = parse(SiteSettingsPatch, req.body);
    const [site, secrets] = await Promise.all([deps.sites.get(siteId), deps.sites.secrets(siteId)]);
    if (!site || !secrets) throw new CascadeError('not_found', 'no such site');
    const next = { ...site, ...parse(SiteSettings, { ...site, ...patch }) };
    await deps.sites.save(next, secrets);
    return { site: next, snippet: snippet(deps.publicUrl, next.publicKey) };
  });

  /** A new secret replaces the old at once; this answer is the only time it is shown. */
  app.post('/api/sites/secrets/rotate', { config: { role: 'admin', site: 'body' } }, async (req) => {
    const body = parse(RotateSecret, req.body);
    const [site, secrets] = await Promise.all([deps.sites.get(body.siteId), deps.sites.secrets(body.siteId)]);
    if (!site || !secrets) throw new CascadeError('not_found', 'no such site');
    const secret = randomBytes(32).toString('base64url');
    const next =
      body.secret === 'identity' ? { ...secrets, identitySecret: secret } : { ...secrets, webhookSecret: secret };
    await deps.sites.save(site, next);
    return { secret };
  });
  done();
}
