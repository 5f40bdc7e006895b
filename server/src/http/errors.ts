import { CascadeError, httpStatus } from '@cascade/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Every error leaves as `{ error: { code, message } }` with a matching status; internals are not shown. */
export function errorReplies(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof CascadeError)
      return reply.status(httpStatus[err.code]).send({ error: { code: err.code, message: err.message } });
    const status =
      typeof (err as { statusCode?: unknown }).statusCode === 'number'
        ? (err as { statusCode: number }).statusCode
        : 500;
    if (status < 500) {
      const code =
        status === 413
          ? 'invalid_payload'
          : status === 404
            ? 'not_found'
            : status === 429
              ? 'rate_limited'
              : 'invalid_payload';
      return reply
        .status(status)
        .send({ error: { code, message: err instanceof Error ? err.message : 'bad request' } });
    }
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: 'internal', message: 'something went wrong on our side' } });
  });
  app.setNotFoundHandler((_req, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: 'no such route' } }),
  );
}

/**
 * Fastify's `frameworkErrors`: a URL refused before routing (bad percent-encoding, an over-long
 * id) gets the same shape.
 */
export function refuseBadUrl(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  // The router answers before any hook runs, so the headers every answer carries are set here too.
  void reply
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .status(err.statusCode ?? 400)
    .send({ error: { code: 'invalid_payload', message: err.message } });
}
