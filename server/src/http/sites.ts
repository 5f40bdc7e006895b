import { randomBytes } from 'node:crypto';
import {
  CascadeError,
  RotateSecret,
  SecretRotated,
  SiteQuery,
  SiteSettings,
  SiteSettingsPatch,
  SiteView,
  listedSkillNames,
} from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import type { SiteStore } from '../store/sites.ts';
import type { Notifier } from '../waterfall/notifier.ts';
import { parse } from './parse.ts';

/** The script tag a site owner pastes; the same text the README shows. */
export function snippet(serverUrl: string, siteKey: string): string {
  return `<script async src="${serverUrl}/widget.js" data-site-key="${siteKey}"></script>`;
}

/** Site settings for admins (supervisors may read them); secrets are shown only when rotated. */
export function siteRoutes(
  app: FastifyInstance,
  deps: { sites: SiteStore; publicUrl: string; notify: Pick<Notifier, 'toSiteAgents'> },
  done: (err?: Error) => void,
): void {
  const read = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: { summary: 'The site’s settings and snippet', query: SiteQuery, response: { 200: SiteView } },
    },
  } as const;
  app.get('/api/sites/settings', read, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const site = await deps.sites.get(siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    return { site, snippet: snippet(deps.publicUrl, site.publicKey) };
  });

  const change = {
    config: {
      role: 'admin',
      site: 'query',
      openapi: {
        summary: 'Changes the site’s settings',
        query: SiteQuery,
        body: SiteSettingsPatch,
        response: { 200: SiteView },
      },
    },
  } as const;
  app.patch('/api/sites/settings', change, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const patch = parse(SiteSettingsPatch, req.body);
    const [site, secrets] = await Promise.all([deps.sites.get(siteId), deps.sites.secrets(siteId)]);
    if (!site || !secrets) throw new CascadeError('not_found', 'no such site');
    const settings = parse(SiteSettings, { ...site, ...patch });
    const skillNames = listedSkillNames(settings.skills, settings.skillNames);
    const next = { ...site, ...settings, skillNames };
    await deps.sites.save(next, secrets);
    // Agents already signed in name skills from their copy of the catalogue: they get the new one.
    deps.notify.toSiteAgents(siteId, 'site:skills', { siteId, skillNames });
    return { site: next, snippet: snippet(deps.publicUrl, next.publicKey) };
  });

  /** A new secret replaces the old at once; this answer is the only time it is shown. */
  const rotate = {
    config: {
      role: 'admin',
      site: 'body',
      openapi: {
        summary: 'A new identity or webhook secret, shown this once',
        body: RotateSecret,
        response: { 200: SecretRotated },
      },
    },
  } as const;
  app.post('/api/sites/secrets/rotate', rotate, async (req) => {
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
