import { CascadeError, InboundAnswer } from '@cascade/shared';
import type { FastifyInstance } from 'fastify';
import { sameSecret } from '../security/same-secret.ts';
import { receiveEmail, type InboundDeps } from './receive.ts';

/** The media types providers post raw MIME as. */
const RAW_MIME = ['message/rfc822', 'text/plain', 'application/octet-stream'];

/**
 * `POST /api/inbound/email`: a mail provider's inbound webhook posts the raw message here,
 * with INBOUND_SECRET as a bearer token. Off (404) without INBOUND_SECRET.
 */
export function inboundRoutes(app: FastifyInstance, deps: InboundDeps, done: (err?: Error) => void): void {
  const limit = deps.config.INBOUND_MAX_BYTES;
  app.addContentTypeParser(RAW_MIME, { parseAs: 'buffer', bodyLimit: limit }, (_req, body, parsed) =>
    parsed(null, body),
  );
  const route = {
    bodyLimit: limit,
    config: {
      openapi: {
        summary: 'Takes in a reply to a ticket’s email: the raw MIME message (message/rfc822)',
        response: { 202: InboundAnswer },
        security: [{ inboundSecret: [] }],
      },
    },
  } as const;
  app.post('/api/inbound/email', route, async (req, reply) => {
    const secret = deps.config.INBOUND_SECRET;
    if (!secret) throw new CascadeError('not_found', 'inbound email over HTTP is off: INBOUND_SECRET is not set');
    const given = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!given || !sameSecret(given, secret)) {
      reply.header('www-authenticate', 'Bearer realm="inbound"');
      throw new CascadeError('unauthorized', 'send INBOUND_SECRET as Authorization: Bearer');
    }
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      throw new CascadeError('invalid_payload', 'send the raw message as the body, as message/rfc822');
    }
    const answer = await receiveEmail(deps, req.body, { recipients: [], returnPath: null });
    return reply.status(202).send(answer);
  });
  done();
}
