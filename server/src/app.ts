import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { compose, MAX_PAYLOAD_BYTES, type Core } from './compose.ts';
import { visitorNamespace } from './io/visitor.ts';
import { agentNamespace, endAgentConnections, type Connections } from './io/agent.ts';
import { errorReplies, refuseBadUrl } from './http/errors.ts';
import { accountRoutes, loginRoutes } from './http/auth.ts';
import { guard } from './http/guard.ts';
import { ticketRoutes } from './http/tickets.ts';
import { deliveryRoutes } from './delivery/routes.ts';
import { ticketDeliveryRoutes } from './delivery/ticket-routes.ts';
import { outbox } from './delivery/outbox.ts';
import { metricsRoutes } from './http/metrics.ts';
import { kbRoutes } from './http/kb.ts';
import { cannedRoutes } from './http/canned.ts';
import { siteRoutes } from './http/sites.ts';
import { agentRoutes } from './http/agents.ts';
import { invitationRoutes } from './http/invitations.ts';
import { visitorRoutes } from './http/visitors.ts';
import { rooms } from './io/rooms.ts';
import { boardRoutes } from './http/board.ts';
import { widgetConfigRoutes } from './http/widget-config.ts';
import { proactiveCountRoutes, proactiveEventRoutes } from './proactive/routes.ts';
import { proactiveCounts } from './proactive/counts.ts';
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
import { historyExports } from './history/exports.ts';
import { privacy } from './history/privacy.ts';
import { privacyRoutes } from './history/privacy-routes.ts';
import { retentionRoutes } from './history/retention-routes.ts';
import { numbersRoutes } from './history/numbers-routes.ts';
import { kbMissedRoutes } from './http/kb-missed.ts';
import { kbPhrasingRoutes } from './http/kb-phrasings.ts';
import { missedReport } from './kb/missed.ts';
import { historyNumbers } from './history/numbers.ts';
import { firstRun } from './setup/first-run.ts';
import { setupRoutes, siteLifecycleRoutes } from './http/setup.ts';
import { invitationAdminRoutes, linkRoutes } from './http/people.ts';
import { originLog } from './security/origin-log.ts';
import { accountMailer } from './auth/account-mail.ts';
import { integrations } from './integrations/integrations.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { fileAccess } from './files/access.ts';
import { agentUploadRoutes, visitorUploadRoutes } from './http/uploads.ts';
import { fileDownloadRoutes } from './http/file-downloads.ts';
import { attachmentUsageRoutes } from './http/attachment-usage.ts';
import { inboundRoutes } from './inbound/routes.ts';
import { heldEmailRoutes } from './inbound/held-routes.ts';
import { startSmtpReceiver } from './inbound/smtp-receiver.ts';
import { reachedOrigin, whileAnswering } from './public-url.ts';

/**
 * `demo` is the main demo site; `demos` has it and the second tenant. `setupLink`: the
 * one-time first-run link, while the installation has no account.
 */
export type Cascade = Core & {
  demo: Demo | null;
  demos: Demo[];
  setupLink: string | null;
  /** The SMTP receiver for replies, when INBOUND_SMTP_PORT is set. */
  inboundSmtp: { port: number } | null;
};

/**
 * Builds the whole server: HTTP routes and Socket.IO namespaces over the core. `cascade` is
 * what was composed, for the process that starts the server and for the tests.
 */
export async function buildServer(config: Config): Promise<{ app: FastifyInstance; cascade: Cascade }> {
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
    // Fastify's 10 s per plugin is too short for a start on a busy machine (the console's files,
    // the API document); a start that truly hangs still fails, a minute on.
    pluginTimeout: 60_000,
  });
  const core = await compose(config, app.log, app.server);
  const integrated = integrations(core, config);
  const origins = originLog(core.redis, core.keys);
  const fileAccessOf = fileAccess(core.files);
  const visitorsNsp = visitorNamespace(
    core.io,
    { ...core, origins, fileAccess: fileAccessOf },
    core.visitorActions,
    app.log,
  );
  const agentsNsp = agentNamespace(
    core.io,
    { ...core, secondFactorPending: integrated.secondFactorPending, fileAccess: fileAccessOf },
    core.sessions,
    core.agentActions,
    app.log,
  );

  const demos = config.DEMO ? await seedDemos(core) : [];
  const demo = demos[0] ?? null;
  const setup = firstRun(core);
  const setupToken = await setup.issueToken();
  const setupLink = setupToken ? `${config.publicUrl}/console/#setup/${setupToken}` : null;

  let shuttingDown = false;
  // After the body is read, so that the handler and all it awaits run knowing the request's host.
  app.addHook('preHandler', (req, _reply, done) => whileAnswering(reachedOrigin(req.protocol, req.host), done));
  errorReplies(app);
  securityHeaders(app);
  // Before any route: it collects them all into the OpenAPI description.
  openApiRoutes(app);
  const secureCookies = config.COOKIE_SECURE ?? config.publicUrl.startsWith('https://');
  const disconnect = (agentId: string, which?: Connections) => endAgentConnections(core.io, agentId, which);
  const disconnectVisitor = (siteId: string, visitorId: string) =>
    core.io.of('/visitor').in(rooms.visitor(siteId, visitorId)).disconnectSockets(true);
  const authDeps = {
    sessions: core.sessions,
    agents: core.agents,
    sites: core.sites,
    secureCookies,
    rates: core.rates,
    login: { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES },
    hashPassword: core.hashPassword,
    disconnect,
    routing: core.routing,
    secondFactor: integrated.secondFactor,
    secondFactorPending: integrated.secondFactorPending,
  };
  const accountDeps = {
    agents: core.agents,
    invitations: core.invitations,
    sessions: core.sessions,
    sites: core.sites,
    routing: core.routing,
    disconnect,
    hashPassword: core.hashPassword,
  };
  const people = {
    ...accountDeps,
    redis: core.redis,
    keys: core.keys,
    rates: core.rates,
    publicUrl: config.publicUrl,
    secureCookies,
    mailer: accountMailer(config),
    log: app.log,
    resetsPerHour: config.RATE_PASSWORD_RESETS_PER_HOUR,
  };
  const siteSetup = {
    ...people,
    firstRun: setup,
    db: core.db,
    origins,
    disconnectSite: async (siteId: string) => {
      for (const s of await core.io.of('/visitor').fetchSockets()) {
        if ((s.data as { siteId?: string }).siteId === siteId) s.disconnect(true);
      }
    },
  };

  const uploadDeps = {
    config,
    files: core.files,
    sites: core.sites,
    visitors: core.visitors,
    conversations: core.conversations,
    rates: core.rates,
    tickets: core.tickets,
  };
  const proactiveDeps = { sites: core.sites, counts: proactiveCounts(core.redis, core.keys), rates: core.rates };
  // Without a session: signing in, the first run, and what a link from an email opens.
  await app.register(loginRoutes, authDeps);
  await app.register(setupRoutes, siteSetup);
  await app.register(linkRoutes, people);
  await integrated.metrics(app);
  // A mail provider's webhook: its own secret, no session.
  await app.register(inboundRoutes, core.inbound);
  // Everything registered in here is for signed-in agents (or API tokens); each route names the role it needs.
  await app.register(async (api) => {
    await api.register(guard, {
      sessions: core.sessions,
      agents: core.agents,
      bearer: integrated.bearer,
      secondFactorPending: integrated.secondFactorPending,
    });
    auditTrail(api, core.db, app.log);
    await api.register(accountRoutes, authDeps);
    await api.register(ticketRoutes, {
      tickets: core.tickets,
      files: core.files,
      agents: core.agents,
      outbox: outbox(core),
    });
    await api.register(ticketDeliveryRoutes, { tickets: core.tickets, outbox: outbox(core) });
    await api.register(heldEmailRoutes, { tickets: core.tickets, held: core.inbound.held, files: core.files });
    await api.register(deliveryRoutes, { outbox: outbox(core) });
    await api.register(metricsRoutes, { redis: core.redis, keys: core.keys, statusTime: core.statusTime });
    await api.register(kbRoutes, { kb: core.kb, sites: core.sites, bots: core.bots });
    await api.register(cannedRoutes, { redis: core.redis, keys: core.keys, notify: core.notify });
    await api.register(siteRoutes, { sites: core.sites, publicUrl: config.publicUrl, notify: core.notify });
    await api.register(siteLifecycleRoutes, siteSetup);
    await api.register(agentRoutes, { ...accountDeps, handBack: core.handBack, publicUrl: config.publicUrl });
    await api.register(invitationRoutes, accountDeps);
    await api.register(invitationAdminRoutes, people);
    await api.register(visitorRoutes, { visitors: core.visitors, disconnect: disconnectVisitor });
    await api.register(boardRoutes, { core });
    await api.register(historyRoutes, {
      history: core.history,
      conversations: core.conversations,
      messages: core.messages,
      tags: conversationTags(core.db),
      answerTags: core.answerTags,
    });
    await api.register(auditRoutes, { db: core.db });
    await api.register(privacyRoutes, { privacy: privacy(core), disconnect: disconnectVisitor });
    await api.register(retentionRoutes, { retention: core.retention });
    await api.register(numbersRoutes, {
      numbers: historyNumbers(core.db),
      exports: historyExports(core.db),
      agents: core.agents,
    });
    await api.register(kbMissedRoutes, { missed: missedReport(core.db, core.kb) });
    await api.register(kbPhrasingRoutes, { kb: core.kb, bots: core.bots });
    await api.register(agentUploadRoutes, uploadDeps);
    await api.register(attachmentUsageRoutes, { records: core.files.records });
    await api.register(proactiveCountRoutes, proactiveDeps);
    await integrated.routes(api);
  });
  await app.register(visitorUploadRoutes, uploadDeps);
  await app.register(proactiveEventRoutes, proactiveDeps);
  fileDownloadRoutes(app, { files: core.files });
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

  const inboundSmtp =
    config.INBOUND_SMTP_PORT === undefined
      ? null
      : await startSmtpReceiver(core.inbound, app.log, config.INBOUND_SMTP_PORT, config.INBOUND_SMTP_HOST);

  app.addHook('preClose', async () => {
    shuttingDown = true;
    const closed = Promise.all([agentsNsp.close(), visitorsNsp.close()]);
    core.io.local.disconnectSockets(true);
    // Redis closes after this hook: what the sockets started must finish first.
    await closed;
  });
  app.addHook('onClose', async () => {
    await inboundSmtp?.close();
    await core.close();
  });
  return {
    app,
    cascade: { ...core, demo, demos, setupLink, inboundSmtp: inboundSmtp ? { port: inboundSmtp.port } : null },
  };
}
