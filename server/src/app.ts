import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { buildCore, MAX_PAYLOAD_BYTES, type Core } from './core.ts';
import { visitorNamespace } from './io/visitor.ts';
import { agentNamespace, endAgentConnections, type Connections } from './io/agent.ts';
import { visitorActions } from './waterfall/visitor-actions.ts';
import { agentActions } from './waterfall/agent-actions.ts';
import { errorReplies, refuseBadUrl } from './http/errors.ts';
import { authRoutes, authenticator } from './http/auth.ts';
import { ticketRoutes } from './http/tickets.ts';
import { deliveryRoutes } from './delivery/routes.ts';
import { outbox } from './delivery/outbox.ts';
import { metricsRoutes } from './http/metrics.ts';
import { kbRoutes } from './http/kb.ts';
import { cannedRoutes } from './http/canned.ts';
import { siteRoutes } from './http/sites.ts';
import { agentRoutes } from './http/agents.ts';
import { invitationRoutes } from './http/invitations.ts';
import { handBack } from './waterfall/hand-back.ts';
import { visitorRoutes } from './http/visitors.ts';
import { rooms } from './io/rooms.ts';
import { boardRoutes } from './http/board.ts';
import { widgetConfigRoutes } from './http/widget-config.ts';
import { healthRoutes } from './http/health.ts';
import { staticRoutes } from './http/static.ts';
import { seedDemos, type Demo } from './demo/seed.ts';
import { demoPage } from './demo/page.ts';
import { redaction, requestForLog } from './security/redact.ts';
import { securityHeaders } from './security/headers.ts';
import { proxyTrust } from './security/proxy.ts';
import { historyRoutes } from './history/routes.ts';
import { auditRoutes, auditTrail } from './history/audit.ts';
import { conversationTags } from './history/tags.ts';
import { privacy } from './history/privacy.ts';
import { privacyRoutes } from './history/privacy-routes.ts';
import { retentionRoutes } from './history/retention-routes.ts';
import { numbersRoutes } from './history/numbers-routes.ts';
import { historyNumbers } from './history/numbers.ts';

/** `demo` is the main demo site; `demos` has it and the second tenant. */
export type Cascade = Core & { demo: Demo | null; demos: Demo[] };

declare module 'fastify' {
  interface FastifyInstance {
    cascade: Cascade;
  }
}

/** Builds the whole server: HTTP routes and Socket.IO namespaces over the core. */
export async function buildServer(config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      redact: redaction,
      // Query strings carry what people search for (and sometimes more): only paths are logged.
      serializers: { req: requestForLog },
    },
    bodyLimit: MAX_PAYLOAD_BYTES,
    // One rule for REST and the socket handshake (io/visitor.ts) decides whose address a request is.
    trustProxy: config.TRUST_PROXY === 0 ? false : proxyTrust(config.TRUST_PROXY),
    frameworkErrors: refuseBadUrl,
    // Delivery ids can be 160 characters long.
    routerOptions: { maxParamLength: 160 },
  });
  const core = await buildCore(config, app.log, app.server);
  const visitorsNsp = visitorNamespace(core.io, core, visitorActions(core, core.waterfall), app.log);
  const agentsNsp = agentNamespace(core.io, core, core.sessions, agentActions(core, core.waterfall), app.log);

  const demos = config.DEMO ? await seedDemos(core) : [];
  const demo = demos[0] ?? null;
  app.decorate('cascade', { ...core, demo, demos });

  let shuttingDown = false;
  errorReplies(app);
  securityHeaders(app);
  const secureCookies = config.COOKIE_SECURE ?? config.publicUrl.startsWith('https://');
  const authDeps = {
    sessions: core.sessions,
    agents: core.agents,
    sites: core.sites,
    secureCookies,
    rates: core.rates,
    login: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
    disconnect: (agentId: string, which?: Connections) => endAgentConnections(core.io, agentId, which),
  };
  authRoutes(app, authDeps);
  const authed = auditTrail(app, core.db, app.log, authenticator(authDeps));
  ticketRoutes(app, { tickets: core.tickets, agents: core.agents, outbox: outbox(core), authed });
  deliveryRoutes(app, { outbox: outbox(core), authed });
  metricsRoutes(app, { redis: core.redis, keys: core.keys, authed });
  kbRoutes(app, { kb: core.kb, sites: core.sites, bots: core.bots, authed });
  cannedRoutes(app, { redis: core.redis, keys: core.keys, authed });
  siteRoutes(app, { sites: core.sites, publicUrl: config.publicUrl, authed });
  const accountDeps = {
    agents: core.agents,
    invitations: core.invitations,
    sessions: core.sessions,
    sites: core.sites,
    routing: core.routing,
    authed,
    disconnect: authDeps.disconnect,
  };
  agentRoutes(app, {
    ...accountDeps,
    handBack: (siteId, agentId) => handBack(core, core.waterfall, siteId, agentId),
    publicUrl: config.publicUrl,
  });
  invitationRoutes(app, accountDeps);
  visitorRoutes(app, {
    visitors: core.visitors,
    authed,
    disconnect: (siteId, visitorId) =>
      core.io.of('/visitor').in(rooms.visitor(siteId, visitorId)).disconnectSockets(true),
  });
  boardRoutes(app, { core, authed });
  historyRoutes(app, {
    history: core.history,
    conversations: core.conversations,
    messages: core.messages,
    tags: conversationTags(core.db),
    authed,
  });
  auditRoutes(app, { db: core.db, authed });
  privacyRoutes(app, {
    privacy: privacy(core),
    authed,
    disconnect: (siteId, visitorId) =>
      core.io.of('/visitor').in(rooms.visitor(siteId, visitorId)).disconnectSockets(true),
  });
  retentionRoutes(app, { retention: core.retention, authed });
  numbersRoutes(app, { numbers: historyNumbers(core.db), authed });
  widgetConfigRoutes(app, { sites: core.sites });
  healthRoutes(app, { redis: core.redis, shuttingDown: () => shuttingDown });
  staticRoutes(app);
  app.get('/', (_req, reply) => reply.redirect(demo ? '/demo' : '/console/'));
  for (const [i, d] of demos.entries()) {
    app.get(i === 0 ? '/demo' : `/demo/${d.siteId}`, async (req, reply) => {
      const site = await core.sites.get(d.siteId);
      const serverUrl = `${req.protocol}://${req.host}`;
      return reply
        .type('text/html; charset=utf-8')
        .send(demoPage({ serverUrl, siteKey: d.siteKey, siteName: site?.name ?? d.siteName, lang: 'en' }));
    });
  }

  app.addHook('preClose', (done) => {
    shuttingDown = true;
    agentsNsp.close();
    visitorsNsp.close();
    core.io.local.disconnectSockets(true);
    done();
  });
  app.addHook('onClose', async () => {
    await core.close();
  });
  return app;
}
