import {
  AgentUploadParams,
  CascadeError,
  TicketUploadParams,
  UploadQuery,
  UploadReply,
  VISITOR_TOKEN_HEADER,
  VisitorUploadParams,
  openStates,
  type Agent,
  type Site,
} from '@cascade/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Files } from '../files/service.ts';
import { rawBodies, readUpload } from '../files/body.ts';
import { settingsOf, type Uploader } from '../files/uploads.ts';
import { originAllowed } from '../io/visitor.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { ConversationStore } from '../store/conversations.ts';
import type { SiteStore } from '../store/sites.ts';
import type { TicketStore } from '../store/tickets.ts';
import { ticketOfAgent } from '../tickets/of-agent.ts';
import type { VisitorStore } from '../store/visitors.ts';
import { parse } from './parse.ts';

export type UploadDeps = {
  config: Config;
  files: Files;
  sites: SiteStore;
  visitors: VisitorStore;
  conversations: ConversationStore;
  rates: RateLimiter;
  tickets: TicketStore;
};

const VisitorToken = z.string().min(16).max(128);
const VISITOR_UPLOAD = '/api/visitor/files/:uploadId';

/** Stores the body for the uploader and answers with the file and its links. */
async function store(d: UploadDeps, req: FastifyRequest, u: Uploader, uploadId: string) {
  const { name } = parse(UploadQuery, req.query);
  const settings = settingsOf(u.site);
  if (settings.allowedTypes.length === 0) throw new CascadeError('file_type_not_allowed', 'files cannot be sent here');
  const bytes = await readUpload(req, settings.maxBytes);
  const file = await d.files.uploads.accept(u, uploadId, name, bytes);
  return UploadReply.parse({ file: d.files.links.link(file) });
}

function allowOrigin(reply: FastifyReply, origin: string | undefined): void {
  if (origin) reply.header('access-control-allow-origin', origin).header('vary', 'origin');
}

/**
 * A visitor's upload: the widget's token names the visitor (no cookie: the widget lives on
 * other sites' pages), the page's origin must be on the site's list like the socket's.
 */
export function visitorUploadRoutes(app: FastifyInstance, d: UploadDeps, done: (err?: Error) => void): void {
  rawBodies(app);
  // A page on another origin asks first: PUT with the token header is not a simple request.
  app.options(VISITOR_UPLOAD, async (req, reply) => {
    allowOrigin(reply, req.headers.origin);
    return reply
      .header('access-control-allow-methods', 'PUT')
      .header('access-control-allow-headers', `content-type, ${VISITOR_TOKEN_HEADER}`)
      .header('access-control-max-age', '600')
      .status(204)
      .send();
  });
  app.put(
    VISITOR_UPLOAD,
    {
      config: {
        openapi: {
          summary: 'A visitor uploads a file (the body), to send with a message',
          description: `The visitor's token in \`${VISITOR_TOKEN_HEADER}\`. The same uploadId again returns the same file.`,
          params: VisitorUploadParams,
          query: UploadQuery,
          response: { 200: UploadReply },
        },
      },
    },
    async (req, reply) => {
      const { uploadId } = parse(VisitorUploadParams, req.params);
      const token = VisitorToken.safeParse(req.headers[VISITOR_TOKEN_HEADER]);
      const ref = token.success ? await d.visitors.byToken(token.data) : null;
      const [site, visitor] = ref
        ? await Promise.all([d.sites.get(ref.siteId), d.visitors.get(ref.siteId, ref.visitorId)])
        : [null, null];
      if (!site || !visitor) throw new CascadeError('unauthorized', 'this visitor is not known; reconnect');
      if (!originAllowed(site, req.headers.origin, req.headers.host))
        throw new CascadeError('origin_not_allowed', 'this page may not upload to this site');
      allowOrigin(reply, req.headers.origin);
      const tooMany = 'you are sending many files; please wait a while';
      await d.rates.check(
        `upload:v:${site.id}:${visitor.id}`,
        d.config.RATE_UPLOADS_PER_VISITOR_PER_HOUR,
        3600,
        tooMany,
      );
      await d.rates.check(`upload:ip:${req.ip}`, d.config.RATE_UPLOADS_PER_IP_PER_HOUR, 3600, tooMany);
      const currentId = await d.visitors.currentConversation(site.id, visitor.id);
      const current = currentId ? await d.conversations.get(currentId) : null;
      return store(
        d,
        req,
        uploaderOf(site, visitor.id, current && openStates.has(current.state) ? current.id : null),
        uploadId,
      );
    },
  );
  done();
}

const uploaderOf = (site: Site, visitorId: string, conversationId: string | null): Uploader => ({
  site,
  conversationId,
  visitorId,
  who: `visitor:${visitorId}`,
});

const agentRate = (d: UploadDeps, agent: Agent) =>
  d.rates.check(
    `upload:a:${agent.id}`,
    d.config.RATE_UPLOADS_PER_IP_PER_HOUR,
    3600,
    'you are sending many files; please wait a while',
  );

/** An agent's upload, into a conversation of one of their sites or to one of their tickets. */
export function agentUploadRoutes(app: FastifyInstance, d: UploadDeps, done: (err?: Error) => void): void {
  rawBodies(app);
  app.put(
    '/api/conversations/:conversationId/files/:uploadId',
    {
      config: {
        role: 'agent',
        openapi: {
          summary: 'An agent uploads a file (the body) into a conversation, to send with a message',
          description: 'The same uploadId again returns the same file.',
          params: AgentUploadParams,
          query: UploadQuery,
          response: { 200: UploadReply },
        },
      },
    },
    async (req) => {
      const { conversationId, uploadId } = parse(AgentUploadParams, req.params);
      const agent: Agent = req.agent;
      const c = await d.conversations.get(conversationId);
      if (!c || !agent.memberships.some((m) => m.siteId === c.siteId))
        throw new CascadeError('not_found', 'no such chat');
      if (!openStates.has(c.state)) throw new CascadeError('invalid_state', 'this chat has ended');
      const site = await d.sites.get(c.siteId);
      if (!site) throw new CascadeError('not_found', 'no such chat');
      await agentRate(d, agent);
      return store(d, req, { site, conversationId: c.id, visitorId: c.visitorId, who: `agent:${agent.id}` }, uploadId);
    },
  );
  app.put(
    '/api/tickets/:ticketId/files/:uploadId',
    {
      config: {
        role: 'agent',
        openapi: {
          summary: 'An agent uploads a file (the body) to a ticket, to send with a reply by email',
          description: 'The same uploadId again returns the same file.',
          params: TicketUploadParams,
          query: UploadQuery,
          response: { 200: UploadReply },
        },
      },
    },
    async (req) => {
      const { ticketId, uploadId } = parse(TicketUploadParams, req.params);
      const agent: Agent = req.agent;
      // A ticket's chat has ended, but its thread goes on by email: its files go with the replies.
      const ticket = await ticketOfAgent(d.tickets, agent, ticketId);
      const site = await d.sites.get(ticket.siteId);
      if (!site) throw new CascadeError('not_found', 'no such ticket');
      await agentRate(d, agent);
      const who = `agent:${agent.id}`;
      return store(
        d,
        req,
        { site, conversationId: ticket.conversationId, visitorId: ticket.visitor.id, who },
        uploadId,
      );
    },
  );
  done();
}
