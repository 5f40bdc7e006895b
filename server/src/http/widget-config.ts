import { CascadeError, PublicSiteConfig, WidgetConfigQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { publicConfig } from '../proactive/public.ts';
import type { SiteStore } from '../store/sites.ts';
import { parse } from './parse.ts';

/** The launcher's look, public by design: the site key is in every page that embeds the widget. */
export function widgetConfigRoutes(app: FastifyInstance, deps: { sites: SiteStore }) {
  const doc = {
    config: {
      openapi: {
        summary: 'The launcher’s look, for the widget (public: the key is in every page)',
        query: WidgetConfigQuery,
        response: { 200: PublicSiteConfig },
      },
    },
  } as const;
  app.get('/api/widget/config', doc, async (req, reply) => {
    const { siteKey } = parse(WidgetConfigQuery, req.query);
    const site = await deps.sites.byPublicKey(siteKey);
    if (!site) throw new CascadeError('unknown_site', 'no site has this key');
    reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=60');
    return publicConfig(site, new Date());
  });
}
