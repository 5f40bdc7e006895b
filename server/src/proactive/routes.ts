import { CascadeError, ProactiveCounts, ProactiveEvent, SiteQuery } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { parse } from '../http/parse.ts';
import { originAllowed } from '../io/visitor.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { SiteStore } from '../store/sites.ts';
import type { ProactiveCounter } from './counts.ts';

export type ProactiveDeps = { sites: SiteStore; counts: ProactiveCounter; rates: RateLimiter };

/** A page shows, opens and chats from a few invitations a minute; more is someone inflating the counts. */
const EVENTS_PER_IP_PER_MINUTE = 30;

/**
 * The widget reports an invitation's step. It posts text/plain (a simple request: no preflight
 * from the site's pages), so the body is JSON in a string.
 */
export function proactiveEventRoutes(app: FastifyInstance, d: ProactiveDeps, done: (err?: Error) => void): void {
  const doc = {
    config: {
      openapi: {
        summary: 'The widget counts an invitation shown, opened or chatted from (public: the key is in every page)',
        description: 'Sent as text/plain holding JSON, so pages on other origins need no preflight.',
        body: ProactiveEvent,
        response: { 204: null },
      },
    },
  } as const;
  app.post('/api/widget/proactive', doc, async (req, reply) => {
    const body: unknown = typeof req.body === 'string' ? jsonOrNull(req.body) : req.body;
    const event = parse(ProactiveEvent, body);
    const site = await d.sites.byPublicKey(event.siteKey);
    if (!site) throw new CascadeError('unknown_site', 'no site has this key');
    if (!originAllowed(site, req.headers.origin, req.headers.host))
      throw new CascadeError('origin_not_allowed', 'this page may not report to this site');
    if (req.headers.origin) reply.header('access-control-allow-origin', req.headers.origin).header('vary', 'origin');
    await d.rates.check(
      `proactive:${site.id}:${req.ip}`,
      EVENTS_PER_IP_PER_MINUTE,
      60,
      'too many invitation events; please wait a minute',
    );
    if (!site.proactive?.rules.some((r) => r.name === event.rule))
      throw new CascadeError('not_found', 'this site has no rule by that name');
    await d.counts.add(site.id, event.rule, event.step);
    return reply.status(204).send();
  });
  done();
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Shown, opened and chatted per rule, for the dashboard. */
export function proactiveCountRoutes(app: FastifyInstance, d: ProactiveDeps, done: (err?: Error) => void): void {
  const doc = {
    config: {
      role: 'supervisor',
      site: 'query',
      openapi: {
        summary: 'Invitations shown, opened and chatted from, per rule',
        query: SiteQuery,
        response: { 200: ProactiveCounts },
      },
    },
  } as const;
  app.get('/api/sites/proactive/counts', doc, async (req) => {
    const { siteId } = parse(SiteQuery, req.query);
    const site = await d.sites.get(siteId);
    if (!site) throw new CascadeError('not_found', 'no such site');
    const names = site.proactive?.rules.map((r) => r.name) ?? [];
    return { rules: await d.counts.list(siteId, names) };
  });
  done();
}
